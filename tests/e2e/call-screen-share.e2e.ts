import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium as playwright, type Browser, type Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { useChromium } from './support/browser'
import { hostWithInterview, startCall, videoFlows } from './support/call'
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs'
import { useHosts } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)
const browsers: Browser[] = []
afterEach(async () => {
  await Promise.all(browsers.splice(0).map((browser) => browser.close()))
})

/**
 * A camera of 4:3 pictures (a short Y4M loop with a moving bar), so that its picture is told
 * apart from the shared screen's 16:9 one. Chromium's fake screen is 1280×720.
 */
async function fakeCamera(dir: string, width = 320, height = 240, frames = 10): Promise<string> {
  const ySize = width * height
  const chroma = (width / 2) * (height / 2)
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`)]
  for (let frame = 0; frame < frames; frame++) {
    const picture = Buffer.alloc(ySize + 2 * chroma, 128)
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) picture[y * width + x] = Math.abs(x - (frame * width) / frames) < 16 ? 235 : 60
    }
    parts.push(Buffer.from('FRAME\n'), picture)
  }
  const path = join(dir, 'camera.y4m')
  await writeFile(path, Buffer.concat(parts))
  return path
}

/** A Chromium whose camera is the 4:3 file; the screen it shares is Chromium's fake 16:9 one. */
async function browserWithCamera(file: string): Promise<(options?: Parameters<Browser['newContext']>[0]) => Promise<Page>> {
  const browser = await playwright.launch({
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS, `--use-file-for-fake-video-capture=${file}`]
  })
  browsers.push(browser)
  return async (options) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 820 }, ...options })
    const page = await context.newPage()
    page.setDefaultTimeout(10_000)
    return page
  }
}

/** The shape of the picture the named <video> shows: '4:3', '16:9', or its width÷height. */
function pictureShape(page: Page, label: string): Promise<string> {
  return page.getByLabel(label, { exact: true }).evaluate((video: HTMLVideoElement) => {
    if (!video.videoWidth || !video.videoHeight) return 'none'
    const ratio = video.videoWidth / video.videoHeight
    if (Math.abs(ratio - 4 / 3) < 0.02) return '4:3'
    if (Math.abs(ratio - 16 / 9) < 0.02) return '16:9'
    return ratio.toFixed(2)
  })
}

/** What the host's connection sends as video: the camera, or a screen (by the track's own settings). */
function sentVideo(page: Page): Promise<string> {
  return page.evaluate(() => {
    const all = (window as unknown as { __connections: RTCPeerConnection[] }).__connections
    const pc = [...all].reverse().find((candidate) => candidate.connectionState !== 'closed')!
    const track = pc.getSenders().find((sender) => sender.track?.kind === 'video')?.track
    if (!track) return 'nothing'
    const surface = (track.getSettings() as MediaTrackSettings & { displaySurface?: string }).displaySurface
    return surface ? `screen (${surface})` : 'camera'
  })
}

/** With GREENROOM_SHOTS set to a folder, the guest's page is photographed there in light and dark. */
async function photograph(page: Page, name: string): Promise<void> {
  const folder = process.env.GREENROOM_SHOTS
  if (!folder) return
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await page.waitForTimeout(400)
    await page.screenshot({ path: `${folder}/${name}-${colorScheme}.png` })
  }
}

describe('sharing the screen in a call', () => {
  it('sends the screen in place of the camera while the guest keeps receiving and sees the host’s camera as a presenter tile, and goes back to the camera on stop', async () => {
    const dir = await tempDir()
    const hostBrowser = await browserWithCamera(await fakeCamera(dir))
    const host = await startHost()
    const { page } = await hostWithInterview(host, hostBrowser)
    const { guest } = await startCall(page, chromium.newPage)
    await expect.poll(() => pictureShape(guest, 'Video from Sam Rivera')).toBe('4:3')
    expect(await sentVideo(page)).toBe('camera')

    await page.getByRole('button', { name: 'Share screen' }).click()
    await page.getByRole('button', { name: 'Stop sharing' }).waitFor()
    await page.getByText('You are sharing your screen').waitFor()
    await page.getByLabel('Your shared screen', { exact: true }).waitFor()
    expect(await sentVideo(page)).toBe('screen (monitor)')
    await expect.poll(() => pictureShape(guest, 'Video from Sam Rivera'), { timeout: 15_000 }).toBe('16:9')
    await videoFlows(guest, 'Video from Sam Rivera')
    // The guest still sees the host's face: the camera, on its own small tile, named as presenting.
    await guest.getByText('Sam Rivera is presenting').waitFor()
    await expect.poll(() => pictureShape(guest, 'Camera of Sam Rivera'), { timeout: 15_000 }).toBe('4:3')
    await videoFlows(guest, 'Camera of Sam Rivera')
    await photograph(guest, 'guest-while-host-presents')

    await page.getByRole('button', { name: 'Stop sharing' }).click()
    await page.getByRole('button', { name: 'Share screen' }).waitFor()
    await page.getByLabel('Your camera', { exact: true }).waitFor()
    expect(await sentVideo(page)).toBe('camera')
    await expect.poll(() => pictureShape(guest, 'Video from Sam Rivera'), { timeout: 15_000 }).toBe('4:3')
    await videoFlows(guest, 'Video from Sam Rivera')
    await guest.getByLabel('Camera of Sam Rivera', { exact: true }).waitFor({ state: 'detached' })
    expect(await guest.getByText('Sam Rivera is presenting').count()).toBe(0)
  })

  it('opens a sample from the prep room and shares it in two clicks', async () => {
    const dir = await tempDir()
    const hostBrowser = await browserWithCamera(await fakeCamera(dir))
    const host = await startHost()
    const { page, id } = await hostWithInterview(host, hostBrowser)
    await page.evaluate(async (interviewId) => {
      const sample = await window.greenroom.addSampleFile({
        title: 'Dashboard case study',
        tags: [],
        proves: 'Cohort charts shipped on time',
        fileName: 'dashboard-case-study.txt',
        dataBase64: btoa('Cohort charts for Brightloop: retention up 12%.')
      })
      await window.greenroom.attachSample({ interviewId, sampleId: sample.id })
    }, id)
    await page.reload()
    const { guest } = await startCall(page, chromium.newPage)
    await expect.poll(() => pictureShape(guest, 'Video from Sam Rivera')).toBe('4:3')

    await page.getByRole('tab', { name: /^Samples/ }).click()
    const opened = page.context().waitForEvent('page')
    await page.getByRole('button', { name: 'Open and share “Dashboard case study”' }).click()
    const tab = await opened
    await tab.waitForLoadState()
    expect(await tab.textContent('body')).toContain('retention up 12%')

    await page.getByRole('button', { name: 'Stop sharing' }).waitFor()
    expect(await sentVideo(page)).toBe('screen (monitor)')
    await expect.poll(() => pictureShape(guest, 'Video from Sam Rivera'), { timeout: 15_000 }).toBe('16:9')
    await videoFlows(guest, 'Video from Sam Rivera')
  })
})
