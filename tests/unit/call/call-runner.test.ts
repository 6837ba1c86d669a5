import wrtc from '@roamhq/wrtc'
import WebSocket from 'ws'
import { afterEach, describe, expect, it } from 'vitest'
import type { MediaPlatform, TrackKind } from '../../../src/renderer/src/features/call/engine/call-media'
import { CallRunner, type CallState } from '../../../src/renderer/src/features/call/engine/call-runner'
import type { WebSocketLike } from '../../../src/renderer/src/features/call/signaling-client'
import type { SignalingServer } from '../../../src/main/services/signaling/server'
import type { CreatedRoom } from '../../../src/shared/signaling'
import { systemClock, systemTimers } from '../../../src/shared/time-source'
import { useSignaling } from '../signaling/support'

const { RTCAudioSource, RTCVideoSource, RTCVideoSink } = wrtc.nonstandard
const startServer = useSignaling()

const WIDTH = 320
const HEIGHT = 180

/**
 * A stand-in for the browser's devices in Node: each "camera" is an RTCVideoSource fed a
 * grey frame every 50 ms, each "microphone" an RTCAudioSource fed 10 ms of a tone; every
 * track made is kept, so the test can see that the end of the call stopped them.
 */
class SyntheticDevices implements MediaPlatform {
  readonly tracks: MediaStreamTrack[] = []
  private readonly feeders: (() => void)[] = []

  async getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream> {
    return new wrtc.MediaStream([this.track(constraints.video ? 'video' : 'audio', true)]) as unknown as MediaStream
  }

  placeholder(kind: TrackKind): MediaStreamTrack {
    return this.track(kind, false)
  }

  stream(tracks: MediaStreamTrack[]): MediaStream {
    return new wrtc.MediaStream(tracks as never) as unknown as MediaStream
  }

  private track(kind: TrackKind, live: boolean): MediaStreamTrack {
    let track: MediaStreamTrack
    if (kind === 'video') {
      const source = new RTCVideoSource()
      track = source.createTrack() as unknown as MediaStreamTrack
      const data = new Uint8Array(WIDTH * HEIGHT * 1.5).fill(128)
      if (live) this.feed(() => source.onFrame({ width: WIDTH, height: HEIGHT, data }), 50)
    } else {
      const source = new RTCAudioSource()
      track = source.createTrack() as unknown as MediaStreamTrack
      const samples = new Int16Array(480).map((_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 48_000)))
      if (live) this.feed(() => source.onData({ samples, sampleRate: 48_000, bitsPerSample: 16, channelCount: 1, numberOfFrames: 480 }), 10)
    }
    this.tracks.push(track)
    return track
  }

  private feed(push: () => void, everyMs: number): void {
    const timer = setInterval(push, everyMs)
    this.feeders.push(() => clearInterval(timer))
  }

  stop(): void {
    for (const stop of this.feeders.splice(0)) stop()
  }
}

interface Side {
  runner: CallRunner
  devices: SyntheticDevices
  sockets: WebSocket[]
  /** The page goes away at once, as a reload does: its sockets close, nothing more is sent. */
  vanish(): void
}

const sides: Side[] = []
afterEach(() => {
  for (const side of sides.splice(0)) {
    side.runner.dispose()
    side.devices.stop()
  }
})

type Resume = { connectedAt: number; reconnects: number } | null

function side(server: SignalingServer, room: CreatedRoom, role: 'host' | 'guest', resume: Resume = null): Side {
  const devices = new SyntheticDevices()
  const sockets: WebSocket[] = []
  let gone = false
  const runner = new CallRunner({
    role,
    name: role === 'host' ? 'Sam Rivera' : 'Maya Chen',
    signalUrl: server.signalUrl,
    room: room.room,
    token: role === 'host' ? room.hostToken : room.guestToken,
    iceServers: [],
    resume,
    timings: { reconnectWindowMs: 20_000 },
    statsIntervalMs: 500,
    platform: {
      clock: systemClock,
      timers: systemTimers,
      media: devices,
      wrtc,
      openSocket: (url) => {
        if (gone) throw new Error('the page is gone')
        const socket = new WebSocket(url)
        sockets.push(socket)
        return socket as unknown as WebSocketLike
      }
    }
  })
  const made: Side = {
    runner,
    devices,
    sockets,
    vanish() {
      gone = true
      for (const socket of sockets) socket.close(1001, 'reload')
      devices.stop()
    }
  }
  sides.push(made)
  return made
}

/** Resolves once the runner's state passes `test`. */
function until(runner: CallRunner, test: (state: CallState) => boolean, what: string, ms = 15_000): Promise<CallState> {
  return new Promise((resolve, reject) => {
    if (test(runner.getState())) return resolve(runner.getState())
    const timer = setTimeout(() => {
      stop()
      reject(new Error(`not ${what} within ${ms} ms (phase ${runner.getState().phase})`))
    }, ms)
    const stop = runner.subscribe(() => {
      if (!test(runner.getState())) return
      clearTimeout(timer)
      stop()
      resolve(runner.getState())
    })
  })
}

/** A decoded video frame from the other side, through an RTCVideoSink on the received track. */
function frameReceived(state: CallState, ms = 10_000): Promise<{ width: number; height: number }> {
  const track = state.remoteStream?.getVideoTracks()[0]
  if (!track) throw new Error('no remote video track')
  const sink = new RTCVideoSink(track as never)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sink.stop()
      reject(new Error(`no frame within ${ms} ms`))
    }, ms)
    sink.onframe = ({ frame }: { frame: { width: number; height: number } }) => {
      clearTimeout(timer)
      sink.stop()
      resolve({ width: frame.width, height: frame.height })
    }
  })
}

/** Audio packets this side has received on its live connection. */
async function audioPacketsIn(runner: CallRunner): Promise<number> {
  let packets = 0
  for (const stat of ((await runner.connection?.getStats()) ?? new Map()).values()) {
    if (stat.type === 'inbound-rtp' && stat.kind === 'audio') packets += stat.packetsReceived ?? 0
  }
  return packets
}

async function connectedPair(): Promise<{ server: SignalingServer; room: CreatedRoom; host: Side; guest: Side }> {
  const server = await startServer()
  const room = server.createRoom()
  const host = side(server, room, 'host')
  const guest = side(server, room, 'guest')
  await host.runner.prepare()
  host.runner.join()
  await guest.runner.prepare()
  guest.runner.join('Maya Chen')
  await until(host.runner, (state) => state.phase === 'ringing', 'rung')
  expect(host.runner.getState().peerName).toBe('Maya Chen')
  host.runner.accept()
  await until(host.runner, (state) => state.phase === 'connected' && state.remoteStream !== null, 'connected (host)')
  await until(guest.runner, (state) => state.phase === 'connected' && state.remoteStream !== null, 'connected (guest)')
  return { server, room, host, guest }
}

describe('the call runner, two peers on Node’s WebRTC through the real signaling server', () => {
  it('connects host and guest: video frames and audio packets arrive both ways', async () => {
    const { host, guest } = await connectedPair()
    expect(await frameReceived(host.runner.getState())).toEqual({ width: WIDTH, height: HEIGHT })
    expect(await frameReceived(guest.runner.getState())).toEqual({ width: WIDTH, height: HEIGHT })
    await expect.poll(() => audioPacketsIn(host.runner), { timeout: 10_000 }).toBeGreaterThan(20)
    await expect.poll(() => audioPacketsIn(guest.runner), { timeout: 10_000 }).toBeGreaterThan(20)
    expect(host.runner.getState().connectedAt).not.toBeNull()
  })

  it('hang up ends it for both, stops every track on both sides, and leaves the figures of the call', async () => {
    const { host, guest } = await connectedPair()
    await expect.poll(() => audioPacketsIn(host.runner), { timeout: 10_000 }).toBeGreaterThan(20)
    guest.runner.hangUp()
    const hostEnded = await until(host.runner, (state) => state.phase === 'ended', 'ended (host)')
    expect(hostEnded.reason).toBe('Maya Chen ended the call.')
    expect(guest.runner.getState()).toMatchObject({ phase: 'ended', reason: 'You ended the call.' })
    expect(hostEnded.measurements).toMatchObject({ reconnects: 0 })
    expect(hostEnded.endedAt! - hostEnded.connectedAt!).toBeGreaterThanOrEqual(0)
    for (const devices of [host.devices, guest.devices]) {
      expect(devices.tracks.length).toBeGreaterThan(0)
      expect(devices.tracks.map((track) => track.readyState)).toEqual(devices.tracks.map(() => 'ended'))
    }
  })

  it('a drop of the guest’s link to the call server: it rejoins by itself, nobody rings, the same connection carries on', async () => {
    const { host, guest } = await connectedPair()
    const connection = guest.runner.peerConnectionNumber
    guest.sockets.at(-1)!.terminate()
    await expect.poll(() => guest.sockets.length, { timeout: 10_000 }).toBe(2)
    await until(guest.runner, (state) => state.signaling === 'joined', 'joined again')
    // The host took the guest straight back: still connected, the ring never shown.
    const phases: string[] = []
    const stop = host.runner.subscribe(() => phases.push(host.runner.getState().phase))
    await expect.poll(() => audioPacketsIn(host.runner), { timeout: 10_000 }).toBeGreaterThan(0)
    const before = await audioPacketsIn(host.runner)
    await expect.poll(() => audioPacketsIn(host.runner), { timeout: 10_000 }).toBeGreaterThan(before)
    stop()
    expect(phases).not.toContain('ringing')
    expect(host.runner.getState().phase).toBe('connected')
    expect(guest.runner.peerConnectionNumber).toBe(connection)

    // The hang-up travels over the new link.
    host.runner.hangUp()
    await until(guest.runner, (state) => state.phase === 'ended', 'ended (guest)')
  })

  it('the guest’s page reloads mid-call: the host reconnects, the new page rejoins the same call, one call with one reconnection', async () => {
    const { server, room, host, guest } = await connectedPair()
    const firstConnect = host.runner.getState().connectedAt!
    guest.vanish()
    await until(host.runner, (state) => state.phase === 'reconnecting', 'reconnecting (host)')

    const reloaded = side(server, room, 'guest', { connectedAt: guest.runner.getState().connectedAt!, reconnects: 0 })
    await reloaded.runner.prepare()
    reloaded.runner.join('Maya Chen')
    expect(reloaded.runner.getState().phase).toBe('reconnecting')
    const back = await until(host.runner, (state) => state.phase === 'connected' && state.reconnects === 1, 'back (host)')
    expect(back.connectedAt).toBe(firstConnect)
    await until(reloaded.runner, (state) => state.phase === 'connected' && state.remoteStream !== null, 'back (guest)')
    expect(await frameReceived(host.runner.getState())).toEqual({ width: WIDTH, height: HEIGHT })

    host.runner.hangUp()
    const ended = await until(reloaded.runner, (state) => state.phase === 'ended', 'ended (reloaded guest)')
    expect(ended.connectedAt).toBe(guest.runner.getState().connectedAt)
    expect(host.runner.getState()).toMatchObject({ phase: 'ended', connectedAt: firstConnect, measurements: { reconnects: 1 } })
  })
})
