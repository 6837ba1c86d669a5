import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium as playwright, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs'
import { useHosts } from './support/host'
import { keepRecordings, lastRecordingLevels, levelsHeard, makeSpeechInNoise, type SpeechInNoise } from './support/speech-in-noise'

const tempDir = useTempDirs()
const startHost = useHosts(tempDir)

let browser: Browser
let sound: SpeechInNoise
let soundDir: string

beforeAll(async () => {
  soundDir = mkdtempSync(join(tmpdir(), 'greenroom-speech-'))
  sound = makeSpeechInNoise(soundDir)
  browser = await playwright.launch({
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS, `--use-file-for-fake-audio-capture=${sound.mixPath}`]
  })
})
afterAll(async () => {
  await browser?.close()
  rmSync(soundDir, { recursive: true, force: true })
})

/** The connection test page, with each recording's Blob kept aside for the test to measure. */
async function openConnectionTest(on: Browser = browser): Promise<Page> {
  const host = await startHost()
  const context = await on.newContext()
  if (on !== browser) await context.grantPermissions([], { origin: host.origin })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  await keepRecordings(page)
  await page.goto(host.url)
  await page.getByRole('link', { name: 'Connection test' }).click()
  await page.getByRole('heading', { level: 1, name: 'Connection test' }).waitFor()
  return page
}

const hearYourself = (page: Page) => page.getByRole('region', { name: 'Hear yourself' })

/** The last recording's level per 10 ms frame, dBFS, decoded in the page. */
async function recordFiveSeconds(page: Page): Promise<void> {
  const section = hearYourself(page)
  await section.getByRole('button', { name: /^Record/ }).click()
  await section.getByRole('status').getByText('Playing your recording…').waitFor({ timeout: 15_000 })
  await section.getByRole('button', { name: 'Stop' }).click()
  await section
    .getByRole('status')
    .getByText(/^Done\./)
    .waitFor()
}

describe('Hear yourself on the connection test page', () => {
  it('records five seconds with a countdown, plays them back, and is driven from the keyboard', async () => {
    const page = await openConnectionTest()
    const section = hearYourself(page)
    const status = section.getByRole('status')
    await expect(section.getByRole('switch', { name: 'Noise suppression' }).isChecked()).resolves.toBe(true)

    await section.getByRole('button', { name: 'Record 5 seconds' }).focus()
    await page.keyboard.press('Enter')
    await status.getByText('Recording… say something. 5 seconds left.').waitFor()
    await status.getByText('1 second left.', { exact: false }).waitFor({ timeout: 8_000 })
    await status.getByText('Playing your recording…').waitFor({ timeout: 8_000 })
    const playing = await page.locator('section[aria-label="Hear yourself"] audio').evaluate((audio: HTMLAudioElement) => ({
      paused: audio.paused,
      src: audio.src
    }))
    expect(playing.paused).toBe(false)
    expect(playing.src).toMatch(/^blob:/)
    // Played to its end, the recording is about five seconds long.
    await status.getByText(/^Done\./).waitFor({ timeout: 10_000 })
    const seconds = await page.locator('section[aria-label="Hear yourself"] audio').evaluate((audio: HTMLAudioElement) => audio.currentTime)
    expect(seconds).toBeGreaterThan(4)
    expect(seconds).toBeLessThan(6.5)

    // Something was heard: the fake microphone's sentence, not silence.
    const levels = await lastRecordingLevels(page)
    expect(Math.max(...levels)).toBeGreaterThan(-40)
    await section.getByRole('button', { name: 'Play again' }).focus()
    await page.keyboard.press('Enter')
    await status.getByText('Playing your recording…').waitFor()
    await section.getByRole('button', { name: 'Stop' }).click()
    await section.getByRole('button', { name: 'Record again' }).waitFor()
  })

  it('takes the noise out of the pauses and leaves the speech as it was (measured)', async () => {
    const page = await openConnectionTest()
    await recordFiveSeconds(page)
    const on = levelsHeard(await lastRecordingLevels(page), sound.speechLevels)
    await hearYourself(page).getByRole('switch', { name: 'Noise suppression' }).uncheck({ force: true })
    await recordFiveSeconds(page)
    const off = levelsHeard(await lastRecordingLevels(page), sound.speechLevels)

    const pauseDrop = off.pauseDb - on.pauseDb
    const speechChange = on.speechDb - off.speechDb
    console.log(
      `noise suppression, speech in pink noise through Chromium's fake microphone: ` +
        `pauses ${off.pauseDb.toFixed(1)} dBFS off → ${on.pauseDb.toFixed(1)} dBFS on (${pauseDrop.toFixed(1)} dB lower); ` +
        `speech ${off.speechDb.toFixed(1)} → ${on.speechDb.toFixed(1)} dBFS (${speechChange >= 0 ? '+' : ''}${speechChange.toFixed(1)} dB); ` +
        `frames: pauses ${on.pauseFrames}/${off.pauseFrames}, speech ${on.speechFrames}/${off.speechFrames}`
    )
    expect(Math.min(on.pauseFrames, off.pauseFrames)).toBeGreaterThan(30)
    expect(Math.min(on.speechFrames, off.speechFrames)).toBeGreaterThan(30)
    expect(pauseDrop).toBeGreaterThanOrEqual(15)
    expect(Math.abs(speechChange)).toBeLessThanOrEqual(3)
  })

  describe('with the microphone blocked', () => {
    let blocking: Browser
    beforeAll(async () => {
      // No fake permission prompt: the request is refused, as when a user says no.
      blocking = await playwright.launch({
        executablePath: findChromium(),
        args: CHROMIUM_ARGS.filter((arg) => arg !== '--use-fake-ui-for-media-stream')
      })
    })
    afterAll(async () => blocking?.close())

    it('says the microphone is blocked and how to allow it', async () => {
      const page = await openConnectionTest(blocking)
      await hearYourself(page).getByRole('button', { name: 'Record 5 seconds' }).click()
      await hearYourself(page)
        .getByRole('status')
        .getByText(/may not use your microphone\. Allow it/)
        .waitFor()
      await hearYourself(page).getByRole('button', { name: 'Record again' }).waitFor()
    })
  })
})
