import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { useChromium } from './support/browser'
import { hostWithInterview, startCall } from './support/call'
import { useHosts } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

describe('sound in the call', () => {
  it('plays the other side on the speaker chosen mid-call, and hints when someone talks while muted', async () => {
    const host = await startHost()
    const { page } = await hostWithInterview(host, chromium.newPage)
    const { guest } = await startCall(page, chromium.newPage)

    // Speaker: the outputs the system has, and the chosen one is where the other side plays.
    const outputs = await page.evaluate(async () =>
      (await navigator.mediaDevices.enumerateDevices()).filter((device) => device.kind === 'audiooutput').map((device) => device.deviceId)
    )
    expect(outputs.length).toBeGreaterThan(0)
    const chosen = outputs.at(-1)!
    await page.getByRole('button', { name: 'Choose camera and microphone' }).click()
    await page.getByRole('menu').getByText('Speaker').waitFor()
    const items = page.getByRole('menuitem')
    const labels = await items.allTextContents()
    const speakerLabels = await page.evaluate(async () =>
      (await navigator.mediaDevices.enumerateDevices()).filter((device) => device.kind === 'audiooutput').map((device) => device.label)
    )
    await items.nth(labels.lastIndexOf(speakerLabels.at(-1)!)).click()
    await expect
      .poll(() =>
        page.getByLabel('Video from Maya Chen', { exact: true }).evaluate((video: HTMLVideoElement & { sinkId?: string }) => video.sinkId)
      )
      .toBe(chosen)

    // Muted while the microphone hears sound (the fake microphone beeps): the hint, and Unmute.
    await guest.getByRole('button', { name: 'Mute microphone' }).click()
    await guest.getByText('You are talking while muted').waitFor({ timeout: 15_000 })
    await guest.getByRole('status').getByRole('button', { name: 'Unmute' }).click()
    await guest.getByRole('button', { name: 'Mute microphone' }).waitFor()
    await guest.getByText('You are talking while muted').waitFor({ state: 'detached' })
  })
})
