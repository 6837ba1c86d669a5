import '@renderer/webrtc/polyfills'
import SimplePeer from 'simple-peer'
import { CHAT_TEXT_MAX, chatWireSchema, type CallMeasurements } from '@shared/call'
import type { Role, SignalData } from '@shared/signaling'
import type { CancelTimer, Clock, Timers } from '@shared/time-source'
import { readStats, type StatsReading } from '@renderer/webrtc/stats'
import { classify, MeasurementLog, sampleBetween, type Quality } from '../quality'
import { SignalingClient, type WebSocketFactory } from '../signaling-client'
import { initialWeakWatch, snoozeWeakOffer, watchWeakConnection, type WeakWatch } from '../weak-connection'
import { CallMedia, type MediaPlatform, type MediaState, type TrackKind, type TrackProcessor } from './call-media'
import {
  initialState,
  transition,
  type CallEffect,
  type CallEvent,
  type CallPhase,
  type MachineState,
  type SignalingStatus,
  type TimerName,
  type Timings
} from './call-machine'

/**
 * The thin runner around the call machine: it feeds the machine events from the signaling
 * connection, the peer connection, the timers and the user, and carries out its effects
 * with the real things (a WebSocket, a simple-peer, the devices through CallMedia). Clock,
 * timers, sockets, WebRTC and devices are injected: the renderer passes the browser's and
 * the app clock; the runner test passes `ws`, `@roamhq/wrtc` and synthetic tracks.
 *
 * The host's call room and the guest's page both drive one of these and render its state
 * (a new object on every change, for useSyncExternalStore).
 */

export type { CallPhase, SignalingStatus }

export interface RemoteMediaState {
  mic: boolean
  camera: boolean
  sharing: boolean
  /** They send no video to keep a weak connection clear. */
  audioOnly: boolean
}

/** One chat message of this call, either way. */
export interface ChatMessage {
  id: string
  mine: boolean
  text: string
  /** ms, the injected clock's. */
  at: number
}

export interface CallState extends MediaState {
  phase: CallPhase
  role: Role
  /** The other person's name, once known. */
  peerName: string | null
  /** The other person is in the room. */
  peerPresent: boolean
  /** Guest: the host's app rang for us while its call page was closed. */
  hostTold: boolean
  signaling: SignalingStatus
  remoteStream: MediaStream | null
  /** The other side's camera while it shares its screen (the presenter's tile). */
  presenterStream: MediaStream | null
  /** The connection measured weak for a while: offer to send audio only. */
  weakConnection: boolean
  /** The other side's toggles, as it told us over the data channel. */
  remote: RemoteMediaState
  /** Video frames from the other side arrived in the last reading. */
  remoteVideoFlowing: boolean
  /** When media first flowed in this call (ms, the injected clock's): the timer counts from here. */
  connectedAt: number | null
  endedAt: number | null
  /** Times this call dropped and came back. */
  reconnects: number
  quality: Quality | null
  /** Why the call ended or could not start, in plain words. */
  reason: string | null
  /** The figures of the call, once it ended. */
  measurements: CallMeasurements | null
  /** The call's chat over the data channel, oldest first. */
  chat: ChatMessage[]
}

/** What the runner is given of the outside world; the browser's unless told otherwise. */
export interface CallPlatform {
  clock: Clock
  timers: Timers
  media: MediaPlatform
  openSocket?: WebSocketFactory
  /** A WebRTC implementation for simple-peer (Node tests: @roamhq/wrtc); the browser's when absent. */
  wrtc?: SimplePeer.Options['wrtc']
}

export interface CallRunnerOptions {
  role: Role
  name: string
  signalUrl: string
  room: string
  token: string
  iceServers: RTCIceServer[]
  platform: CallPlatform
  timings?: Partial<Timings>
  statsIntervalMs?: number
  /** The page was reloaded mid-call: go straight back in, the call's timer running on. */
  resume?: { connectedAt: number; reconnects: number } | null
}

type Listener = () => void

function connectionOf(peer: SimplePeer.Instance): RTCPeerConnection {
  // simple-peer keeps its RTCPeerConnection here; it has no public getter.
  return (peer as unknown as { _pc: RTCPeerConnection })._pc
}

export class CallRunner {
  private machine: MachineState
  private view: CallState
  private readonly listeners = new Set<Listener>()
  private readonly media: CallMedia
  private signaling: SignalingClient | null = null
  private peer: SimplePeer.Instance | null = null
  private peerNumber: number | null = null
  private readonly timers = new Map<TimerName, CancelTimer>()
  private stopStats: CancelTimer | null = null
  private lastReading: StatsReading | null = null
  private log = new MeasurementLog()
  private weak: WeakWatch = initialWeakWatch
  private name: string
  private queue: CallEvent[] = []
  /** Signals for the peer connection still being made. */
  private pendingSignals: SignalData[] = []
  private running = false
  private disposed = false
  private chatCount = 0

  constructor(private readonly options: CallRunnerOptions) {
    this.name = options.name
    this.machine = initialState({ role: options.role, iceServers: options.iceServers, timings: options.timings, resume: options.resume })
    this.media = new CallMedia(
      options.platform.media,
      () => this.publish(),
      () => this.announceMedia()
    )
    this.view = {
      ...this.media.current,
      phase: this.machine.phase,
      role: options.role,
      peerName: null,
      peerPresent: false,
      hostTold: false,
      signaling: 'closed',
      remoteStream: null,
      presenterStream: null,
      weakConnection: false,
      remote: { mic: true, camera: true, sharing: false, audioOnly: false },
      remoteVideoFlowing: false,
      connectedAt: this.machine.connectedAt,
      endedAt: null,
      reconnects: this.machine.reconnects,
      quality: null,
      reason: null,
      measurements: null,
      chat: []
    }
  }

  // ---- state for React ----

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getState = (): CallState => this.view

  private publish(patch: Partial<CallState> = {}): void {
    if (this.disposed) return
    const m = this.machine
    this.view = {
      ...this.view,
      ...this.media.current,
      phase: m.phase,
      peerName: m.peerName,
      peerPresent: m.peerPresent,
      hostTold: m.hostTold,
      signaling: m.signaling,
      connectedAt: m.connectedAt,
      endedAt: m.endedAt,
      reconnects: m.reconnects,
      reason: m.reason,
      ...patch
    }
    // Mid-transition the effects are half done: listeners hear once the dispatch is through.
    if (this.running) return
    for (const listener of this.listeners) listener()
  }

  // ---- the user ----

  /** Opens camera and microphone (the chosen ones, or the defaults); either may fail alone. */
  async prepare(devices: { micId?: string | null; cameraId?: string | null } = {}): Promise<void> {
    await this.media.open(devices)
    this.dispatch({ type: 'devices-ready' })
  }

  /** The microphone's own track, for the level meter. */
  get microphoneTrack(): MediaStreamTrack | null {
    return this.media.microphoneTrack
  }

  join(name: string = this.name): void {
    this.name = name
    this.dispatch({ type: 'join' })
  }

  /** Host: lets the ringing guest in. */
  accept(): void {
    this.dispatch({ type: 'accept' })
  }

  /** Host: not now. The guest may ring again. */
  decline(reason?: string): void {
    this.dispatch({ type: 'decline', ...(reason ? { reason } : {}) })
  }

  /** Guest: rings (again) after a decline or a hang-up. */
  ring(): void {
    this.dispatch({ type: 'ring' })
  }

  /** Ends the call for both. */
  hangUp(): void {
    this.dispatch({ type: 'hang-up' })
  }

  /** Leaves the room for good (page closed or left). */
  dispose(): void {
    this.dispatch({ type: 'leave' })
    this.disposed = true
    this.listeners.clear()
  }

  toggleMic = (): Promise<void> => this.media.toggleMic()
  toggleCamera = (): Promise<void> => this.media.toggleCamera()
  switchCamera = (deviceId: string | null): Promise<void> => this.media.switchCamera(deviceId)
  switchMicrophone = (deviceId: string | null): Promise<void> => this.media.switchMicrophone(deviceId)
  startSharing = (stream: MediaStream): Promise<void> => this.media.startSharing(stream)
  stopSharing = (): Promise<void> => this.media.stopSharing()
  setAudioOnly = (on: boolean): Promise<void> => this.media.setAudioOnly(on)

  /** "Not now" to the weak-connection offer: it does not come back for a while. */
  dismissWeakOffer(): void {
    this.weak = snoozeWeakOffer(this.weak, this.options.platform.clock.now().getTime())
    this.publish({ weakConnection: false })
  }
  /** The hook for noise suppression and blur: the processed track goes out in place of the device's. */
  setProcessor = (kind: TrackKind, processor: TrackProcessor | null): Promise<void> => this.media.setProcessor(kind, processor)

  // ---- the machine ----

  private dispatch(event: CallEvent): void {
    this.queue.push(event)
    // Effects may cause events of their own (a socket closing): they wait for this one to finish.
    if (this.running) return
    this.running = true
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        const { state, effects } = transition(this.machine, next, this.options.platform.clock.now().getTime())
        this.machine = state
        for (const effect of effects) this.run(effect)
      }
    } finally {
      this.running = false
    }
    this.publish()
  }

  private run(effect: CallEffect): void {
    switch (effect.type) {
      case 'open-signaling':
        this.openSignaling()
        return
      case 'close-signaling':
        this.signaling?.close()
        this.signaling = null
        return
      case 'send':
        this.signaling?.send(effect.message)
        return
      case 'create-peer': {
        this.pendingSignals = []
        // A call after one that ended: the devices the end released open again first.
        const create = () => this.createPeer(effect.peer, effect.initiator, effect.iceServers)
        if (this.media.isReleased) void this.media.reopenIfReleased().then(create)
        else create()
        return
      }
      case 'destroy-peer':
        this.destroyPeer()
        return
      case 'signal-peer':
        // The peer being made (devices reopening) gets it once it exists.
        if (this.peerNumber !== this.machine.peer) this.pendingSignals.push(effect.data)
        else this.signalPeer(effect.data)
        return
      case 'restart-ice':
        if (this.peer) {
          connectionOf(this.peer).restartIce()
          ;(this.peer as unknown as { negotiate(): void }).negotiate()
        }
        return
      case 'start-timer':
        this.timers.get(effect.timer)?.()
        this.timers.set(
          effect.timer,
          this.options.platform.timers.after(effect.ms, () => {
            this.timers.delete(effect.timer)
            this.dispatch({ type: 'timer', timer: effect.timer })
          })
        )
        return
      case 'cancel-timer':
        this.timers.get(effect.timer)?.()
        this.timers.delete(effect.timer)
        return
      case 'start-stats':
        this.startStats()
        return
      case 'stop-stats':
        this.stopStats?.()
        this.stopStats = null
        return
      case 'announce-media':
        this.announceMedia()
        return
      case 'new-call':
        this.log = new MeasurementLog()
        this.weak = initialWeakWatch
        this.view = { ...this.view, measurements: null, chat: [], weakConnection: false }
        return
      case 'release-devices':
        this.media.release()
        return
      case 'call-ended':
        this.log.reconnects = effect.reconnects
        this.view = {
          ...this.view,
          measurements: this.log.summary(),
          remoteStream: null,
          presenterStream: null,
          quality: null,
          weakConnection: false
        }
        return
    }
  }

  private openSignaling(): void {
    if (this.signaling) return
    const { signalUrl, room, token, role, platform } = this.options
    this.signaling = new SignalingClient({
      signalUrl,
      room,
      token,
      role,
      name: this.name,
      timers: platform.timers,
      ...(platform.openSocket ? { openSocket: platform.openSocket } : {}),
      onMessage: (message) => this.dispatch({ type: 'server', message }),
      onStatus: (status, detail) => this.dispatch({ type: 'signaling', status, ...(detail ? { detail } : {}) })
    })
    this.signaling.connect()
  }

  // ---- the connection ----

  private signalPeer(data: SignalData): void {
    try {
      this.peer?.signal(data as SimplePeer.SignalData)
    } catch {
      // a signal for a peer that just closed
    }
  }

  private createPeer(number: number, initiator: boolean, iceServers: RTCIceServer[]): void {
    if (this.machine.peer !== number || this.disposed) return
    const stream = this.options.platform.media.stream(this.media.initialTracks())
    const peer = new SimplePeer({
      initiator,
      stream,
      trickle: true,
      config: { iceServers },
      ...(this.options.platform.wrtc ? { wrtc: this.options.platform.wrtc } : {})
    })
    this.peer = peer
    this.peerNumber = number
    const pc = connectionOf(peer)
    this.media.attach(pc.getSenders())
    const current = () => this.peer === peer

    peer.on('signal', (data: SignalData) => {
      if (current()) this.signaling?.send({ type: 'signal', data })
    })
    peer.on('stream', (remote: MediaStream) => {
      if (current()) this.publish(this.remoteStreams(pc, remote))
    })
    peer.on('connect', () => {
      if (current()) this.dispatch({ type: 'peer-connected', peer: number })
    })
    peer.on('data', (data: Uint8Array | string) => this.onData(data))
    let relayReached = false
    pc.addEventListener('icecandidate', (event) => {
      if (event.candidate?.type === 'relay') relayReached = true
    })
    const closed = (error?: Error & { code?: string }) => {
      if (!current()) return
      this.forgetPeer()
      // simple-peer has closed the connection by the time its error arrives, so its code tells what happened.
      const noPath = error?.code === 'ERR_ICE_CONNECTION_FAILURE' || error?.code === 'ERR_CONNECTION_FAILURE'
      this.dispatch({ type: 'peer-closed', peer: number, noPath, relayReached })
    }
    peer.on('error', (error: Error & { code?: string }) => closed(error))
    peer.on('close', () => closed())
    pc.addEventListener('iceconnectionstatechange', () => {
      if (current()) this.dispatch({ type: 'ice', peer: number, state: pc.iceConnectionState })
    })
    for (const data of this.pendingSignals.splice(0)) this.signalPeer(data)
  }

  /**
   * The other side's sound and picture, and its camera while it shares: its three senders arrive
   * as this side's first three transceivers, in the order both sides gave them (SENDER_SLOTS).
   */
  private remoteStreams(pc: RTCPeerConnection, remote: MediaStream): Pick<CallState, 'remoteStream' | 'presenterStream'> {
    const received = pc.getTransceivers().map((transceiver) => transceiver.receiver.track)
    const [audio, video, presenter] = received
    if (!audio || !video || !presenter || presenter.kind !== 'video') return { remoteStream: remote, presenterStream: null }
    const { stream } = this.options.platform.media
    return { remoteStream: stream([audio, video]), presenterStream: stream([presenter]) }
  }

  private forgetPeer(): void {
    this.peer = null
    this.peerNumber = null
    this.media.detach()
  }

  private destroyPeer(): void {
    const peer = this.peer
    this.forgetPeer()
    peer?.destroy()
  }

  private onData(data: Uint8Array | string): void {
    try {
      const message = JSON.parse(typeof data === 'string' ? data : new TextDecoder().decode(data)) as Partial<RemoteMediaState> & {
        type?: string
      }
      if (message.type === 'media') {
        this.publish({
          remote: {
            mic: message.mic !== false,
            camera: message.camera !== false,
            sharing: message.sharing === true,
            audioOnly: message.audioOnly === true
          }
        })
      } else if (message.type === 'chat') {
        // The other side is another program as far as we know: only a well-formed message is shown.
        const chat = chatWireSchema.safeParse(message)
        if (!chat.success || this.view.chat.some((known) => known.id === chat.data.id)) return
        const at = this.options.platform.clock.now().getTime()
        const received: ChatMessage = { id: chat.data.id, mine: false, text: chat.data.text, at }
        this.publish({ chat: [...this.view.chat, received] })
      }
    } catch {
      // not a message of ours
    }
  }

  /** Sends a chat message over the data channel; false when there is nothing to send or no connection to send it on. */
  sendChat(text: string): boolean {
    const trimmed = text.trim()
    const peer = this.peer
    if (!trimmed || trimmed.length > CHAT_TEXT_MAX || !peer || !peer.connected) return false
    const id = `${this.options.role}-${this.options.platform.clock.now().getTime().toString(36)}-${(this.chatCount++).toString(36)}`
    try {
      peer.send(JSON.stringify({ type: 'chat', id, text: trimmed }))
    } catch {
      return false
    }
    this.publish({ chat: [...this.view.chat, { id, mine: true, text: trimmed, at: this.options.platform.clock.now().getTime() }] })
    return true
  }

  private announceMedia(): void {
    const peer = this.peer
    if (!peer || !peer.connected) return
    const { micOn, cameraOn, sharing, audioOnly } = this.media.current
    try {
      peer.send(JSON.stringify({ type: 'media', mic: micOn, camera: cameraOn, sharing, audioOnly }))
    } catch {
      // the data channel closed in between; the next change tells again
    }
  }

  private startStats(): void {
    if (this.stopStats) return
    this.lastReading = null
    const tick = async () => {
      const peer = this.peer
      if (!peer) return
      const pc = connectionOf(peer)
      let reading: StatsReading
      try {
        reading = await readStats(pc, pc)
      } catch {
        return
      }
      const previous = this.lastReading
      this.lastReading = reading
      if (!previous || this.peer !== peer) return
      const sample = sampleBetween(previous, reading)
      if (this.machine.phase === 'connected') {
        this.log.add(sample, reading.packetsLost - previous.packetsLost)
        const { cameraOn, sharing, audioOnly } = this.media.current
        const weakSample = {
          lossPercent: sample.lossPercent,
          availableOutgoingKbps: reading.availableOutgoingKbps,
          sendingVideo: (cameraOn || sharing) && !audioOnly
        }
        this.weak = watchWeakConnection(this.weak, weakSample, this.options.platform.clock.now().getTime())
      }
      this.publish({ quality: classify(sample), remoteVideoFlowing: sample.framesDecoded > 0, weakConnection: this.weak.offering })
    }
    void tick()
    this.stopStats = this.options.platform.timers.every(this.options.statsIntervalMs ?? 2_000, () => void tick())
  }

  /** The number of the live peer connection (tests). */
  get peerConnectionNumber(): number | null {
    return this.peerNumber
  }

  /** The live RTCPeerConnection, for tests that read its stats. */
  get connection(): RTCPeerConnection | null {
    return this.peer ? connectionOf(this.peer) : null
  }
}
