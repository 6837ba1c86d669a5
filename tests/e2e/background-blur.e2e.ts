import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { consoleErrorsOf, useChromium } from './support/browser'
import { useHosts } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

/** The connection test page with every request outside the app's own origin refused and noted. */
async function openOffline(): Promise<{ page: Page; elsewhere: string[] }> {
  const host = await startHost()
  const page = await chromium.newPage()
  const elsewhere: string[] = []
  await page.context().route('**/*', (route) => {
    const url = route.request().url()
    if (new URL(url).origin === host.origin) return route.continue()
    elsewhere.push(url)
    return route.abort('blockedbyclient')
  })
  await page.goto(host.url)
  await page.getByRole('link', { name: 'Connection test' }).click()
  await page.getByRole('heading', { level: 1, name: 'Connection test' }).waitFor()
  return { page, elsewhere }
}

/**
 * How sharp the picture in a video is (the mean squared brightness difference between
 * neighbouring pixels) and how bright, from the first frame with a picture in it (a new
 * track's first frames can be blank).
 */
function measureFrame(page: Page, label: string): Promise<{ sharpness: number; brightness: number }> {
  return page.getByLabel(label, { exact: true }).evaluate(async (video: HTMLVideoElement) => {
    for (let attempt = 0; ; attempt++) {
      await new Promise((resolve) => video.requestVideoFrameCallback(resolve))
      const canvas = Object.assign(document.createElement('canvas'), { width: video.videoWidth, height: video.videoHeight })
      const context = canvas.getContext('2d', { willReadFrequently: true })!
      context.drawImage(video, 0, 0)
      const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height)
      const luma = (x: number, y: number) => {
        const i = (y * width + x) * 4
        return 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!
      }
      let differences = 0
      let brightness = 0
      for (let y = 0; y < height - 1; y++) {
        for (let x = 0; x < width - 1; x++) {
          differences += (luma(x + 1, y) - luma(x, y)) ** 2 + (luma(x, y + 1) - luma(x, y)) ** 2
          brightness += luma(x, y)
        }
      }
      const pixels = (width - 1) * (height - 1)
      if (brightness / pixels > 5 || attempt === 20) return { sharpness: differences / pixels, brightness: brightness / pixels }
    }
  })
}

describe('background blur', () => {
  it('blurs the camera with MediaPipe loaded from the app alone, nothing fetched from anywhere else', async () => {
    const { page, elsewhere } = await openOffline()
    const section = page.getByRole('region', { name: 'Background blur' })
    await section.getByRole('switch', { name: 'Blur my background' }).uncheck({ force: true })
    await section.getByRole('switch', { name: 'Show my camera' }).check({ force: true })
    await page.getByLabel('Camera preview', { exact: true }).waitFor()
    const camera = await measureFrame(page, 'Camera preview')

    const preview = page.locator('section[aria-label="Background blur"] video')
    const cameraTrack = await preview.evaluate((video: HTMLVideoElement) => (video.srcObject as MediaStream).getVideoTracks()[0]!.id)
    await section.getByRole('switch', { name: 'Blur my background' }).check({ force: true })
    await page.getByLabel('Camera preview, background blurred', { exact: true }).waitFor({ timeout: 30_000 })
    await section.getByRole('status').getByText('Your background is blurred.').waitFor()
    // The preview now plays the blurred track, not the camera's.
    await page.waitForFunction((id) => {
      const video = document.querySelector<HTMLVideoElement>('section[aria-label="Background blur"] video')
      const track = (video?.srcObject as MediaStream | null)?.getVideoTracks()[0]
      return track !== undefined && track.id !== id
    }, cameraTrack)
    const blurred = await measureFrame(page, 'Camera preview, background blurred')
    console.log(
      `one frame, sharpness (mean squared neighbour difference) and brightness (0-255): ` +
        `camera ${camera.sharpness.toFixed(1)} at ${camera.brightness.toFixed(0)}, blurred ${blurred.sharpness.toFixed(1)} at ${blurred.brightness.toFixed(0)}`
    )

    // Chromium's fake camera shows no person: all of it is background, so all of it softens, and still shows.
    expect(blurred.sharpness).toBeLessThan(camera.sharpness / 3)
    expect(blurred.brightness).toBeGreaterThan(camera.brightness * 0.7)
    expect(blurred.brightness).toBeLessThan(camera.brightness * 1.3)
    expect(elsewhere).toEqual([])
    expect(consoleErrorsOf(page).filter((text) => /Content Security Policy|Refused/.test(text))).toEqual([])
  })

  it('turns itself off with a message when the computer cannot keep 15 frames a second', async () => {
    const { page } = await openOffline()
    const section = page.getByRole('region', { name: 'Background blur' })
    await section.getByRole('switch', { name: 'Show my camera' }).check({ force: true })
    await page.getByLabel('Camera preview, background blurred', { exact: true }).waitFor({ timeout: 30_000 })
    // A computer many times slower than this one.
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 50 })
    await section
      .getByRole('alert')
      .getByText(/Background blur is off: this computer could not blur your background smoothly/)
      .waitFor({ timeout: 30_000 })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    await expect(section.getByRole('switch', { name: 'Blur my background' }).isChecked()).resolves.toBe(false)
    await page.getByLabel('Camera preview', { exact: true }).waitFor()
  })
})
