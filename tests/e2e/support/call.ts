import type { Browser, Page } from 'playwright-core'
import { expect } from 'vitest'
import type { RunningHost } from './host'
import { startLossyRelay, type LossyRelay } from './lossy-relay'
import { startTurnServer } from './turn'

type NewPage = (options?: Parameters<Browser['newContext']>[0]) => Promise<Page>

/**
 * Keeps every RTCPeerConnection the page makes, so the test can read its getStats (packets
 * really sent and received) the way chrome://webrtc-internals would.
 */
export const CAPTURE_CONNECTIONS = `
  window.__connections = [];
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(...args) { super(...args); window.__connections.push(this); }
  };
`

/**
 * The same, on a network where nothing but the TURN relay gets through (a strict firewall):
 * every connection the page makes may use relayed candidates only.
 */
export const CAPTURE_RELAY_ONLY_CONNECTIONS = `
  window.__connections = [];
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(config, ...rest) {
      super({ ...(config || {}), iceTransportPolicy: 'relay' }, ...rest);
      window.__connections.push(this);
    }
  };
`

export type Counters = { audioIn: number; videoIn: number; framesDecoded: number; audioOut: number; videoOut: number }

/** Cumulative inbound/outbound RTP counters of the page's newest live connection. */
export function counters(page: Page): Promise<Counters> {
  return page.evaluate(async () => {
    const all = (window as unknown as { __connections: RTCPeerConnection[] }).__connections
    const pc = [...all].reverse().find((candidate) => candidate.connectionState !== 'closed')!
    const result = { audioIn: 0, videoIn: 0, framesDecoded: 0, audioOut: 0, videoOut: 0 }
    for (const stat of (await pc.getStats()).values()) {
      if (stat.type === 'inbound-rtp' && stat.kind === 'audio') result.audioIn += stat.packetsReceived ?? 0
      if (stat.type === 'inbound-rtp' && stat.kind === 'video') {
        result.videoIn += stat.packetsReceived ?? 0
        result.framesDecoded += stat.framesDecoded ?? 0
      }
      if (stat.type === 'outbound-rtp' && stat.kind === 'audio') result.audioOut += stat.packetsSent ?? 0
      if (stat.type === 'outbound-rtp' && stat.kind === 'video') result.videoOut += stat.packetsSent ?? 0
    }
    return result
  })
}

/** How many RTCPeerConnections the page has made so far (a new call or a rebuilt connection makes one more). */
export function connectionsMade(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __connections: RTCPeerConnection[] }).__connections.length)
}

/** The newest connection's selected pair: each end's candidate type, and how this side reaches its relay. */
export function selectedPair(page: Page): Promise<{ local: string; remote: string; relayProtocol: string | null } | null> {
  return page.evaluate(async () => {
    const all = (window as unknown as { __connections: RTCPeerConnection[] }).__connections
    const pc = [...all].reverse().find((candidate) => candidate.connectionState !== 'closed')
    if (!pc) return null
    const stats = [...(await pc.getStats()).values()]
    const transport = stats.find((stat) => stat.type === 'transport' && stat.selectedCandidatePairId)
    const pair = stats.find((stat) => stat.id === transport?.selectedCandidatePairId)
    const local = stats.find((stat) => stat.id === pair?.localCandidateId)
    const remote = stats.find((stat) => stat.id === pair?.remoteCandidateId)
    if (!local || !remote) return null
    return { local: local.candidateType, remote: remote.candidateType, relayProtocol: local.relayProtocol ?? null }
  })
}

/** The kind of local candidate ('host', 'srflx', 'relay') on the newest connection's selected path. */
export async function selectedPathType(page: Page): Promise<string | null> {
  return (await selectedPair(page))?.local ?? null
}

/** How many new video frames the named <video> paints within a second. */
export function framesPainted(page: Page, label: string): Promise<number> {
  return page.getByLabel(label, { exact: true }).evaluate(
    (video: HTMLVideoElement) =>
      new Promise<number>((resolve) => {
        let frames = 0
        const count = () => {
          frames++
          video.requestVideoFrameCallback(count)
        }
        video.requestVideoFrameCallback(count)
        setTimeout(() => resolve(frames), 1000)
      })
  )
}

/** The size of the picture the named <video> shows, as `width×height`. */
export function pictureSize(page: Page, label: string): Promise<string> {
  return page.getByLabel(label, { exact: true }).evaluate((video: HTMLVideoElement) => `${video.videoWidth}×${video.videoHeight}`)
}

/** How far a counter moves over a short while. */
export async function grows(page: Page, pick: (c: Counters) => number, ms = 1500): Promise<number> {
  const before = pick(await counters(page))
  await page.waitForTimeout(ms)
  return pick(await counters(page)) - before
}

/** Everything the page logs, fails to load or throws, in order, to explain a page that never showed. */
export function pageLog(page: Page): () => string[] {
  const lines: string[] = []
  const at = () => new Date().toISOString().slice(11, 23)
  page.on('console', (message) => lines.push(`${at()} console.${message.type()}: ${message.text()}`))
  page.on('pageerror', (error) => lines.push(`${at()} pageerror: ${error.message}`))
  page.on('requestfailed', (request) => lines.push(`${at()} failed: ${request.url()} (${request.failure()?.errorText})`))
  page.on('response', (response) => {
    if (response.status() >= 400) lines.push(`${at()} ${response.status()}: ${response.url()}`)
  })
  page.on('load', () => lines.push(`${at()} load: ${page.url()}`))
  return () => lines
}

/**
 * An accepted invitation from Maya Chen for a 20-minute call in Greenroom's call room; returns the host
 * page on its interview. `init` runs in the page before the app does.
 */
export async function hostWithInterview(
  host: RunningHost,
  newPage: NewPage,
  init: string = CAPTURE_CONNECTIONS
): Promise<{ page: Page; id: string }> {
  const page = await newPage()
  const seen = pageLog(page)
  await page.addInitScript(init)
  await page.goto(host.url)
  // The page's code loads when first opened: slow on a busy machine. If it never shows, say what the page did.
  await page
    .getByRole('heading', { level: 1, name: 'Inbox' })
    .waitFor({ timeout: 30_000 })
    .catch(async (error: Error) => {
      const shown = await page
        .evaluate(() => document.body?.innerText.slice(0, 600))
        .catch((reason: Error) => `(unreadable: ${reason.message})`)
      throw new Error(
        `${error.message}\nThe page at ${page.url()} shows:\n${shown}\nWhat it logged:\n${seen().join('\n')}\nThe host printed:\n${host.output()}`
      )
    })
  const id = await page.evaluate(async () => {
    await window.greenroom.updateSettings({ userName: 'Sam Rivera', defaultCallMinutes: 20 })
    const item = await window.greenroom.createInvitation({
      client: { fields: { name: 'Maya Chen', company: 'Brightloop', website: '', timeZone: 'America/New_York', country: 'US', notes: '' } },
      job: {
        title: 'Analytics dashboard',
        description: 'Cohort charts',
        url: '',
        budgetType: 'hourly',
        budget: 80,
        skills: [],
        postedAt: null
      },
      message: '',
      receivedAt: null
    })
    const accepted = await window.greenroom.acceptInvitation({ id: item.invitation.id, message: '', terms: null })
    // Held in Greenroom's own call, where the interview page offers Start call.
    const { interview } = await window.greenroom.getInterview({ id: accepted.invitation.interviewId! })
    const { title, scenario, type, sampleTask, channelLink, outcomeNotes } = interview
    await window.greenroom.updateInterview({
      id: interview.id,
      fields: { title, scenario, type, sampleTask, channelLink, outcomeNotes, channel: 'builtin' }
    })
    return interview.id
  })
  await page.goto(`${host.origin}/#/interviews/${id}`)
  return { page, id }
}

/**
 * From the interview page: Start call, the guest (Maya Chen) opens the invite link in a
 * browser of their own and joins, the host accepts, and video flows both ways.
 * `guestLink` may send the guest some other way to the same room (through a proxy).
 */
export async function startCall(
  page: Page,
  newPage: NewPage,
  options: { guestInit?: string; guestLink?: (link: string) => string | Promise<string> } = {}
): Promise<{ guest: Page; link: string }> {
  await page.getByRole('link', { name: 'Start call' }).click()
  const invite = page.getByRole('textbox', { name: 'Invite link' })
  await invite.waitFor()
  const link = await invite.inputValue()

  const guest = await newPage()
  await guest.addInitScript(options.guestInit ?? CAPTURE_CONNECTIONS)
  await guest.goto(options.guestLink ? await options.guestLink(link) : link)
  await guest.getByRole('textbox', { name: 'Your name' }).fill('Maya Chen')
  await guest.getByRole('button', { name: 'Join call' }).click()
  const ring = page.getByRole('alertdialog', { name: 'Maya Chen is asking to join' })
  await ring.waitFor()
  await ring.getByRole('button', { name: 'Accept' }).click()

  await page.getByRole('timer').waitFor({ timeout: 20_000 })
  await guest.getByRole('timer').waitFor({ timeout: 20_000 })
  await videoFlows(page, 'Video from Maya Chen')
  await videoFlows(guest, 'Video from Sam Rivera')
  return { guest, link }
}

/** Waits until the named <video> paints new frames. */
export async function videoFlows(page: Page, label: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout
  for (;;) {
    const frames = await framesPainted(page, label).catch(() => 0)
    if (frames > 3) return
    if (Date.now() > deadline) throw new Error(`No video frames in “${label}” within ${timeout} ms (last second: ${frames})`)
  }
}

/**
 * A call where both sides are behind a firewall that lets only the TURN relay through (coturn on
 * loopback), and the relay sits behind a link the test can make worse or switch off. The guest
 * has no settings: the room hands it the host's TURN server, with a password minted for this call.
 * What was started is handed to `keep`, to be stopped after the test.
 */
export async function relayOnlyCall(
  startHost: () => Promise<RunningHost>,
  newPage: NewPage,
  keep: (started: { stop(): Promise<void> }) => void,
  options: { delayMs?: number } = {}
): Promise<{ page: Page; guest: Page; link: LossyRelay }> {
  const turnSecret = 'the-coturn-static-auth-secret'
  const turn = await startTurnServer({ sharedSecret: turnSecret })
  keep(turn)
  const link = await startLossyRelay({ targetPort: turn.port, delayMs: options.delayMs ?? 0, dropEveryRtp: 0 })
  keep(link)
  const { page } = await hostWithInterview(await startHost(), newPage, CAPTURE_RELAY_ONLY_CONNECTIONS)
  await page.evaluate((settings) => window.greenroom.updateSettings(settings), {
    iceServers: [{ url: `turn:127.0.0.1:${link.port}?transport=udp`, username: '', credential: '' }],
    turnSecret
  })
  const { guest } = await startCall(page, newPage, { guestInit: CAPTURE_RELAY_ONLY_CONNECTIONS })
  expect(await selectedPathType(page)).toBe('relay')
  expect(await selectedPathType(guest)).toBe('relay')
  return { page, guest, link }
}
