import type { Page } from 'playwright-core'
import { CAPTURE_CONNECTIONS, hostWithInterview } from '../tests/e2e/support/call'
import { namespacesUnavailable } from '../tests/e2e/support/netns'
import { mintTurnCredential } from '../src/main/services/signaling/turn-credentials'
import { publicIceServers, SIGNAL_URL, startWorld, TURN_SECRET, useStandaloneServer, type World } from '../tests/e2e/support/netns-call'

/**
 * `npm run bench -- home-networks`: join-to-first-frame of a call through the TURN relay
 * between two simulated homes (the guest behind a symmetric NAT, see
 * tests/e2e/support/netns.ts), beside a bare RTCPeerConnection pair between the same two
 * Chromiums over the same path, in the same run. Needs root (network namespaces).
 */
const ROUNDS = 3
const WAIT_MS = 45_000

type Report = (name: string, unit: string, value: number, baseline: number) => void

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Polls until the page's newest connection decoded a video frame; when that was first seen (this process's clock). */
async function firstFrameAt(page: Page): Promise<number> {
  const deadline = Date.now() + WAIT_MS
  for (;;) {
    const decoded = await page.evaluate(async () => {
      const pc = (window as unknown as { __connections?: RTCPeerConnection[] }).__connections?.at(-1)
      if (!pc) return false
      for (const stat of (await pc.getStats()).values())
        if (stat.type === 'inbound-rtp' && stat.kind === 'video' && (stat.framesDecoded ?? 0) > 0) return true
      return false
    })
    if (decoded) return Date.now()
    if (Date.now() > deadline) throw new Error(`No video frame within ${WAIT_MS} ms`)
    await page.waitForTimeout(20)
  }
}

/** Whether the page's newest connection's selected pair runs through the relay (at either end). */
async function throughRelay(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const pc = (window as unknown as { __connections: RTCPeerConnection[] }).__connections.at(-1)!
    const stats = [...(await pc.getStats()).values()]
    const transport = stats.find((stat) => stat.type === 'transport' && stat.selectedCandidatePairId)
    const pair = stats.find((stat) => stat.id === transport?.selectedCandidatePairId)
    const ends = stats.filter((stat) => stat.id === pair?.localCandidateId || stat.id === pair?.remoteCandidateId)
    return ends.some((end) => end.candidateType === 'relay')
  })
}

/** Both measured the same path, or the figure would compare different things. */
async function mustUseRelay(what: string, page: Page): Promise<void> {
  if (!(await throughRelay(page))) throw new Error(`${what} did not go through the relay: the figures would not compare the same path`)
}

/** Greenroom: the guest (devices open, name typed) presses Join, the host accepts at once; until frames on both sides. */
async function greenroomRound(world: World): Promise<number> {
  const fakeHost = { url: world.hostUrl, origin: new URL(world.hostUrl).origin, output: () => '', stop: async () => {} }
  const { page: host } = await hostWithInterview(fakeHost, world.newHostPage)
  await useStandaloneServer(host)
  await host.getByRole('link', { name: 'Start call' }).click()
  const link = await host.getByRole('textbox', { name: 'Invite link' }).inputValue({ timeout: 15_000 })
  const guest = await world.newGuestPage()
  await guest.addInitScript(CAPTURE_CONNECTIONS)
  await guest.goto(link)
  await guest.getByLabel('Your camera preview').waitFor()
  await guest.getByRole('textbox', { name: 'Your name' }).fill('Maya Chen')
  const start = Date.now()
  await guest.getByRole('button', { name: 'Join call' }).click()
  await host
    .getByRole('alertdialog', { name: 'Maya Chen is asking to join' })
    .getByRole('button', { name: 'Accept' })
    .click({ timeout: WAIT_MS })
  const [a, b] = await Promise.all([firstFrameAt(host), firstFrameAt(guest)])
  await mustUseRelay('The Greenroom call', guest)
  await Promise.all([host.context().close(), guest.context().close()])
  return Math.max(a, b) - start
}

/** In each page: a connection with the camera, sending its ICE candidates out through window.__out. */
const BARE_SETUP = `async (iceServers) => {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true })
  const pc = new RTCPeerConnection({ iceServers })
  window.__connections = [pc]
  window.__out = []
  pc.onicecandidate = (event) => event.candidate && window.__out.push(event.candidate.toJSON())
  for (const track of stream.getTracks()) pc.addTrack(track, stream)
  const video = document.createElement('video')
  video.muted = true
  document.body.append(video)
  pc.ontrack = (event) => { video.srcObject = event.streams[0]; void video.play() }
}`

/** The bare pair between the two homes' Chromiums: offer, answer and candidates carried by this process, as a server would. */
async function bareRound(world: World): Promise<number> {
  // A credential minted the way the signaling server mints one for a call's participant.
  const iceServers = publicIceServers(mintTurnCredential(TURN_SECRET, 'bench.pair', new Date(Date.now() + 3600_000)))
  const a = await world.newHostPage()
  const b = await world.newGuestPage()
  // Any page of the server's https origin: camera and microphone need a secure context.
  await Promise.all([a, b].map((page) => page.goto(`${SIGNAL_URL}/`)))
  await Promise.all([a, b].map((page) => page.evaluate(`(${BARE_SETUP})(${JSON.stringify(iceServers)})`)))
  const start = Date.now()
  const offer = await a.evaluate(async () => {
    const pc = (window as unknown as { __connections: RTCPeerConnection[] }).__connections[0]!
    await pc.setLocalDescription(await pc.createOffer())
    return pc.localDescription!.toJSON()
  })
  const answer = await b.evaluate(async (description) => {
    const pc = (window as unknown as { __connections: RTCPeerConnection[] }).__connections[0]!
    await pc.setRemoteDescription(description)
    await pc.setLocalDescription(await pc.createAnswer())
    return pc.localDescription!.toJSON()
  }, offer)
  await a.evaluate(async (description) => {
    await (window as unknown as { __connections: RTCPeerConnection[] }).__connections[0]!.setRemoteDescription(description)
  }, answer)
  let done = false
  const carry = async () => {
    const take = (page: Page) => page.evaluate(() => (window as unknown as { __out: RTCIceCandidateInit[] }).__out.splice(0))
    const give = (page: Page, candidates: RTCIceCandidateInit[]) =>
      page.evaluate(async (list) => {
        const pc = (window as unknown as { __connections: RTCPeerConnection[] }).__connections[0]!
        for (const candidate of list) await pc.addIceCandidate(candidate)
      }, candidates)
    while (!done) {
      const [fromA, fromB] = await Promise.all([take(a), take(b)])
      await Promise.all([give(b, fromA), give(a, fromB)])
      await a.waitForTimeout(20)
    }
  }
  const carrying = carry()
  try {
    const [x, y] = await Promise.all([firstFrameAt(a), firstFrameAt(b)])
    await mustUseRelay('The bare pair', b)
    return Math.max(x, y) - start
  } finally {
    done = true
    await carrying
    await Promise.all([a.context().close(), b.context().close()])
  }
}

export async function benchHomeNetworks(report: Report, root: string): Promise<void> {
  const unavailable = namespacesUnavailable()
  if (unavailable) {
    console.error(`Skipping the home-network call bench: ${unavailable}.`)
    return
  }
  const world = await startWorld({ natB: 'symmetric', root })
  try {
    const greenroom: number[] = []
    const bare: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      greenroom.push(await greenroomRound(world))
      bare.push(await bareRound(world))
    }
    report(
      `call between two homes through the TURN relay (guest behind symmetric NAT, server over TLS): guest presses Join to first remote frame on both sides, host accepting at once (baseline: bare RTCPeerConnection pair between the same two Chromiums over the same path, signaling carried by the bench), median of ${ROUNDS}`,
      'ms',
      median(greenroom),
      median(bare)
    )
  } finally {
    await world.close()
  }
}
