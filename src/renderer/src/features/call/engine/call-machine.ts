import { isLiveCall } from '@shared/call'
import { unreachableReason } from '../unreachable'
import type { ClientMessage, Role, ServerMessage, SignalData } from '@shared/signaling'

/**
 * The call's rules as a pure state machine: `transition(state, event, now)` returns the
 * next state and the effects the runner carries out (send a message, make or drop the peer
 * connection, set a timer, release the devices). No clock, timer, socket or device in here,
 * so every rule is tested in Node (tests/unit/call/call-machine.test.ts).
 *
 * One call lasts from the first connection to the final hang-up. A drop, an ICE restart, a
 * new connection or the other side reloading its page are parts of the same call: the phase
 * goes to 'reconnecting' and back, `connectedAt` stays, and `reconnects` counts them.
 */

export type CallPhase =
  /** Camera and microphone are being opened. */
  | 'preparing'
  /** Devices ready; not joined yet (the guest's device check). */
  | 'ready'
  /** In the room, nobody else there (or not asking to talk). */
  | 'waiting'
  /** Host: the guest asks to come in. Guest: waiting for the host's answer. */
  | 'ringing'
  /** Guest: the host said no (for now). */
  | 'declined'
  | 'connecting'
  | 'connected'
  /** The connection dropped (or the other side left without hanging up); trying to get it back. */
  | 'reconnecting'
  | 'ended'
  /** The room cannot be used (bad link, expired, full). */
  | 'failed'

/** A STUN/TURN server, as RTCConfiguration takes it (spelled out: the machine needs no DOM). */
export interface IceServer {
  urls: string | string[]
  username?: string
  credential?: string
}

/** IceState. */
export type IceState = 'new' | 'checking' | 'connected' | 'completed' | 'disconnected' | 'failed' | 'closed'

export type SignalingStatus = 'connecting' | 'joined' | 'reconnecting' | 'closed'

export type TimerName =
  /** The guest restarts ICE when a dropped path stays down this long. */
  | 'iceRestart'
  /** The guest builds a new connection once the old one is gone. */
  | 'rebuildPeer'
  /** The call ends when it has not come back within the reconnect window. */
  | 'giveUp'

export const DEFAULT_TIMINGS = { iceRestartMs: 2_000, rebuildPeerMs: 1_000, reconnectWindowMs: 30_000 }
export type Timings = typeof DEFAULT_TIMINGS

export interface MachineState {
  role: Role
  phase: CallPhase
  /** The other person's name, once known. */
  peerName: string | null
  /** The other person is in the room. */
  peerPresent: boolean
  /** Guest: the host's app rang for us while its call page was closed. */
  hostTold: boolean
  signaling: SignalingStatus
  /** The room was joined (the signaling connection is open or reopening). */
  joined: boolean
  /** The peer connection in use, by number; null when there is none. */
  peer: number | null
  /** The number the next peer connection gets, so events from an old one are told apart. */
  nextPeer: number
  iceServers: IceServer[]
  /** The STUN/TURN servers this side was given itself (the host's own, from Settings). */
  ownIceServers: IceServer[]
  /** When media first flowed in this call (ms, the injected clock's). */
  connectedAt: number | null
  endedAt: number | null
  /** Times this call dropped and came back. */
  reconnects: number
  /** Why the call ended or could not start, in plain words. */
  reason: string | null
  /** Timers the runner holds for this machine. */
  timers: TimerName[]
  timings: Timings
}

export type CallEvent =
  /** Devices opened (or failed alone): the device check can show. */
  | { type: 'devices-ready' }
  /** The user joins the room. */
  | { type: 'join' }
  /** Guest: ring (again). */
  | { type: 'ring' }
  /** Host: let the ringing guest in. */
  | { type: 'accept' }
  /** Host: not now. */
  | { type: 'decline'; reason?: string }
  /** Ends the call for both. */
  | { type: 'hang-up' }
  /** Leaves the room for good (the page closes or moves on). */
  | { type: 'leave' }
  | { type: 'signaling'; status: SignalingStatus; detail?: string }
  | { type: 'server'; message: ServerMessage }
  | { type: 'peer-connected'; peer: number }
  /**
   * The peer connection closed or failed; `noPath`: ICE found no way through, and `relayReached`
   * whether this side got a relay (TURN) address at all.
   */
  | { type: 'peer-closed'; peer: number; noPath?: boolean; relayReached?: boolean }
  | { type: 'ice'; peer: number; state: IceState }
  | { type: 'timer'; timer: TimerName }

export type CallEffect =
  | { type: 'open-signaling' }
  | { type: 'close-signaling' }
  | { type: 'send'; message: ClientMessage }
  | { type: 'create-peer'; peer: number; initiator: boolean; iceServers: IceServer[] }
  | { type: 'destroy-peer' }
  | { type: 'signal-peer'; data: SignalData }
  /** Guest: new ICE credentials on the live connection (its next offer carries them). */
  | { type: 'restart-ice' }
  | { type: 'start-timer'; timer: TimerName; ms: number }
  | { type: 'cancel-timer'; timer: TimerName }
  | { type: 'start-stats' }
  | { type: 'stop-stats' }
  /** Tell the other side over the data channel what this side sends (mic, camera, sharing). */
  | { type: 'announce-media' }
  /** A call starts afresh (after an earlier one ended in the same room): its figures start again. */
  | { type: 'new-call' }
  /** Stop every local track: camera light off, microphone closed. */
  | { type: 'release-devices' }
  /** The call that took place is over: what goes on record. */
  | { type: 'call-ended'; startedAt: number; endedAt: number; reconnects: number }

export interface Transition {
  state: MachineState
  effects: CallEffect[]
}

export interface InitialOptions {
  role: Role
  iceServers: IceServer[]
  timings?: Partial<Timings>
  /**
   * The page was reloaded mid-call: the call goes on from its first connection, and
   * joining goes straight back in (reconnecting) instead of asking again.
   */
  resume?: { connectedAt: number; reconnects: number } | null
}

export function initialState(options: InitialOptions): MachineState {
  return {
    role: options.role,
    phase: 'preparing',
    peerName: null,
    peerPresent: false,
    hostTold: false,
    signaling: 'closed',
    joined: false,
    peer: null,
    nextPeer: 1,
    iceServers: options.iceServers,
    ownIceServers: options.iceServers,
    connectedAt: options.resume?.connectedAt ?? null,
    endedAt: null,
    reconnects: options.resume?.reconnects ?? 0,
    reason: null,
    timers: [],
    timings: { ...DEFAULT_TIMINGS, ...options.timings }
  }
}

/** A call is on: connecting to, talking with or getting back to the other side. */
export function inCall(state: Pick<MachineState, 'phase'>): boolean {
  return isLiveCall(state.phase)
}

/** Builds one transition: the state changes and the effects, in order. */
class Step {
  readonly effects: CallEffect[] = []
  constructor(public state: MachineState) {}

  set(patch: Partial<MachineState>): this {
    this.state = { ...this.state, ...patch }
    return this
  }

  do(...effects: CallEffect[]): this {
    this.effects.push(...effects)
    return this
  }

  send(message: ClientMessage): this {
    return this.do({ type: 'send', message })
  }

  startTimer(timer: TimerName, ms: number): this {
    if (this.state.timers.includes(timer)) return this
    return this.set({ timers: [...this.state.timers, timer] }).do({ type: 'start-timer', timer, ms })
  }

  cancelTimers(...timers: TimerName[]): this {
    for (const timer of timers) {
      if (!this.state.timers.includes(timer)) continue
      this.set({ timers: this.state.timers.filter((held) => held !== timer) }).do({ type: 'cancel-timer', timer })
    }
    return this
  }

  /** The timer fired: the runner no longer holds it. */
  fired(timer: TimerName): this {
    return this.set({ timers: this.state.timers.filter((held) => held !== timer) })
  }

  dropPeer(): this {
    this.cancelTimers('iceRestart', 'rebuildPeer')
    if (this.state.peer !== null) this.set({ peer: null }).do({ type: 'destroy-peer' }, { type: 'stop-stats' })
    return this
  }

  newPeer(): this {
    this.dropPeer()
    const peer = this.state.nextPeer
    return this.set({ peer, nextPeer: peer + 1 }).do({
      type: 'create-peer',
      peer,
      initiator: this.state.role === 'guest',
      iceServers: this.state.iceServers
    })
  }

  /** A call after one that ended in this room starts with a clean record. */
  freshCall(): this {
    if (this.state.endedAt === null && this.state.connectedAt === null) return this
    if (inCall(this.state)) return this
    return this.set({ connectedAt: null, endedAt: null, reconnects: 0 }).do({ type: 'new-call' })
  }

  reconnecting(peerGone: boolean): this {
    this.set({ phase: 'reconnecting' })
    this.startTimer('giveUp', this.state.timings.reconnectWindowMs)
    // The whole connection went: the guest (who offers) starts a new one; the host answers any new offer.
    if (peerGone && this.state.role === 'guest') this.startTimer('rebuildPeer', this.state.timings.rebuildPeerMs)
    return this
  }

  backInCall(now: number): this {
    const returning = this.state.phase === 'reconnecting'
    this.cancelTimers('iceRestart', 'rebuildPeer', 'giveUp')
    this.set({
      phase: 'connected',
      connectedAt: this.state.connectedAt ?? now,
      reason: null,
      reconnects: this.state.reconnects + (returning ? 1 : 0)
    })
    return this.do({ type: 'announce-media' })
  }

  end(reason: string, now: number): this {
    if (this.state.phase === 'ended') return this
    this.dropPeer().cancelTimers('giveUp')
    const startedAt = this.state.connectedAt
    this.set({ phase: 'ended', reason, endedAt: now })
    this.do({ type: 'release-devices' })
    if (startedAt !== null) this.do({ type: 'call-ended', startedAt, endedAt: now, reconnects: this.state.reconnects })
    return this
  }

  fail(reason: string): this {
    this.dropPeer().cancelTimers('giveUp')
    return this.set({ phase: 'failed', reason }).do({ type: 'release-devices' })
  }

  done(): Transition {
    return { state: this.state, effects: this.effects }
  }
}

function otherName(state: MachineState): string {
  return state.peerName ?? (state.role === 'host' ? 'Your guest' : 'The host')
}

function onServer(step: Step, message: ServerMessage, now: number): Step {
  const state = step.state
  const guest = state.role === 'guest'
  switch (message.type) {
    case 'joined':
      // The guest calls through the servers the room hands out; the host adds the TURN passwords minted for it to its own.
      if (message.iceServers?.length) {
        const minted = message.iceServers.filter((server) => server.credential)
        step.set({ iceServers: guest ? message.iceServers : [...state.ownIceServers, ...minted] })
      }
      step.set({ peerPresent: message.peer !== null, peerName: message.peer?.name ?? state.peerName })
      // The service rings the host as the guest joins; the guest then waits for the answer.
      if (guest && !inCall(state) && state.phase !== 'ended') step.set({ phase: message.peer ? 'ringing' : 'waiting' })
      return step
    case 'watching':
    case 'waiting-over':
      // Only the host's app watching from outside the call page hears these; the call page never watches.
      return step
    case 'host-told':
      // The host's app rang; we wait with it (and keep the name it goes by).
      if (guest) step.set({ hostTold: true, peerName: message.name })
      return step
    case 'peer-joined':
      step.set({ peerPresent: true, hostTold: false, peerName: message.peer.name })
      // The service rings the host for a guest who waited; the guest hears nothing, so it knows by this.
      if (guest && (state.phase === 'waiting' || state.phase === 'declined')) step.set({ phase: 'ringing' })
      return step
    case 'peer-left':
      step.set({ peerPresent: false })
      if (message.reason === 'left' && inCall(state)) {
        // They left without hanging up (a reload, a closed tab): their connection went with the page.
        return step.dropPeer().reconnecting(false)
      }
      // Their connection to the service dropped; the media may still be fine and they will rejoin.
      if (state.phase === 'connecting') return step.reconnecting(false)
      if (state.phase === 'ringing' && !guest) step.set({ phase: 'waiting' })
      return step
    case 'ring':
      step.set({ peerName: message.from.name, peerPresent: true })
      if (inCall(state)) {
        // They came back (a dropped connection, a reloaded page): straight back in, no second ring.
        if (state.peer === null || state.phase === 'reconnecting') step.newPeer()
        return step.send({ type: 'accept' })
      }
      return step.set({ phase: 'ringing', reason: null })
    case 'accept':
      if (!guest) return step
      if (state.peer !== null && state.phase === 'connected') return step // a rejoin while the media held
      step.freshCall().newPeer()
      if (state.phase !== 'reconnecting') step.set({ phase: 'connecting' })
      return step
    case 'decline':
      return step.set({ phase: 'declined', hostTold: false, reason: message.reason ?? null })
    case 'signal':
      if (state.peer === null && !guest && message.data.type === 'offer' && inCall(state)) step.newPeer()
      if (step.state.peer !== null) step.do({ type: 'signal-peer', data: message.data })
      return step
    case 'hang-up':
      return step.end(`${otherName(state)} ended the call.`, now)
    case 'error':
      // Fatal ones reach us as the signaling connection closing with the reason.
      return step
  }
}

/** The next state and what to do, for one event at time `now` (ms, the injected clock's). */
export function transition(state: MachineState, event: CallEvent, now: number): Transition {
  const step = new Step(state)
  const guest = state.role === 'guest'
  switch (event.type) {
    case 'devices-ready':
      if (state.phase === 'preparing') step.set({ phase: 'ready' })
      break
    case 'join':
      if (state.joined || state.phase === 'failed') break
      // Back after a reload mid-call: the call goes on; the other side takes us straight back.
      step.set({ joined: true, phase: state.connectedAt !== null ? 'reconnecting' : 'waiting', reason: null })
      if (state.connectedAt !== null) step.reconnecting(false)
      step.do({ type: 'open-signaling' })
      break
    case 'ring':
      if (!guest || state.signaling !== 'joined' || inCall(state) || state.phase === 'ringing') break
      step.freshCall().send({ type: 'ring' }).set({ phase: 'ringing', reason: null })
      break
    case 'accept':
      if (guest || state.phase !== 'ringing') break
      step.freshCall().newPeer().send({ type: 'accept' }).set({ phase: 'connecting' })
      break
    case 'decline':
      if (guest || state.phase !== 'ringing') break
      step.send({ type: 'decline', ...(event.reason ? { reason: event.reason } : {}) }).set({ phase: 'waiting' })
      break
    case 'hang-up':
      if (inCall(state)) step.send({ type: 'hang-up' })
      step.end('You ended the call.', now)
      break
    case 'leave':
      if (inCall(state)) step.send({ type: 'hang-up' }).end('You left the call.', now)
      step.dropPeer().cancelTimers('giveUp').set({ joined: false })
      step.do({ type: 'close-signaling' }, { type: 'release-devices' })
      break
    case 'signaling':
      step.set({ signaling: event.status })
      if (event.status === 'closed' && event.detail) step.fail(event.detail)
      break
    case 'server':
      onServer(step, event.message, now)
      break
    case 'peer-connected':
      if (event.peer !== state.peer) break
      step.backInCall(now).do({ type: 'start-stats' })
      break
    case 'peer-closed':
      if (event.peer !== state.peer) break
      step.set({ peer: null }).do({ type: 'stop-stats' })
      // Let in, but no path ever worked: say why, rather than trying the same paths again.
      if (event.noPath && state.phase === 'connecting' && state.connectedAt === null) {
        const peerName = state.peerName ?? (guest ? 'the host' : 'your guest')
        step.end(unreachableReason(state.role, peerName, event.relayReached === true), now)
        break
      }
      if (inCall(state)) step.reconnecting(true)
      break
    case 'ice':
      if (event.peer !== state.peer) break
      if (event.state === 'disconnected' && state.phase === 'connected') {
        step.reconnecting(false)
        // Still gone after a moment: the guest (who offers) restarts ICE; new paths are tried.
        if (guest) step.startTimer('iceRestart', state.timings.iceRestartMs)
      } else if ((event.state === 'connected' || event.state === 'completed') && state.phase === 'reconnecting') {
        step.backInCall(now)
      }
      break
    case 'timer': {
      step.fired(event.timer)
      if (event.timer === 'iceRestart' && state.phase === 'reconnecting' && state.peer !== null) step.do({ type: 'restart-ice' })
      const canRebuild = state.phase === 'reconnecting' && state.peer === null && state.signaling === 'joined'
      if (event.timer === 'rebuildPeer' && canRebuild) step.newPeer()
      if (event.timer === 'giveUp' && state.phase === 'reconnecting') {
        step.send({ type: 'hang-up' }).end('The connection was lost and did not come back.', now)
      }
      break
    }
  }
  return step.done()
}
