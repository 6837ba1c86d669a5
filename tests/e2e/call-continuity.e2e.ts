import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { useChromium } from './support/browser'
import { CAPTURE_CONNECTIONS, hostWithInterview, startCall, videoFlows } from './support/call'
import { useHosts } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

/** Keeps every camera and microphone track the page opens, to see whether they were stopped. */
const CAPTURE_TRACKS = `
  window.__tracks = [];
  const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (...args) => {
    const stream = await open(...args);
    window.__tracks.push(...stream.getTracks());
    return stream;
  };
`
const INIT = CAPTURE_CONNECTIONS + CAPTURE_TRACKS

/** The readyState of every camera and microphone track the page opened. */
const trackStates = (page: Page) =>
  page.evaluate(() => (window as unknown as { __tracks: MediaStreamTrack[] }).__tracks.map((track) => `${track.kind} ${track.readyState}`))

/** The call timer's reading in seconds, from its accessible name ("Call time 1:05 of 20 minutes"). */
async function timerSeconds(page: Page): Promise<number> {
  const label = (await page.getByRole('timer').getAttribute('aria-label')) ?? ''
  const [, minutes, seconds] = /Call time (\d+):(\d\d)/.exec(label) ?? []
  if (minutes === undefined) throw new Error(`not a call time: "${label}"`)
  return Number(minutes) * 60 + Number(seconds)
}

/** From now on, notes whether the page ever shows a ring or that the call ended (the host's after-call screen, the guest's message). */
const watchForInterruptions = (page: Page) =>
  page.evaluate(() => {
    const seen = ((window as unknown as { __interruptions: string[] }).__interruptions = [] as string[])
    const look = () => {
      if (document.querySelector('[role="alertdialog"]')) seen.push('ring')
      const headings = [...document.querySelectorAll('h1, h2, h3')].map((heading) => heading.textContent?.trim())
      if (headings.includes('Call ended')) seen.push('call ended')
      if (document.body.textContent?.includes('The call has ended')) seen.push('the call has ended')
    }
    new MutationObserver(look).observe(document.body, { childList: true, subtree: true, characterData: true })
  })
const interruptions = (page: Page) =>
  page.evaluate(() => [...new Set((window as unknown as { __interruptions: string[] }).__interruptions)])
const callsOf = (page: Page, interviewId: string) => page.evaluate((id) => window.greenroom.listCalls({ interviewId: id }), interviewId)

describe('a call that survives a reload', () => {
  it('the guest reloads mid-call: the host stays in the call, the timer runs on, one call of the full length is recorded, devices are released at the end', async () => {
    const host = await startHost()
    const { page, id } = await hostWithInterview(host, chromium.newPage, INIT)
    const beforeCall = Date.now()
    const { guest } = await startCall(page, chromium.newPage, { guestInit: INIT })
    const connected = Date.now()
    await page.waitForTimeout(4_000)
    await watchForInterruptions(page)
    const beforeReload = await timerSeconds(page)
    expect(beforeReload).toBeGreaterThanOrEqual(3)

    // The page asks before it goes (a call is on); the guest says yes and reloads.
    guest.on('dialog', (dialog) => void dialog.accept())
    await guest.reload()

    // The guest's page goes straight back into the call, without the device check or a second ring.
    await videoFlows(page, 'Video from Maya Chen', 30_000)
    await videoFlows(guest, 'Video from Sam Rivera', 30_000)
    expect(await guest.getByRole('button', { name: 'Join call' }).count()).toBe(0)
    await page.getByText('Connection dropped. Reconnecting…').waitFor({ state: 'hidden', timeout: 20_000 })

    // Both timers count from the first connection, and keep moving.
    const afterReload = await timerSeconds(page)
    expect(afterReload).toBeGreaterThan(beforeReload)
    await expect.poll(() => timerSeconds(page), { timeout: 5_000 }).toBeGreaterThan(afterReload)
    expect(await timerSeconds(guest)).toBeGreaterThanOrEqual(beforeReload)
    await expect.poll(() => timerSeconds(guest), { timeout: 5_000 }).toBeGreaterThan(afterReload - 1)
    expect(await interruptions(page)).toEqual([])

    await page.waitForTimeout(2_000)
    await page.getByRole('button', { name: 'Hang up' }).click()
    const hungUp = Date.now()
    await guest.getByText('Sam Rivera ended the call.').waitFor()
    await page.getByRole('heading', { name: 'Call ended' }).waitFor()

    // One call on the record, from the first connection to the hang-up, its reconnection counted.
    await expect.poll(() => callsOf(page, id).then((calls) => calls.length)).toBe(1)
    const [call] = await callsOf(page, id)
    // Between the time video flowed both ways and the time the test began the call: the whole call, not its first part.
    expect(call!.durationSeconds).toBeGreaterThanOrEqual(Math.floor((hungUp - connected) / 1000) - 1)
    expect(call!.durationSeconds).toBeLessThanOrEqual(Math.ceil((hungUp - beforeCall) / 1000) + 1)
    expect(call!.durationSeconds).toBeGreaterThan(beforeReload + 4)
    expect(call!.measurements.reconnects).toBe(1)
    const measured = page.getByRole('table', { name: 'Measured call quality' })
    const reconnections = measured.getByRole('row', { name: /^Reconnections/ }).getByRole('cell')
    await expect(reconnections.textContent()).resolves.toBe('1')

    // Camera and microphone are released on both sides (the guest's reloaded page's too).
    for (const side of [page, guest]) {
      await expect.poll(() => trackStates(side)).toEqual(expect.arrayContaining(['audio ended', 'video ended']))
      expect((await trackStates(side)).filter((state) => !state.endsWith('ended'))).toEqual([])
    }
  }, 150_000)

  it('the host reloads mid-call: the guest stays in the call, the host’s page goes back in, one call on the record', async () => {
    const host = await startHost()
    const { page, id } = await hostWithInterview(host, chromium.newPage, INIT)
    const { guest } = await startCall(page, chromium.newPage, { guestInit: INIT })
    const connected = Date.now()
    await page.waitForTimeout(3_000)
    await watchForInterruptions(guest)
    const beforeReload = await timerSeconds(guest)

    page.on('dialog', (dialog) => void dialog.accept())
    await page.reload()
    await videoFlows(page, 'Video from Maya Chen', 30_000)
    await videoFlows(guest, 'Video from Sam Rivera', 30_000)
    // No ring on the host's side, no "call has ended" on the guest's: the same call goes on.
    expect(await page.getByRole('alertdialog').count()).toBe(0)
    await guest.getByText('Connection dropped. Reconnecting…').waitFor({ state: 'hidden', timeout: 20_000 })
    expect(await interruptions(guest)).toEqual([])
    expect(await timerSeconds(page)).toBeGreaterThanOrEqual(beforeReload)
    await expect.poll(() => timerSeconds(guest), { timeout: 5_000 }).toBeGreaterThan(beforeReload)

    await guest.getByRole('button', { name: 'Hang up' }).click()
    const hungUp = Date.now()
    await page.getByRole('heading', { name: 'Call ended' }).waitFor()
    await expect.poll(() => callsOf(page, id).then((calls) => calls.length)).toBe(1)
    const [call] = await callsOf(page, id)
    expect(call!.durationSeconds).toBeGreaterThanOrEqual(Math.floor((hungUp - connected) / 1000) - 1)
    expect(call!.measurements.reconnects).toBe(1)
  }, 150_000)

  it('releases the guest’s camera and microphone when the guest hangs up, and the host’s too', async () => {
    const host = await startHost()
    const { page } = await hostWithInterview(host, chromium.newPage, INIT)
    const { guest } = await startCall(page, chromium.newPage, { guestInit: INIT })
    expect(await trackStates(guest)).toContain('video live')

    await guest.getByRole('button', { name: 'Hang up' }).click()
    await guest.getByText('The call has ended').waitFor()
    await page.getByRole('heading', { name: 'Call ended' }).waitFor()
    for (const side of [page, guest]) {
      await expect.poll(async () => (await trackStates(side)).filter((state) => !state.endsWith('ended'))).toEqual([])
    }
  })

  it('a third person with the link is refused plainly, sees no call controls, and their camera goes off; the call goes on', async () => {
    const host = await startHost()
    const { page } = await hostWithInterview(host, chromium.newPage, INIT)
    const { link } = await startCall(page, chromium.newPage, { guestInit: INIT })

    const third = await chromium.newPage()
    await third.addInitScript(INIT)
    await third.goto(link)
    await third.getByRole('textbox', { name: 'Your name' }).fill('Alex Kim')
    await third.getByRole('button', { name: 'Join call' }).click()
    await third.getByText('This call can’t be joined').waitFor()
    await third.getByText('This call already has its guest: two people at most').waitFor()
    expect(await third.getByRole('toolbar', { name: 'Call controls' }).count()).toBe(0)
    expect(await third.getByRole('button', { name: /microphone|camera|Hang up/i }).count()).toBe(0)
    await expect.poll(async () => (await trackStates(third)).filter((state) => !state.endsWith('ended'))).toEqual([])
    expect(await trackStates(third)).toEqual(expect.arrayContaining(['audio ended', 'video ended']))

    // Nobody else noticed: the call is still on for the two in it.
    await videoFlows(page, 'Video from Maya Chen')
    expect(await page.getByRole('alertdialog').count()).toBe(0)
  })
})
