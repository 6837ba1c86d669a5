import { describe, expect, it } from 'vitest'
import {
  initialState,
  transition,
  type CallEffect,
  type CallEvent,
  type InitialOptions,
  type MachineState
} from '../../../src/renderer/src/features/call/engine/call-machine'
import type { ServerMessage } from '../../../src/shared/signaling'
import { ManualTimeline } from '../../support/manual-time'

const HOST = { role: 'host', name: 'Sam Rivera' } as const
const GUEST = { role: 'guest', name: 'Maya Chen' } as const
const EXPIRES = '2026-01-02T09:00:00.000Z'

/**
 * One side's machine, driven event by event: it keeps the state, collects the effects, and
 * hands the timers the machine asks for to ManualTimeline, which fire them back as events.
 */
class Side {
  state: MachineState
  effects: CallEffect[] = []
  readonly time = new ManualTimeline()
  private readonly cancels = new Map<string, () => void>()

  constructor(options: InitialOptions) {
    this.state = initialState(options)
  }

  /** Applies the event; returns the effects it caused. */
  on(event: CallEvent): CallEffect[] {
    const { state, effects } = transition(this.state, event, this.time.nowMs)
    this.state = state
    for (const effect of effects) {
      if (effect.type === 'start-timer') {
        // What a fired timer causes is collected for `take`.
        const fire = () => this.effects.push(...this.on({ type: 'timer', timer: effect.timer }))
        this.cancels.set(effect.timer, this.time.after(effect.ms, fire))
      }
      if (effect.type === 'cancel-timer') this.cancels.get(effect.timer)?.()
    }
    return effects
  }

  server(message: ServerMessage): CallEffect[] {
    return this.on({ type: 'server', message })
  }

  /** The effects fired timers caused since the last look. */
  take(): CallEffect[] {
    return this.effects.splice(0)
  }
}

const types = (effects: CallEffect[]) => effects.map((effect) => effect.type)

/** A host in its room with no guest yet. */
function hostInRoom(): Side {
  const host = new Side({ role: 'host', iceServers: [{ urls: 'stun:stun.example.org' }] })
  host.on({ type: 'devices-ready' })
  host.on({ type: 'join' })
  host.on({ type: 'signaling', status: 'joined' })
  host.server({ type: 'joined', room: 'r'.repeat(22), role: 'host', peer: null, expiresAt: EXPIRES })
  host.take()
  return host
}

/** A host in a call with Maya, connected at the clock's start. */
function hostInCall(): Side {
  const host = hostInRoom()
  host.server({ type: 'ring', from: GUEST })
  host.on({ type: 'accept' })
  host.on({ type: 'peer-connected', peer: host.state.peer! })
  host.take()
  return host
}

/** A guest in a call with Sam. */
function guestInCall(): Side {
  const guest = new Side({ role: 'guest', iceServers: [] })
  guest.on({ type: 'devices-ready' })
  guest.on({ type: 'join' })
  guest.on({ type: 'signaling', status: 'joined' })
  guest.server({ type: 'joined', room: 'r'.repeat(22), role: 'guest', peer: HOST, expiresAt: EXPIRES })
  guest.server({ type: 'accept' })
  guest.on({ type: 'peer-connected', peer: guest.state.peer! })
  guest.take()
  return guest
}

describe('the call machine: ringing and answering', () => {
  it('opens the devices, then joins the room: the host waits for the guest', () => {
    const host = new Side({ role: 'host', iceServers: [] })
    expect(host.state.phase).toBe('preparing')
    host.on({ type: 'devices-ready' })
    expect(host.state.phase).toBe('ready')
    expect(host.on({ type: 'join' })).toEqual([{ type: 'open-signaling' }])
    expect(host.state).toMatchObject({ phase: 'waiting', joined: true })
    // Joining twice opens nothing more.
    expect(host.on({ type: 'join' })).toEqual([])
  })

  it('rings the host when the guest arrives; the guest waits for the answer', () => {
    const host = hostInRoom()
    host.server({ type: 'peer-joined', peer: GUEST })
    host.server({ type: 'ring', from: GUEST })
    expect(host.state).toMatchObject({ phase: 'ringing', peerName: 'Maya Chen', peerPresent: true })

    const guest = new Side({ role: 'guest', iceServers: [] })
    guest.on({ type: 'join' })
    // The guest calls through the host's STUN/TURN servers, which the room hands over.
    const iceServers = [{ urls: 'turn:relay.example.org' }]
    guest.server({ type: 'joined', room: 'r'.repeat(22), role: 'guest', peer: HOST, expiresAt: EXPIRES, iceServers })
    expect(guest.state).toMatchObject({ phase: 'ringing', peerName: 'Sam Rivera', iceServers: [{ urls: 'turn:relay.example.org' }] })
  })

  it('a guest waiting while the host’s call page is closed hears the host’s app rang; a decline from there, then ringing again', () => {
    const guest = new Side({ role: 'guest', iceServers: [] })
    guest.on({ type: 'join' })
    guest.on({ type: 'signaling', status: 'joined' })
    guest.server({ type: 'joined', room: 'r'.repeat(22), role: 'guest', peer: null, expiresAt: EXPIRES })
    guest.server({ type: 'host-told', name: 'Sam Rivera' })
    expect(guest.state).toMatchObject({ phase: 'waiting', hostTold: true, peerName: 'Sam Rivera' })
    guest.server({ type: 'decline' })
    expect(guest.state).toMatchObject({ phase: 'declined', hostTold: false })
    expect(guest.on({ type: 'ring' })).toEqual([{ type: 'send', message: { type: 'ring' } }])
    // The host opens the call page: it is in the room now, and the usual ring follows.
    guest.server({ type: 'host-told', name: 'Sam Rivera' })
    guest.server({ type: 'peer-joined', peer: HOST })
    expect(guest.state).toMatchObject({ phase: 'ringing', hostTold: false })
  })

  it('a guest who came first rings once the host joins', () => {
    const guest = new Side({ role: 'guest', iceServers: [] })
    guest.on({ type: 'join' })
    guest.server({ type: 'joined', room: 'r'.repeat(22), role: 'guest', peer: null, expiresAt: EXPIRES })
    expect(guest.state.phase).toBe('waiting')
    guest.server({ type: 'peer-joined', peer: HOST })
    expect(guest.state.phase).toBe('ringing')
  })

  it('accept: the host makes the answering peer and tells the guest; the guest makes the offering one; connected starts the call', () => {
    const host = hostInRoom()
    host.server({ type: 'ring', from: GUEST })
    host.take()
    host.time.advance(5_000)
    expect(host.on({ type: 'accept' })).toEqual([
      { type: 'create-peer', peer: 1, initiator: false, iceServers: [{ urls: 'stun:stun.example.org' }] },
      { type: 'send', message: { type: 'accept' } }
    ])
    expect(host.state.phase).toBe('connecting')
    expect(host.on({ type: 'peer-connected', peer: 1 })).toEqual([{ type: 'announce-media' }, { type: 'start-stats' }])
    expect(host.state).toMatchObject({ phase: 'connected', connectedAt: host.time.nowMs, reconnects: 0 })

    const guest = new Side({ role: 'guest', iceServers: [] })
    guest.on({ type: 'join' })
    guest.server({ type: 'joined', room: 'r'.repeat(22), role: 'guest', peer: HOST, expiresAt: EXPIRES })
    guest.take()
    expect(guest.server({ type: 'accept' })).toEqual([{ type: 'create-peer', peer: 1, initiator: true, iceServers: [] }])
    expect(guest.state.phase).toBe('connecting')
  })

  it('relays the other side’s signals to the live peer only', () => {
    const host = hostInRoom()
    const offer = { type: 'offer', sdp: 'v=0' } as const
    // No call, no peer: a stray signal goes nowhere.
    expect(host.server({ type: 'signal', data: offer })).toEqual([])
    host.server({ type: 'ring', from: GUEST })
    host.on({ type: 'accept' })
    host.take()
    expect(host.server({ type: 'signal', data: offer })).toEqual([{ type: 'signal-peer', data: offer }])
  })

  it('decline: the host says not now with a reason, the guest sees it and may ring again', () => {
    const host = hostInRoom()
    host.server({ type: 'ring', from: GUEST })
    host.take()
    expect(host.on({ type: 'decline', reason: 'Five minutes, please' })).toEqual([
      { type: 'send', message: { type: 'decline', reason: 'Five minutes, please' } }
    ])
    expect(host.state.phase).toBe('waiting')

    const guest = new Side({ role: 'guest', iceServers: [] })
    guest.on({ type: 'join' })
    guest.on({ type: 'signaling', status: 'joined' })
    guest.server({ type: 'joined', room: 'r'.repeat(22), role: 'guest', peer: HOST, expiresAt: EXPIRES })
    guest.server({ type: 'decline', reason: 'Five minutes, please' })
    expect(guest.state).toMatchObject({ phase: 'declined', reason: 'Five minutes, please' })
    guest.take()
    expect(guest.on({ type: 'ring' })).toEqual([{ type: 'send', message: { type: 'ring' } }])
    expect(guest.state).toMatchObject({ phase: 'ringing', reason: null })
    // Ringing again while it rings sends nothing more.
    expect(guest.on({ type: 'ring' })).toEqual([])
  })

  it('stops ringing on the host’s side when the guest leaves before an answer', () => {
    const host = hostInRoom()
    host.server({ type: 'ring', from: GUEST })
    host.server({ type: 'peer-left', peer: GUEST, reason: 'left' })
    expect(host.state).toMatchObject({ phase: 'waiting', peerPresent: false })
  })

  it('only the host answers and only the guest rings', () => {
    const guest = guestInCall()
    expect(guest.on({ type: 'accept' })).toEqual([])
    const host = hostInRoom()
    host.on({ type: 'signaling', status: 'joined' })
    expect(host.on({ type: 'ring' })).toEqual([])
    // Accept with nobody ringing does nothing either.
    expect(host.on({ type: 'accept' })).toEqual([])
  })
})

describe('the call machine: drops, ICE restart and rejoining', () => {
  it('drop: the path goes down, both say reconnecting; the guest restarts ICE after 2 s; the path comes back, the same call goes on', () => {
    const guest = guestInCall()
    const startedAt = guest.state.connectedAt
    guest.time.advance(60_000)
    expect(guest.on({ type: 'ice', peer: 1, state: 'disconnected' })).toEqual([
      { type: 'start-timer', timer: 'giveUp', ms: 30_000 },
      { type: 'start-timer', timer: 'iceRestart', ms: 2_000 }
    ])
    expect(guest.state.phase).toBe('reconnecting')

    guest.time.advance(1_999)
    expect(guest.take()).toEqual([])
    guest.time.advance(1)
    expect(guest.take()).toEqual([{ type: 'restart-ice' }])

    expect(guest.on({ type: 'ice', peer: 1, state: 'connected' })).toEqual([
      { type: 'cancel-timer', timer: 'giveUp' },
      { type: 'announce-media' }
    ])
    expect(guest.state).toMatchObject({ phase: 'connected', connectedAt: startedAt, reconnects: 1, timers: [] })
    // The give-up timer was cancelled: nothing ends the call later.
    guest.time.advance(60_000)
    expect(guest.state.phase).toBe('connected')
  })

  it('the host does not restart ICE (the guest offers); it waits for the guest’s new offer', () => {
    const host = hostInCall()
    expect(host.on({ type: 'ice', peer: 1, state: 'disconnected' })).toEqual([{ type: 'start-timer', timer: 'giveUp', ms: 30_000 }])
  })

  it('a connection that is gone: the guest builds a new one after a second; events of the old one are ignored', () => {
    const guest = guestInCall()
    expect(guest.on({ type: 'peer-closed', peer: 1 })).toEqual([
      { type: 'stop-stats' },
      { type: 'start-timer', timer: 'giveUp', ms: 30_000 },
      { type: 'start-timer', timer: 'rebuildPeer', ms: 1_000 }
    ])
    expect(guest.state).toMatchObject({ phase: 'reconnecting', peer: null })
    guest.time.advance(1_000)
    expect(guest.take()).toEqual([{ type: 'create-peer', peer: 2, initiator: true, iceServers: [] }])
    // The old connection's last words change nothing.
    expect(guest.on({ type: 'peer-connected', peer: 1 })).toEqual([])
    expect(guest.on({ type: 'ice', peer: 1, state: 'connected' })).toEqual([])
    expect(guest.state.phase).toBe('reconnecting')
    guest.on({ type: 'peer-connected', peer: 2 })
    expect(guest.state).toMatchObject({ phase: 'connected', reconnects: 1, peer: 2 })
  })

  it('the host answers a new offer with a new peer of its own', () => {
    const host = hostInCall()
    host.on({ type: 'peer-closed', peer: 1 })
    host.take()
    const offer = { type: 'offer', sdp: 'v=0' } as const
    expect(host.server({ type: 'signal', data: offer })).toEqual([
      { type: 'create-peer', peer: 2, initiator: false, iceServers: [{ urls: 'stun:stun.example.org' }] },
      { type: 'signal-peer', data: offer }
    ])
  })

  it('gives up when the call has not come back within 30 s: both are told, the call goes on record', () => {
    const host = hostInCall()
    const startedAt = host.state.connectedAt!
    host.time.advance(100_000)
    host.on({ type: 'ice', peer: 1, state: 'disconnected' })
    host.take()
    host.time.advance(30_000)
    expect(host.take()).toEqual([
      { type: 'send', message: { type: 'hang-up' } },
      { type: 'destroy-peer' },
      { type: 'stop-stats' },
      { type: 'release-devices' },
      { type: 'call-ended', startedAt, endedAt: startedAt + 130_000, reconnects: 0 }
    ])
    expect(host.state).toMatchObject({ phase: 'ended', reason: 'The connection was lost and did not come back.' })
  })

  it('rejoin: the guest’s link to the call server drops and comes back while the media holds; no second ring, no new peer', () => {
    const host = hostInCall()
    host.server({ type: 'peer-left', peer: GUEST, reason: 'lost' })
    expect(host.state.phase).toBe('connected')
    host.server({ type: 'peer-joined', peer: GUEST })
    // The service rings for the guest who joined again: the host takes them straight back.
    expect(host.server({ type: 'ring', from: GUEST })).toEqual([{ type: 'send', message: { type: 'accept' } }])
    expect(host.state).toMatchObject({ phase: 'connected', peer: 1 })

    const guest = guestInCall()
    guest.on({ type: 'signaling', status: 'reconnecting' })
    guest.on({ type: 'signaling', status: 'joined' })
    guest.server({ type: 'joined', room: 'r'.repeat(22), role: 'guest', peer: HOST, expiresAt: EXPIRES })
    expect(guest.state.phase).toBe('connected')
    expect(guest.server({ type: 'accept' })).toEqual([])
  })

  it('rejoin while still connecting: the dropped side is waited for', () => {
    const host = hostInRoom()
    host.server({ type: 'ring', from: GUEST })
    host.on({ type: 'accept' })
    host.server({ type: 'peer-left', peer: GUEST, reason: 'lost' })
    expect(host.state.phase).toBe('reconnecting')
    host.take()
    expect(host.server({ type: 'ring', from: GUEST })).toEqual([
      { type: 'destroy-peer' },
      { type: 'stop-stats' },
      { type: 'create-peer', peer: 2, initiator: false, iceServers: [{ urls: 'stun:stun.example.org' }] },
      { type: 'send', message: { type: 'accept' } }
    ])
  })
})

describe('the call machine: a reload mid-call', () => {
  it('the guest reloads: the host stays in the call, reconnecting; the guest is back in; one call from first connect to hang-up', () => {
    const host = hostInCall()
    const firstConnect = host.state.connectedAt!
    host.time.advance(78_000)
    // The guest's page went away without hanging up.
    expect(host.server({ type: 'peer-left', peer: GUEST, reason: 'left' })).toEqual([
      { type: 'destroy-peer' },
      { type: 'stop-stats' },
      { type: 'start-timer', timer: 'giveUp', ms: 30_000 }
    ])
    expect(host.state).toMatchObject({ phase: 'reconnecting', connectedAt: firstConnect, endedAt: null })

    host.time.advance(6_000)
    host.server({ type: 'peer-joined', peer: GUEST })
    expect(host.server({ type: 'ring', from: GUEST })).toEqual([
      { type: 'create-peer', peer: 2, initiator: false, iceServers: [{ urls: 'stun:stun.example.org' }] },
      { type: 'send', message: { type: 'accept' } }
    ])
    host.on({ type: 'peer-connected', peer: 2 })
    expect(host.state).toMatchObject({ phase: 'connected', connectedAt: firstConnect, reconnects: 1 })
    host.take()

    host.time.advance(600_000)
    expect(host.on({ type: 'hang-up' }).at(-1)).toEqual({
      type: 'call-ended',
      startedAt: firstConnect,
      endedAt: firstConnect + 684_000,
      reconnects: 1
    })
  })

  it('the reloaded guest’s own page goes straight back in, its timer counting from the first connect', () => {
    const firstConnect = Date.parse('2026-01-01T08:58:00Z')
    const guest = new Side({ role: 'guest', iceServers: [], resume: { connectedAt: firstConnect, reconnects: 0 } })
    guest.on({ type: 'devices-ready' })
    expect(guest.on({ type: 'join' })).toEqual([{ type: 'start-timer', timer: 'giveUp', ms: 30_000 }, { type: 'open-signaling' }])
    expect(guest.state).toMatchObject({ phase: 'reconnecting', connectedAt: firstConnect })
    guest.on({ type: 'signaling', status: 'joined' })
    // The host is there: the service rings it, and the guest does not fall back to "asking to join".
    guest.server({ type: 'joined', room: 'r'.repeat(22), role: 'guest', peer: HOST, expiresAt: EXPIRES })
    expect(guest.state.phase).toBe('reconnecting')
    guest.take()
    expect(guest.server({ type: 'accept' })).toEqual([{ type: 'create-peer', peer: 1, initiator: true, iceServers: [] }])
    guest.on({ type: 'peer-connected', peer: 1 })
    expect(guest.state).toMatchObject({ phase: 'connected', connectedAt: firstConnect, reconnects: 1, timers: [] })
  })

  it('a reloaded guest whose host is gone gives up after the reconnect window', () => {
    const guest = new Side({ role: 'guest', iceServers: [], resume: { connectedAt: 0, reconnects: 0 } })
    guest.on({ type: 'join' })
    guest.time.advance(30_000)
    expect(guest.state).toMatchObject({ phase: 'ended', reason: 'The connection was lost and did not come back.' })
  })
})

describe('the call machine: hanging up and leaving', () => {
  it('hang up: tells the other side, drops the peer, releases the devices, and records the call', () => {
    const host = hostInCall()
    host.time.advance(90_000)
    const startedAt = host.state.connectedAt!
    expect(host.on({ type: 'hang-up' })).toEqual([
      { type: 'send', message: { type: 'hang-up' } },
      { type: 'destroy-peer' },
      { type: 'stop-stats' },
      { type: 'release-devices' },
      { type: 'call-ended', startedAt, endedAt: startedAt + 90_000, reconnects: 0 }
    ])
    expect(host.state).toMatchObject({ phase: 'ended', reason: 'You ended the call.', endedAt: startedAt + 90_000 })
  })

  it('the other side hangs up: ended, in their name, devices released', () => {
    const guest = guestInCall()
    expect(types(guest.server({ type: 'hang-up' }))).toEqual(['destroy-peer', 'stop-stats', 'release-devices', 'call-ended'])
    expect(guest.state).toMatchObject({ phase: 'ended', reason: 'Sam Rivera ended the call.' })
    // A second hang-up finds the call over already.
    expect(guest.server({ type: 'hang-up' })).toEqual([])
  })

  it('a call that never connected ends without a record', () => {
    const host = hostInRoom()
    host.server({ type: 'ring', from: GUEST })
    host.on({ type: 'accept' })
    host.take()
    expect(types(host.on({ type: 'hang-up' }))).toEqual(['send', 'destroy-peer', 'stop-stats', 'release-devices'])
  })

  it('a call after one ended in the same room starts with a clean record', () => {
    const guest = guestInCall()
    guest.server({ type: 'hang-up' })
    guest.take()
    expect(guest.on({ type: 'ring' })).toEqual([{ type: 'new-call' }, { type: 'send', message: { type: 'ring' } }])
    expect(guest.state).toMatchObject({ phase: 'ringing', connectedAt: null, endedAt: null, reconnects: 0 })

    const host = hostInCall()
    host.on({ type: 'hang-up' })
    host.server({ type: 'ring', from: GUEST })
    host.take()
    expect(types(host.on({ type: 'accept' }))).toEqual(['new-call', 'create-peer', 'send'])
  })

  it('leaving the page mid-call hangs up, closes the room connection and releases the devices', () => {
    const host = hostInCall()
    expect(types(host.on({ type: 'leave' }))).toEqual([
      'send',
      'destroy-peer',
      'stop-stats',
      'release-devices',
      'call-ended',
      'close-signaling',
      'release-devices'
    ])
    expect(host.state.joined).toBe(false)
  })

  it('a room that refuses us (full, expired, a bad link) fails: nothing to control, devices released', () => {
    const third = new Side({ role: 'guest', iceServers: [] })
    third.on({ type: 'devices-ready' })
    third.on({ type: 'join' })
    third.take()
    expect(third.on({ type: 'signaling', status: 'closed', detail: 'This call already has its guest: two people at most' })).toEqual([
      { type: 'release-devices' }
    ])
    expect(third.state).toMatchObject({ phase: 'failed', reason: 'This call already has its guest: two people at most' })
    // Joining again is no use.
    expect(third.on({ type: 'join' })).toEqual([])
  })
})
