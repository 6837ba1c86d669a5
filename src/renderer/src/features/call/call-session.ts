import '../../webrtc/polyfills'
import SimplePeer from 'simple-peer'
import type { Role, ServerMessage } from '../../../../shared/signaling'
import { classifyMediaError } from '../../webrtc/media-checks'
import { readStats, type StatsReading } from '../../webrtc/stats'
import { classify, MeasurementLog, sampleBetween, type Quality } from './quality'
import { SignalingClient, type SignalingStatus } from './signaling-client'
import type { CallMeasurements } from '../../../../shared/call'

/**
 * One participant's side of a call, apart from any UI: local camera and microphone, the
 * signaling connection, the simple-peer connection to the other side, and the live
 * figures. The host's call room and the guest's page both drive one of these and render
 * its state (a new object on every change, for useSyncExternalStore).
 *
 * The guest starts the WebRTC connection (simple-peer initiator) once the host accepts.
 * Toggles and device switches swap tracks on the senders (replaceTrack): no renegotiation.
 * A short network drop is healed by an ICE restart; a lost signaling connection rejoins by
 * itself and the host takes the guest straight back in.
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
  /** The connection dropped; trying to get it back. */
  | 'reconnecting'
  | 'ended'
  /** The room cannot be used (bad link, expired, full). */
  | 'failed'

export interface RemoteMediaState {
  mic: boolean
  camera: boolean
  sharing: boolean
}

export interface CallState {
  phase: CallPhase
  role: Role
  /** The other person's name, once known. */
  peerName: string | null
  /** The other person is in the room. */
  peerPresent: boolean
  signaling: SignalingStatus
  micOn: boolean
  cameraOn: boolean
  sharing: boolean
  /** What this side shows itself: the camera, or the shared screen. */
  localStream: MediaStream | null
  remoteStream: MediaStream | null
  /** The other side's toggles, as it told us over the data channel. */
  remote: RemoteMediaState
  /** Video frames from the other side arrived in the last reading. */
  remoteVideoFlowing: boolean
  micDeviceId: string | null
  cameraDeviceId: string | null
  /** When media first flowed (ms since epoch). */
  connectedAt: number | null
  endedAt: number | null
  quality: Quality | null
  /** Something to tell the user that does not stop the call (a device that would not open). */
  notice: string | null
  /** Why the call ended or could not start, in plain words. */
  reason: string | null
  /** The figures of the call, once it ended. */
  measurements: CallMeasurements | null
}

export interface CallSessionOptions {
  role: Role
  name: string
  signalUrl: string
  room: string
  token: string
  iceServers: RTCIceServer[]
  /** Time allowed to get a dropped call back before giving up. */
  reconnectWindowMs?: number
  statsIntervalMs?: number
}

type Listener = () => void

const RECONNECT_WINDOW_MS = 30_000
const ICE_RESTART_AFTER_MS = 2_000

function connectionOf(peer: SimplePeer.Instance): RTCPeerConnection {
  // simple-peer keeps its RTCPeerConnection here; it has no public getter.
  return (peer as unknown as { _pc: RTCPeerConnection })._pc
}

/** A track that carries nothing, so the connection has a sender of each kind from the start. */
function placeholderTrack(kind: 'audio' | 'video'): MediaStreamTrack {
  if (kind === 'video') {
    const canvas = Object.assign(document.createElement('canvas'), { width: 16, height: 9 })
    canvas.getContext('2d')?.fillRect(0, 0, 16, 9)
    return canvas.captureStream(1).getVideoTracks()[0]!
  }
  const audio = new AudioContext()
  const destination = audio.createMediaStreamDestination()
  const track = destination.stream.getAudioTracks()[0]!
  track.addEventListener('ended', () => void audio.close())
  return track
}

function deviceError(kind: 'camera' | 'microphone', error: unknown): string {
  switch (classifyMediaError(error)) {
    case 'permission':
      return `Your ${kind} is blocked: allow it in the browser’s site settings (the icon left of the address), then try again.`
    case 'in_use':
      return `Your ${kind} is in use by another app: close that app, then try again.`
    case 'not_found':
      return `No ${kind} was found: plug one in, or carry on without it.`
    default:
      return `Your ${kind} could not be opened: ${error instanceof Error ? error.message : String(error)}`
  }
}

export class CallSession {
  private state: CallState
  private readonly listeners = new Set<Listener>()
  private signaling: SignalingClient | null = null
  private peer: SimplePeer.Instance | null = null
  private micTrack: MediaStreamTrack | null = null
  private cameraTrack: MediaStreamTrack | null = null
  private screenTrack: MediaStreamTrack | null = null
  private placeholders: MediaStreamTrack[] = []
  private audioSender: RTCRtpSender | null = null
  private videoSender: RTCRtpSender | null = null
  private statsTimer: ReturnType<typeof setInterval> | null = null
  private restartTimer: ReturnType<typeof setTimeout> | null = null
  private giveUpTimer: ReturnType<typeof setTimeout> | null = null
  private lastReading: StatsReading | null = null
  private log = new MeasurementLog()
  private disposed = false

  private iceServers: RTCIceServer[]

  constructor(private readonly options: CallSessionOptions) {
    this.iceServers = options.iceServers
    this.state = {
      phase: 'preparing',
      role: options.role,
      peerName: null,
      peerPresent: false,
      signaling: 'closed',
      micOn: true,
      cameraOn: true,
      sharing: false,
      localStream: null,
      remoteStream: null,
      remote: { mic: true, camera: true, sharing: false },
      remoteVideoFlowing: false,
      micDeviceId: null,
      cameraDeviceId: null,
      connectedAt: null,
      endedAt: null,
      quality: null,
      notice: null,
      reason: null,
      measurements: null
    }
  }

  // ---- state for React ----

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getState = (): CallState => this.state

  private set(patch: Partial<CallState>): void {
    if (this.disposed) return
    this.state = { ...this.state, ...patch }
    for (const listener of this.listeners) listener()
  }

  private get inCall(): boolean {
    return this.state.phase === 'connecting' || this.state.phase === 'connected' || this.state.phase === 'reconnecting'
  }

  // ---- devices ----

  /** Opens camera and microphone (the chosen ones, or the defaults); either may fail alone. */
  async prepare(devices: { micId?: string | null; cameraId?: string | null } = {}): Promise<void> {
    this.set({ phase: this.state.phase === 'preparing' ? 'preparing' : this.state.phase })
    const notices: string[] = []
    const [mic, camera] = await Promise.allSettled([
      navigator.mediaDevices.getUserMedia({ audio: devices.micId ? { deviceId: { exact: devices.micId } } : true, video: false }),
      navigator.mediaDevices.getUserMedia({
        video: devices.cameraId ? { deviceId: { exact: devices.cameraId } } : { width: { ideal: 1280 }, height: { ideal: 720 } },
        audio: false
      })
    ])
    if (this.disposed) {
      for (const result of [mic, camera]) if (result.status === 'fulfilled') result.value.getTracks().forEach((track) => track.stop())
      return
    }
    this.micTrack?.stop()
    this.cameraTrack?.stop()
    this.micTrack = mic.status === 'fulfilled' ? mic.value.getAudioTracks()[0]! : null
    this.cameraTrack = camera.status === 'fulfilled' ? camera.value.getVideoTracks()[0]! : null
    if (mic.status === 'rejected') notices.push(deviceError('microphone', mic.reason))
    if (camera.status === 'rejected') notices.push(deviceError('camera', camera.reason))
    this.set({
      phase: this.state.phase === 'preparing' ? 'ready' : this.state.phase,
      micOn: this.micTrack !== null && this.state.micOn,
      cameraOn: this.cameraTrack !== null && this.state.cameraOn,
      micDeviceId: this.micTrack?.getSettings().deviceId ?? null,
      cameraDeviceId: this.cameraTrack?.getSettings().deviceId ?? null,
      notice: notices.length ? notices.join(' ') : null
    })
    if (this.micTrack) this.micTrack.enabled = this.state.micOn
    this.refreshLocalStream()
  }

  /** The microphone's own track, for the level meter. */
  get microphoneTrack(): MediaStreamTrack | null {
    return this.micTrack
  }

  private refreshLocalStream(): void {
    const video = this.screenTrack ?? (this.state.cameraOn ? this.cameraTrack : null)
    this.set({ localStream: video ? new MediaStream([video]) : null })
  }

  private announceMedia(): void {
    const peer = this.peer
    if (!peer || !peer.connected) return
    try {
      peer.send(JSON.stringify({ type: 'media', mic: this.state.micOn, camera: this.state.cameraOn, sharing: this.state.sharing }))
    } catch {
      // the data channel closed in between; the next change tells again
    }
  }

  async toggleMic(): Promise<void> {
    const on = !this.state.micOn
    if (on && !this.micTrack) {
      await this.switchMicrophone(this.state.micDeviceId)
      if (!this.micTrack) return
    }
    if (this.micTrack) this.micTrack.enabled = on
    // Off sends nothing at all (no packets of silence): the sender's track goes.
    await this.audioSender?.replaceTrack(on ? this.micTrack : null).catch(() => undefined)
    this.set({ micOn: on })
    this.announceMedia()
  }

  async toggleCamera(): Promise<void> {
    const on = !this.state.cameraOn
    if (on) {
      if (!this.cameraTrack || this.cameraTrack.readyState === 'ended') await this.openCamera(this.state.cameraDeviceId)
      if (!this.cameraTrack) return
    } else {
      // The camera light goes off too.
      this.cameraTrack?.stop()
      this.cameraTrack = null
    }
    this.set({ cameraOn: on })
    if (!this.screenTrack) await this.videoSender?.replaceTrack(on ? this.cameraTrack : null).catch(() => undefined)
    this.refreshLocalStream()
    this.announceMedia()
  }

  private async openCamera(deviceId: string | null): Promise<void> {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        video: deviceId ? { deviceId: { exact: deviceId } } : { width: { ideal: 1280 }, height: { ideal: 720 } },
        audio: false
      })
      this.cameraTrack?.stop()
      this.cameraTrack = stream.getVideoTracks()[0]!
      this.set({ cameraDeviceId: this.cameraTrack.getSettings().deviceId ?? deviceId, notice: null })
    } catch (error) {
      this.set({ notice: deviceError('camera', error) })
    }
  }

  /** Another camera, mid-call too: its track replaces the old one on the sender. */
  async switchCamera(deviceId: string | null): Promise<void> {
    if (!this.state.cameraOn) {
      this.set({ cameraDeviceId: deviceId })
      return
    }
    await this.openCamera(deviceId)
    if (!this.screenTrack && this.cameraTrack) await this.videoSender?.replaceTrack(this.cameraTrack).catch(() => undefined)
    this.refreshLocalStream()
  }

  async switchMicrophone(deviceId: string | null): Promise<void> {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: deviceId ? { deviceId: { exact: deviceId } } : true, video: false })
      const next = stream.getAudioTracks()[0]!
      next.enabled = this.state.micOn
      if (this.state.micOn) await this.audioSender?.replaceTrack(next).catch(() => undefined)
      this.micTrack?.stop()
      this.micTrack = next
      this.set({ micDeviceId: next.getSettings().deviceId ?? deviceId, notice: null })
    } catch (error) {
      this.set({ notice: deviceError('microphone', error) })
    }
  }

  /** Shares a screen or window (the stream from getDisplayMedia) in place of the camera. */
  async startSharing(stream: MediaStream): Promise<void> {
    const track = stream.getVideoTracks()[0]
    if (!track) return
    this.screenTrack?.stop()
    this.screenTrack = track
    track.contentHint = 'detail'
    // Stopping from the browser's own bar ("Stop sharing") comes back to the camera.
    track.addEventListener('ended', () => {
      if (this.screenTrack === track) void this.stopSharing()
    })
    await this.videoSender?.replaceTrack(track).catch(() => undefined)
    this.set({ sharing: true })
    this.refreshLocalStream()
    this.announceMedia()
  }

  async stopSharing(): Promise<void> {
    const track = this.screenTrack
    this.screenTrack = null
    track?.stop()
    await this.videoSender?.replaceTrack(this.state.cameraOn ? this.cameraTrack : null).catch(() => undefined)
    this.set({ sharing: false })
    this.refreshLocalStream()
    this.announceMedia()
  }

  // ---- the room ----

  /** Joins the room; the guest's arrival rings the host. */
  join(name: string = this.options.name): void {
    if (this.signaling) return
    this.set({ phase: 'waiting', reason: null })
    this.signaling = new SignalingClient({
      signalUrl: this.options.signalUrl,
      room: this.options.room,
      token: this.options.token,
      role: this.options.role,
      name,
      onMessage: (message) => this.onSignal(message),
      onStatus: (status, detail) => {
        this.set({ signaling: status })
        if (status === 'closed' && detail) this.fail(detail)
      }
    })
    this.signaling.connect()
  }

  /** Host: lets the ringing guest in. */
  accept(): void {
    if (this.options.role !== 'host' || this.state.phase !== 'ringing') return
    this.createPeer()
    this.signaling?.send({ type: 'accept' })
    this.set({ phase: 'connecting' })
  }

  /** Host: not now. The guest may ring again. */
  decline(reason?: string): void {
    if (this.options.role !== 'host' || this.state.phase !== 'ringing') return
    this.signaling?.send({ type: 'decline', ...(reason ? { reason } : {}) })
    this.set({ phase: 'waiting' })
  }

  /** Guest: rings (again) after a decline or a hang-up. */
  ring(): void {
    if (this.options.role !== 'guest') return
    if (this.signaling?.send({ type: 'ring' })) this.set({ phase: 'ringing', reason: null })
  }

  /** Ends the call for both. */
  hangUp(): void {
    if (this.inCall) this.signaling?.send({ type: 'hang-up' })
    this.endCall('You ended the call.')
  }

  /** Leaves the room for good (page closed or left). */
  dispose(): void {
    if (this.inCall) this.signaling?.send({ type: 'hang-up' })
    this.stopPeer()
    this.signaling?.close()
    this.signaling = null
    for (const track of [this.micTrack, this.cameraTrack, this.screenTrack, ...this.placeholders]) track?.stop()
    this.disposed = true
    this.listeners.clear()
  }

  private fail(reason: string): void {
    this.stopPeer()
    this.set({ phase: 'failed', reason })
  }

  private onSignal(message: ServerMessage): void {
    const name = this.state.peerName ?? (this.options.role === 'host' ? 'Your guest' : 'The host')
    switch (message.type) {
      case 'joined':
        // The guest has no settings of its own: it calls through the host's STUN/TURN servers.
        if (this.options.role === 'guest' && message.iceServers?.length) this.iceServers = message.iceServers
        this.set({ peerPresent: message.peer !== null, peerName: message.peer?.name ?? this.state.peerName })
        if (this.options.role === 'guest' && message.peer && !this.inCall && this.state.phase !== 'ended') this.set({ phase: 'ringing' })
        if (this.options.role === 'guest' && !message.peer && !this.inCall) this.set({ phase: 'waiting' })
        return
      case 'peer-joined':
        this.set({ peerPresent: true, peerName: message.peer.name })
        // The service rings the host for a guest who waited; the guest hears nothing, so it knows by this.
        if (this.options.role === 'guest' && (this.state.phase === 'waiting' || this.state.phase === 'declined')) this.set({ phase: 'ringing' })
        return
      case 'peer-left':
        this.set({ peerPresent: false })
        if (this.inCall && message.reason === 'left') {
          this.endCall(`${message.peer.name} left the call.`)
        } else if (this.inCall) {
          // Their connection to the service dropped; the media may still be fine and they will rejoin.
          if (this.state.phase === 'connecting') this.beginReconnecting()
        } else if (this.state.phase === 'ringing' && this.options.role === 'host') {
          this.set({ phase: 'waiting' })
        }
        return
      case 'ring':
        this.set({ peerName: message.from.name, peerPresent: true })
        if (this.inCall) {
          // They came back after a dropped connection: straight back in, no second ring.
          if (!this.peer || this.state.phase === 'reconnecting') {
            this.stopPeer()
            this.createPeer()
          }
          this.signaling?.send({ type: 'accept' })
          return
        }
        this.set({ phase: 'ringing', reason: null })
        return
      case 'accept':
        if (this.options.role !== 'guest') return
        if (this.peer && this.state.phase === 'connected') return // a rejoin while the media held
        this.stopPeer()
        this.createPeer()
        if (this.state.phase !== 'reconnecting') this.set({ phase: 'connecting' })
        return
      case 'decline':
        this.set({ phase: 'declined', reason: message.reason ?? null })
        return
      case 'signal':
        if (!this.peer && this.options.role === 'host' && message.data.type === 'offer' && this.inCall) this.createPeer()
        try {
          this.peer?.signal(message.data as SimplePeer.SignalData)
        } catch {
          // a signal for a peer that just closed
        }
        return
      case 'hang-up':
        this.endCall(`${name} ended the call.`)
        return
      case 'error':
        if (message.fatal) return // the client reports it through its status
        return
    }
  }

  // ---- the connection ----

  private createPeer(): void {
    const audio = this.state.micOn && this.micTrack ? this.micTrack : this.placeholder('audio')
    const video = this.screenTrack ?? (this.state.cameraOn && this.cameraTrack ? this.cameraTrack : this.placeholder('video'))
    const stream = new MediaStream([audio, video])
    const peer = new SimplePeer({
      initiator: this.options.role === 'guest',
      stream,
      trickle: true,
      config: { iceServers: this.iceServers }
    })
    this.peer = peer
    const pc = connectionOf(peer)
    this.audioSender = pc.getSenders().find((sender) => sender.track === audio) ?? null
    this.videoSender = pc.getSenders().find((sender) => sender.track === video) ?? null
    // Placeholders only make the senders; nothing of them is sent.
    if (this.placeholders.includes(audio)) void this.audioSender?.replaceTrack(null)
    if (this.placeholders.includes(video)) void this.videoSender?.replaceTrack(null)

    peer.on('signal', (data) => {
      this.signaling?.send({ type: 'signal', data: data as never })
    })
    peer.on('stream', (remote: MediaStream) => {
      if (this.peer === peer) this.set({ remoteStream: remote })
    })
    peer.on('connect', () => {
      if (this.peer !== peer) return
      const wasReconnecting = this.state.phase === 'reconnecting'
      if (wasReconnecting) this.log.reconnects += 1
      this.clearReconnect()
      this.set({ phase: 'connected', connectedAt: this.state.connectedAt ?? Date.now(), reason: null })
      this.announceMedia()
      this.startStats()
    })
    peer.on('data', (data: Uint8Array | string) => {
      try {
        const message = JSON.parse(typeof data === 'string' ? data : new TextDecoder().decode(data)) as Partial<RemoteMediaState> & { type?: string }
        if (message.type === 'media') {
          this.set({ remote: { mic: message.mic !== false, camera: message.camera !== false, sharing: message.sharing === true } })
        }
      } catch {
        // not a message of ours
      }
    })
    peer.on('error', () => {
      if (this.peer !== peer) return
      this.peer = null
      this.audioSender = null
      this.videoSender = null
      if (this.inCall) this.beginReconnecting(true)
    })
    peer.on('close', () => {
      if (this.peer !== peer) return
      this.peer = null
      if (this.inCall) this.beginReconnecting(true)
    })
    pc.addEventListener('iceconnectionstatechange', () => {
      if (this.peer !== peer) return
      const state = pc.iceConnectionState
      if (state === 'disconnected' && this.state.phase === 'connected') {
        this.beginReconnecting()
        // Still gone after a moment: the guest (who offers) restarts ICE; new paths are tried.
        this.restartTimer = setTimeout(() => {
          if (this.peer === peer && pc.iceConnectionState !== 'connected' && pc.iceConnectionState !== 'completed') this.restartIce()
        }, ICE_RESTART_AFTER_MS)
      } else if ((state === 'connected' || state === 'completed') && this.state.phase === 'reconnecting') {
        this.log.reconnects += 1
        this.clearReconnect()
        this.set({ phase: 'connected' })
      }
    })
  }

  private placeholder(kind: 'audio' | 'video'): MediaStreamTrack {
    const track = placeholderTrack(kind)
    this.placeholders.push(track)
    return track
  }

  /** Restarts ICE on the live connection; the guest's offer carries it. */
  private restartIce(): void {
    const peer = this.peer
    if (!peer) return
    const pc = connectionOf(peer)
    if (this.options.role === 'guest') {
      pc.restartIce()
      ;(peer as unknown as { negotiate(): void }).negotiate()
    }
  }

  private beginReconnecting(peerGone = false): void {
    if (this.state.phase !== 'reconnecting') this.set({ phase: 'reconnecting' })
    this.giveUpTimer ??= setTimeout(() => {
      this.giveUpTimer = null
      if (this.state.phase === 'reconnecting') {
        this.signaling?.send({ type: 'hang-up' })
        this.endCall('The connection was lost and did not come back.')
      }
    }, this.options.reconnectWindowMs ?? RECONNECT_WINDOW_MS)
    // The whole connection went: the guest starts a new one (the host answers any new offer).
    if (peerGone && this.options.role === 'guest') {
      this.restartTimer = setTimeout(() => {
        if (this.state.phase !== 'reconnecting' || this.peer) return
        if (this.signaling?.connected) {
          this.createPeer()
        }
      }, 1_000)
    }
  }

  private clearReconnect(): void {
    if (this.restartTimer) clearTimeout(this.restartTimer)
    if (this.giveUpTimer) clearTimeout(this.giveUpTimer)
    this.restartTimer = null
    this.giveUpTimer = null
  }

  private startStats(): void {
    if (this.statsTimer) return
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
      if (!previous) return
      const sample = sampleBetween(previous, reading)
      if (this.state.phase === 'connected') this.log.add(sample, reading.packetsLost - previous.packetsLost)
      this.set({ quality: classify(sample), remoteVideoFlowing: sample.framesDecoded > 0 })
    }
    void tick()
    this.statsTimer = setInterval(() => void tick(), this.options.statsIntervalMs ?? 2_000)
  }

  private stopPeer(): void {
    if (this.statsTimer) clearInterval(this.statsTimer)
    this.statsTimer = null
    this.clearReconnect()
    const peer = this.peer
    this.peer = null
    this.audioSender = null
    this.videoSender = null
    peer?.destroy()
  }

  private endCall(reason: string): void {
    const hadCall = this.state.connectedAt !== null
    this.stopPeer()
    if (this.screenTrack) {
      this.screenTrack.stop()
      this.screenTrack = null
    }
    const endedAt = Date.now()
    this.set({
      phase: 'ended',
      reason,
      sharing: false,
      remoteStream: null,
      quality: null,
      endedAt,
      measurements: hadCall ? this.log.summary() : null
    })
    this.refreshLocalStream()
  }

  /** A new call in the same room (after one ended): figures start again. */
  resetForNextCall(): void {
    this.log = new MeasurementLog()
    this.set({ connectedAt: null, endedAt: null, measurements: null, reason: null, phase: this.state.peerPresent ? 'waiting' : 'waiting' })
  }
}
