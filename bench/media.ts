// Noise suppression and background blur, measured through the connection test page as a user
// meets them: the level heard in pauses and in speech with suppression on beside off, and
// the frames a second and CPU of the blurred camera beside the camera alone.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type ElementHandle, type Page } from 'playwright-core'
import { keepRecordings, lastRecordingLevels, levelsHeard, makeSpeechInNoise } from '../tests/e2e/support/speech-in-noise'

type Report = (name: string, unit: string, value: number, baseline: number) => void
type StartGreenroom = () => Promise<{ url: string; stop: () => void }>

const MEDIA_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream'
]

async function openConnectionTest(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  page.setDefaultTimeout(60_000)
  await keepRecordings(page)
  await page.goto(url)
  await page.getByRole('link', { name: 'Connection test' }).click()
  await page.getByRole('heading', { level: 1, name: 'Connection test' }).waitFor()
  return page
}

async function recordLevels(page: Page): Promise<number[]> {
  const section = page.getByRole('region', { name: 'Hear yourself' })
  await section.getByRole('button', { name: /^Record/ }).click()
  await section.getByRole('status').getByText('Playing your recording…').waitFor()
  await section.getByRole('button', { name: 'Stop' }).click()
  return lastRecordingLevels(page)
}

const ROUNDS = 2
const powerMean = (values: number[]) => 10 * Math.log10(values.reduce((sum, db) => sum + 10 ** (db / 10), 0) / values.length)

/** Speech made by espeak-ng in pink noise by sox, as Chromium's microphone; Hear yourself with suppression on and off. */
export async function benchNoiseSuppression(startGreenroom: StartGreenroom, chromiumPath: string, report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'greenroom-bench-speech-'))
  const sound = makeSpeechInNoise(dir)
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...MEDIA_ARGS, `--use-file-for-fake-audio-capture=${sound.mixPath}`]
  })
  const greenroom = await startGreenroom()
  try {
    const page = await openConnectionTest(browser, greenroom.url)
    const toggle = page.getByRole('region', { name: 'Hear yourself' }).getByRole('switch', { name: 'Noise suppression' })
    const on = { pause: [] as number[], speech: [] as number[] }
    const off = { pause: [] as number[], speech: [] as number[] }
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of [on, off]) {
        if ((await toggle.isChecked()) !== (side === on)) await toggle.click({ force: true })
        const heard = levelsHeard(await recordLevels(page), sound.speechLevels)
        side.pause.push(heard.pauseDb)
        side.speech.push(heard.speechDb)
      }
    }
    const unit = 'dBFS'
    report(
      `noise suppression: level in the pauses of speech in pink noise, fake microphone, suppression on (baseline: off), mean of ${ROUNDS} five-second recordings`,
      unit,
      powerMean(on.pause),
      powerMean(off.pause)
    )
    report(
      `noise suppression: level of the speech, suppression on (baseline: off), mean of ${ROUNDS} five-second recordings`,
      unit,
      powerMean(on.speech),
      powerMean(off.speech)
    )
  } finally {
    greenroom.stop()
    await browser.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

const TICKS_PER_SECOND = 100

/** CPU seconds used so far by a process and all it started (Linux /proc). */
function treeCpuSeconds(rootPid: number): number {
  const stats = new Map<number, { parent: number; ticks: number }>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      stats.set(Number(entry), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) })
    } catch {
      // the process ended while we looked
    }
  }
  let ticks = 0
  const visit = (pid: number) => {
    ticks += stats.get(pid)?.ticks ?? 0
    for (const [child, stat] of stats) if (stat.parent === pid) visit(child)
  }
  visit(rootPid)
  return ticks / TICKS_PER_SECOND
}

function chromiumPid(marker: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) return Number(entry)
    } catch {
      // gone
    }
  }
  throw new Error('Could not find the bench Chromium among the processes')
}

/**
 * Frames painted a second in a preview over up to `ms` (less if its track is replaced, as when
 * blur turns itself off), and the CPU Chromium used meanwhile (% of one core).
 */
async function measurePreview(
  video: ElementHandle<HTMLVideoElement>,
  pid: number,
  ms: number
): Promise<{ fps: number; cpuPercent: number; fullWindow: boolean }> {
  const cpuBefore = treeCpuSeconds(pid)
  const started = performance.now()
  const counted = await video.evaluate(
    (video: HTMLVideoElement, duration) =>
      new Promise<{ frames: number; elapsedMs: number; fullWindow: boolean }>((resolve) => {
        const track = (video.srcObject as MediaStream).getVideoTracks()[0]
        const start = performance.now()
        let frames = 0
        const done = (fullWindow: boolean) => resolve({ frames, elapsedMs: performance.now() - start, fullWindow })
        const watch = setInterval(() => {
          const current = (video.srcObject as MediaStream | null)?.getVideoTracks()[0]
          if (current !== track || track?.readyState === 'ended') {
            clearInterval(watch)
            done(false)
          } else if (performance.now() - start >= duration) {
            clearInterval(watch)
            done(true)
          }
        }, 50)
        const tick = () => {
          frames++
          video.requestVideoFrameCallback(tick)
        }
        video.requestVideoFrameCallback(tick)
      }),
    ms
  )
  const seconds = (performance.now() - started) / 1000
  return {
    fps: counted.frames / (counted.elapsedMs / 1000),
    cpuPercent: ((treeCpuSeconds(pid) - cpuBefore) / seconds) * 100,
    fullWindow: counted.fullWindow
  }
}

const WINDOW_MS = 4000

/**
 * The blur preview on the connection test page, from Chromium's fake camera at 1280×720:
 * frames painted a second and Chromium's CPU beside the same preview without blur. Measured
 * from the first blurred frame for four seconds, or until blur turns itself off (below 15 fps).
 */
export async function benchBackgroundBlur(startGreenroom: StartGreenroom, chromiumPath: string, report: Report): Promise<void> {
  const marker = `--greenroom-bench=${randomBytes(6).toString('hex')}`
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...MEDIA_ARGS, marker] })
  const pid = chromiumPid(marker)
  const greenroom = await startGreenroom()
  try {
    const page = await openConnectionTest(browser, greenroom.url)
    const section = page.getByRole('region', { name: 'Background blur' })
    await section.getByRole('switch', { name: 'Blur my background' }).uncheck({ force: true })
    await section.getByRole('switch', { name: 'Show my camera' }).check({ force: true })
    await page.getByLabel('Camera preview', { exact: true }).waitFor()
    await page.waitForTimeout(1000)
    // The same <video> shows the camera, then the blurred track.
    const video = (await page.getByLabel('Camera preview', { exact: true }).elementHandle()) as ElementHandle<HTMLVideoElement>
    const alone = await measurePreview(video, pid, WINDOW_MS)

    const cameraTrackId = await video.evaluate((element) => (element.srcObject as MediaStream).getVideoTracks()[0]!.id)
    await section.getByRole('switch', { name: 'Blur my background' }).check({ force: true })
    await video.evaluate(
      (element, cameraId) =>
        new Promise<void>((resolve) => {
          const check = () => {
            const track = (element.srcObject as MediaStream | null)?.getVideoTracks()[0]
            if (track && track.id !== cameraId) element.requestVideoFrameCallback(() => resolve())
            else setTimeout(check, 20)
          }
          check()
        }),
      cameraTrackId
    )
    const blur = await measurePreview(video, pid, WINDOW_MS)
    const turnedOff = !blur.fullWindow || (await section.getByRole('alert').isVisible())
    const note = turnedOff ? '; blur turned itself off on this machine (below 15 fps), figures up to then' : ''
    report(
      `background blur: frames a second painted, fake camera 1280×720 (baseline: the camera alone, same preview)${note}`,
      'fps',
      blur.fps,
      alone.fps
    )
    report(
      `background blur: Chromium's CPU while previewing, % of one core (baseline: the camera alone)${note}`,
      '%',
      blur.cpuPercent,
      alone.cpuPercent
    )
  } finally {
    greenroom.stop()
    await browser.close()
  }
}
