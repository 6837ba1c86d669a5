import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { useChromium } from './support/browser'
import { CAPTURE_CONNECTIONS, connectionsMade, grows, hostWithInterview, startCall, videoFlows } from './support/call'
import { useHosts } from './support/host'

/** Both sides' microphone hears a fan: steady pink noise, looped (what suppression is for). */
const noiseDir = mkdtempSync(join(tmpdir(), 'greenroom-fan-'))
const fan = join(noiseDir, 'fan.wav')
execFileSync('sox', ['-n', '-r', '48000', '-c', '1', '-b', '16', fan, 'synth', '4', 'pinknoise', 'vol', '0.1'])
afterAll(() => rmSync(noiseDir, { recursive: true, force: true }))

const tempDir = useTempDirs()
const chromium = useChromium([`--use-file-for-fake-audio-capture=${fan}`])
const startHost = useHosts(tempDir)

/**
 * Besides the connections: every track the devices hand out (to tell the camera's own track
 * from a processed one) and every AudioContext made with a sample rate asked for (the noise
 * suppressor's; the level meters take the default), to see that the end of the call closed them.
 */
const CAPTURE_DEVICES_AND_SUPPRESSORS = `${CAPTURE_CONNECTIONS}
  window.__deviceTracks = [];
  const openDevices = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const stream = await openDevices(constraints);
    window.__deviceTracks.push(...stream.getTracks());
    return stream;
  };
  window.__suppressorContexts = [];
  const NativeAudioContext = window.AudioContext;
  window.AudioContext = class extends NativeAudioContext {
    constructor(options) { super(options); if (options && options.sampleRate) window.__suppressorContexts.push(this); }
  };
`

type SenderTrack = { id: string; fromDevice: boolean; generated: boolean; live: boolean; inSelfView: boolean } | null

/** What the newest connection's sender of `kind` sends (the device's own track, or one made from it), and whether the self-view plays it. */
function senderTrack(page: Page, kind: 'audio' | 'video'): Promise<SenderTrack> {
  return page.evaluate((kind) => {
    const seen = window as unknown as { __connections: RTCPeerConnection[]; __deviceTracks: MediaStreamTrack[] }
    const pc = [...seen.__connections].reverse().find((candidate) => candidate.connectionState !== 'closed')
    const track = pc?.getSenders().find((sender) => sender.track?.kind === kind)?.track
    if (!track) return null
    const Generator = (window as unknown as { MediaStreamTrackGenerator?: new () => MediaStreamTrack }).MediaStreamTrackGenerator
    const selfView = document.querySelector<HTMLVideoElement>('video[aria-label="Your camera"]')?.srcObject as
      MediaStream | null | undefined
    return {
      id: track.id,
      fromDevice: seen.__deviceTracks.includes(track),
      generated: Generator !== undefined && track instanceof Generator,
      live: track.readyState === 'live',
      inSelfView: selfView?.getVideoTracks()[0] === track
    }
  }, kind)
}

/** The loudness of the sound received from the other side over `ms`, in dBFS (from the receiver's own energy counter). */
async function levelHeard(page: Page, ms = 3000): Promise<number> {
  const read = () =>
    page.evaluate(async () => {
      const all = (window as unknown as { __connections: RTCPeerConnection[] }).__connections
      const pc = [...all].reverse().find((candidate) => candidate.connectionState !== 'closed')!
      for (const stat of (await pc.getStats()).values()) {
        if (stat.type === 'inbound-rtp' && stat.kind === 'audio')
          return { energy: stat.totalAudioEnergy ?? 0, seconds: stat.totalSamplesDuration ?? 0 }
      }
      return { energy: 0, seconds: 0 }
    })
  const before = await read()
  await page.waitForTimeout(ms)
  const after = await read()
  const meanSquare = (after.energy - before.energy) / Math.max(1e-9, after.seconds - before.seconds)
  return 10 * Math.log10(Math.max(meanSquare, 1e-10))
}

function openCallMenu(page: Page): Promise<void> {
  return page.getByRole('button', { name: 'Choose camera and microphone' }).click()
}
/** A switch of the call's menu, as it stands: its name ends in "on" or "off", as its tick shows. */
const menuSwitch = (page: Page, label: string, on: boolean) => page.getByRole('menuitem', { name: `${label}: ${on ? 'on' : 'off'}` })

/** The suppressor contexts the page made, and how many of them are still running. */
function suppressorContexts(page: Page): Promise<{ made: number; open: number }> {
  return page.evaluate(() => {
    const contexts = (window as unknown as { __suppressorContexts: AudioContext[] }).__suppressorContexts
    return { made: contexts.length, open: contexts.filter((context) => context.state !== 'closed').length }
  })
}

/**
 * How much quieter the fan must reach the other side with noise reduction on. RNNoise takes
 * 15-27 dB off it on a quiet machine; a machine busy with other work glitches the audio thread, which
 * lets some through, and the wiring gone makes no difference at all (±2 dB).
 */
const QUIETER_DB = 6
// (Each level is read from a second after the switch on: RNNoise starts afresh when switched back on.)

/** A call on a busy machine: two pages, video both ways, the model loading. */
const CALL_TEST_MS = 150_000

const TOO_SLOW = /Background blur is off: this computer could not blur your background smoothly/

/** Makes the page's computer fifty times slower until `undo` is called. */
async function slowDown(page: Page): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 50 })
  return async () => {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
  }
}

/** With GREENROOM_SHOTS set to a folder, the host's call is photographed there in light and dark. */
async function photograph(page: Page, name: string): Promise<void> {
  const folder = process.env.GREENROOM_SHOTS
  if (!folder) return
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((value) => window.greenroom.updateSettings({ theme: value }), theme)
    await page.mouse.move(1000, 790)
    await page.waitForTimeout(400)
    await page.screenshot({ path: `${folder}/${name}-${theme}.png` })
  }
}

/**
 * With GREENROOM_SHOTS set, the call with blur on in light and dark: blur is switched on again
 * for each (on this machine it turns itself off within seconds) and photographed once the
 * self-view paints a blurred frame.
 */
async function photographBlurOn(page: Page): Promise<void> {
  const folder = process.env.GREENROOM_SHOTS
  if (!folder) return
  const blurring = async () => (await senderTrack(page, 'video'))?.generated === true
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((value) => window.greenroom.updateSettings({ theme: value }), theme)
    // A busy machine may stop blur before the picture is taken: then again, a few times.
    for (let attempt = 0; attempt < 6; attempt++) {
      if (!(await blurring())) await blurOnInCall(page)
      await page.keyboard.press('Escape')
      await page.mouse.move(1000, 790)
      await page
        .getByLabel('Your camera', { exact: true })
        .evaluate((video: HTMLVideoElement) => new Promise((resolve) => video.requestVideoFrameCallback(resolve)))
      if (!(await blurring())) continue
      await page.screenshot({ path: `${folder}/call-blur-on-${theme}.png` })
      if (await blurring()) break
    }
  }
}

/** Switches blur on in the call's menu and waits until the blurred (generated) track is sent, and shown as yourself. */
async function blurOnInCall(page: Page): Promise<void> {
  await openCallMenu(page)
  await menuSwitch(page, 'Blur my background', false).waitFor()
  await menuSwitch(page, 'Blur my background', false).click()
  await expect
    .poll(() => senderTrack(page, 'video'), { timeout: 30_000, interval: 100 })
    .toMatchObject({ fromDevice: false, generated: true, live: true, inSelfView: true })
}

describe('noise suppression and background blur in the call', () => {
  it(
    'sends the host’s cleaned microphone; its switch changes what the guest hears, on the same track and connection',
    async () => {
      const host = await startHost()
      const { page } = await hostWithInterview(host, chromium.newPage, CAPTURE_DEVICES_AND_SUPPRESSORS)
      const { guest } = await startCall(page, chromium.newPage, { guestInit: CAPTURE_DEVICES_AND_SUPPRESSORS })

      const cleaned = await senderTrack(page, 'audio')
      expect(cleaned).toMatchObject({ fromDevice: false, live: true })
      await openCallMenu(page)
      await menuSwitch(page, 'Reduce background noise', true).waitFor()
      await page.keyboard.press('Escape')
      const quiet = await levelHeard(guest)
      const connections = await connectionsMade(page)

      await openCallMenu(page)
      await menuSwitch(page, 'Reduce background noise', true).click()
      await page.waitForTimeout(1000)
      const fanHeard = await levelHeard(guest)
      expect(await senderTrack(page, 'audio')).toEqual(cleaned)
      expect(await grows(guest, (c) => c.audioIn)).toBeGreaterThan(20)

      await openCallMenu(page)
      await menuSwitch(page, 'Reduce background noise', false).waitFor()
      await menuSwitch(page, 'Reduce background noise', false).click()
      await page.waitForTimeout(1000)
      const quietAgain = await levelHeard(guest)
      console.log(
        `the guest hears the host's fan at ${quiet.toFixed(1)} dBFS with noise reduction, ${fanHeard.toFixed(1)} dBFS without, ` +
          `${quietAgain.toFixed(1)} dBFS with it again`
      )
      expect(fanHeard - quiet).toBeGreaterThan(QUIETER_DB)
      expect(fanHeard - quietAgain).toBeGreaterThan(QUIETER_DB)
      expect(await senderTrack(page, 'audio')).toEqual(cleaned)
      expect(await connectionsMade(page)).toBe(connections)
      expect(await grows(guest, (c) => c.audioIn)).toBeGreaterThan(20)

      // The end of the call stops the suppressors' audio graphs on both sides, not only their tracks.
      expect((await suppressorContexts(page)).open).toBeGreaterThan(0)
      await page.getByRole('button', { name: 'Hang up' }).click()
      await guest.getByText('The call has ended').waitFor()
      await expect.poll(() => suppressorContexts(page)).toMatchObject({ open: 0 })
      await expect.poll(() => suppressorContexts(guest)).toMatchObject({ open: 0 })
    },
    CALL_TEST_MS
  )

  it(
    'sends and shows the host’s blurred camera; too slow a computer turns blur off with a notice and the camera goes out again',
    async () => {
      const host = await startHost()
      const { page } = await hostWithInterview(host, chromium.newPage, CAPTURE_DEVICES_AND_SUPPRESSORS)
      const { guest } = await startCall(page, chromium.newPage, { guestInit: CAPTURE_DEVICES_AND_SUPPRESSORS })
      expect(await senderTrack(page, 'video')).toMatchObject({ fromDevice: true })
      const connections = await connectionsMade(page)

      // Sent, and shown as yourself: what the guest sees.
      await blurOnInCall(page)
      await photographBlurOn(page)

      const undo = await slowDown(page)
      await page.getByRole('alert').filter({ hasText: TOO_SLOW }).waitFor({ timeout: 30_000 })
      await undo()
      await expect.poll(() => senderTrack(page, 'video')).toMatchObject({ fromDevice: true, live: true, inSelfView: true })
      await openCallMenu(page)
      await menuSwitch(page, 'Blur my background', false).waitFor()
      await page.keyboard.press('Escape')
      await videoFlows(guest, 'Video from Sam Rivera')
      expect(await connectionsMade(page)).toBe(connections)
      await photograph(page, 'call-blur-too-slow')

      await page.getByRole('button', { name: 'Close this message' }).click()
      await page.getByRole('alert').filter({ hasText: TOO_SLOW }).waitFor({ state: 'detached' })
    },
    CALL_TEST_MS
  )

  it(
    'gives the guest the same switches, before joining and in the call',
    async () => {
      const host = await startHost()
      const { page } = await hostWithInterview(host, chromium.newPage, CAPTURE_DEVICES_AND_SUPPRESSORS)
      await page.getByRole('link', { name: 'Start call' }).click()
      const link = await page.getByRole('textbox', { name: 'Invite link' }).inputValue()
      const guest = await chromium.newPage()
      await guest.addInitScript(CAPTURE_DEVICES_AND_SUPPRESSORS)
      await guest.goto(link, { timeout: 30_000 })

      // Before joining: noise reduction on, blur off; the choice made here holds in the call.
      const noiseSwitch = guest.getByRole('switch', { name: 'Reduce background noise' })
      const blurSwitch = guest.getByRole('switch', { name: 'Blur my background' })
      await expect(noiseSwitch.isChecked()).resolves.toBe(true)
      await expect(blurSwitch.isChecked()).resolves.toBe(false)
      await noiseSwitch.uncheck({ force: true })

      await guest.getByRole('textbox', { name: 'Your name' }).fill('Maya Chen')
      await guest.getByRole('button', { name: 'Join call' }).click()
      const ring = page.getByRole('alertdialog', { name: 'Maya Chen is asking to join' })
      await ring.waitFor()
      await ring.getByRole('button', { name: 'Accept' }).click()
      await videoFlows(page, 'Video from Maya Chen')

      // In the call: the choice made before joining holds, and the switch still works.
      const cleaned = await senderTrack(guest, 'audio')
      expect(cleaned).toMatchObject({ fromDevice: false, live: true })
      const fanHeard = await levelHeard(page)
      await openCallMenu(guest)
      await menuSwitch(guest, 'Reduce background noise', false).waitFor()
      await menuSwitch(guest, 'Reduce background noise', false).click()
      await guest.waitForTimeout(1000)
      const quiet = await levelHeard(page)
      console.log(`the host hears the guest's fan at ${fanHeard.toFixed(1)} dBFS without noise reduction, ${quiet.toFixed(1)} dBFS with it`)
      expect(fanHeard - quiet).toBeGreaterThan(QUIETER_DB)
      expect(await senderTrack(guest, 'audio')).toEqual(cleaned)

      await blurOnInCall(guest)
      const undo = await slowDown(guest)
      await guest.getByRole('alert').filter({ hasText: TOO_SLOW }).waitFor({ timeout: 30_000 })
      await undo()
      await expect.poll(() => senderTrack(guest, 'video')).toMatchObject({ fromDevice: true, live: true })
      await openCallMenu(guest)
      await menuSwitch(guest, 'Blur my background', false).waitFor()
    },
    CALL_TEST_MS
  )
})
