import { classifyMediaError, type MediaError } from '@renderer/webrtc/media-checks'

/**
 * This side's camera, microphone and shared screen, and what goes out on the peer
 * connection's three senders: the sound, the picture (camera or screen), and the camera
 * while the screen is shared (the presenter's small tile; nothing the rest of the time).
 * The one place for getUserMedia options. Toggles and device switches swap tracks on the
 * senders (replaceTrack), so nothing is renegotiated.
 *
 * Processing (noise suppression, background blur) plugs in with `setProcessor`: the
 * processor gets the device's track and returns the one to send instead.
 */

export type TrackKind = 'audio' | 'video'
/** The senders, in the order the connection is given their tracks (the other side reads them in this order too). */
export const SENDER_SLOTS = ['audio', 'video', 'presenter'] as const
export type SenderSlot = (typeof SENDER_SLOTS)[number]

/** What the media module needs of the platform: the browser's, or a stand-in in Node tests. */
export interface MediaPlatform {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>
  /** A track that carries nothing, so the connection has a sender of each kind from the start. */
  placeholder(kind: TrackKind): MediaStreamTrack
  stream(tracks: MediaStreamTrack[]): MediaStream
}

/** The getUserMedia options for the microphone: a chosen one, or the default. */
export function microphoneConstraints(deviceId: string | null): MediaStreamConstraints {
  return { audio: deviceId ? { deviceId: { exact: deviceId } } : true, video: false }
}

/** The getUserMedia options for the camera: a chosen one, or the default at 720p if it can. */
export function cameraConstraints(deviceId: string | null): MediaStreamConstraints {
  return { video: deviceId ? { deviceId: { exact: deviceId } } : { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false }
}

export function deviceError(kind: 'camera' | 'microphone', error: unknown): string {
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

/** The browser's own media: devices, a blank canvas for video, a silent destination for audio. */
export const browserMediaPlatform: MediaPlatform = {
  getUserMedia: (constraints) => navigator.mediaDevices.getUserMedia(constraints),
  placeholder(kind) {
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
  },
  stream: (tracks) => new MediaStream(tracks)
}

/** The presenter's camera is a small tile beside the screen: a small, cheap picture leaves the bandwidth to the screen. */
async function limitPresenterTile(sender: RTCRtpSender): Promise<void> {
  try {
    const parameters = sender.getParameters()
    const encoding = parameters.encodings?.[0]
    if (!encoding) return
    encoding.maxBitrate = 250_000
    encoding.scaleResolutionDownBy = 2
    await sender.setParameters(parameters)
  } catch {
    // Not every WebRTC build takes parameters before the first negotiation; the tile is then sent as the camera is.
  }
}

/** A device's track made into another (cleaned sound, a blurred picture), and how to end that work. */
export interface ProcessedTrack {
  readonly track: MediaStreamTrack
  /** Ends the made track and frees what made it (an audio graph, a frame loop); the device's track is left alone. */
  stop(): void
}

/** Turns the device's track into the one sent (noise suppression, blur); null when it cannot. */
export type TrackProcessor = (track: MediaStreamTrack) => Promise<ProcessedTrack | null>

export interface MediaState {
  micOn: boolean
  cameraOn: boolean
  sharing: boolean
  /** Video is not sent (a weak connection): the sound keeps its share of it. */
  audioOnly: boolean
  micDeviceId: string | null
  cameraDeviceId: string | null
  /** What this side shows itself: the camera, or the shared screen. */
  localStream: MediaStream | null
  /** Something to tell the user that does not stop the call (a device that would not open). */
  notice: string | null
  /** Why each device did not open at the last try, if it did not (the guest page tells "blocked" from "none"). */
  deviceProblems: { camera: MediaError | null; microphone: MediaError | null }
}

export class CallMedia {
  private mic: MediaStreamTrack | null = null
  private camera: MediaStreamTrack | null = null
  private screen: MediaStreamTrack | null = null
  private readonly processed: Record<TrackKind, ProcessedTrack | null> = { audio: null, video: null }
  private readonly processors: Record<TrackKind, TrackProcessor | null> = { audio: null, video: null }
  /** Counts the runs of each processor: a run overtaken by a later one (a switch flipped twice) throws its track away. */
  private readonly processRuns: Record<TrackKind, number> = { audio: 0, video: 0 }
  private placeholders: MediaStreamTrack[] = []
  private senders: Record<SenderSlot, RTCRtpSender | null> = { audio: null, video: null, presenter: null }
  /** The tracks the live connection was made with, slot by slot: how `attach` knows its senders. */
  private initial: MediaStreamTrack[] = []
  private released = false
  private state: MediaState = {
    micOn: true,
    cameraOn: true,
    sharing: false,
    audioOnly: false,
    micDeviceId: null,
    cameraDeviceId: null,
    localStream: null,
    notice: null,
    deviceProblems: { camera: null, microphone: null }
  }

  constructor(
    private readonly platform: MediaPlatform,
    /** Told after every change, to publish the new state. */
    private readonly changed: () => void,
    /** Told when what goes out changed (to tell the other side). */
    private readonly announce: () => void = () => undefined
  ) {}

  get current(): MediaState {
    return this.state
  }

  /** The microphone's own track, for the level meter. */
  get microphoneTrack(): MediaStreamTrack | null {
    return this.mic
  }

  private set(patch: Partial<MediaState>): void {
    this.state = { ...this.state, ...patch }
    this.changed()
  }

  /** Opens camera and microphone (the chosen ones, or the defaults); either may fail alone. */
  async open(devices: { micId?: string | null; cameraId?: string | null } = {}): Promise<void> {
    this.released = false
    // A camera that failed last time is tried again (Try again); one the user switched off stays off.
    const wantCamera = this.state.cameraOn || this.state.deviceProblems.camera !== null
    const [mic, camera] = await Promise.allSettled([
      this.platform.getUserMedia(microphoneConstraints(devices.micId ?? this.state.micDeviceId)),
      wantCamera ? this.platform.getUserMedia(cameraConstraints(devices.cameraId ?? this.state.cameraDeviceId)) : Promise.resolve(null)
    ])
    if (this.released) {
      for (const result of [mic, camera]) if (result.status === 'fulfilled') result.value?.getTracks().forEach((track) => track.stop())
      return
    }
    const notices: string[] = []
    // A device that opens now after failing before (Try again) comes on; one that was open keeps its switch.
    const micWasOn = this.mic ? this.state.micOn : true
    const cameraWasOn = this.camera ? this.state.cameraOn : true
    this.mic?.stop()
    this.camera?.stop()
    this.mic = mic.status === 'fulfilled' ? mic.value.getAudioTracks()[0]! : null
    this.camera = camera.status === 'fulfilled' ? (camera.value?.getVideoTracks()[0] ?? null) : null
    if (mic.status === 'rejected') notices.push(deviceError('microphone', mic.reason))
    if (camera.status === 'rejected') notices.push(deviceError('camera', camera.reason))
    if (this.mic) this.mic.enabled = this.state.micOn
    await Promise.all([this.process('audio'), this.process('video')])
    this.set({
      micOn: this.mic !== null && micWasOn,
      cameraOn: this.camera !== null && cameraWasOn,
      micDeviceId: this.mic?.getSettings().deviceId ?? this.state.micDeviceId,
      cameraDeviceId: this.camera?.getSettings().deviceId ?? this.state.cameraDeviceId,
      notice: notices.length ? notices.join(' ') : null,
      deviceProblems: {
        camera: camera.status === 'rejected' ? classifyMediaError(camera.reason) : null,
        microphone: mic.status === 'rejected' ? classifyMediaError(mic.reason) : null
      }
    })
    this.refreshLocalStream()
  }

  /** The end of a call stopped every track. */
  get isReleased(): boolean {
    return this.released
  }

  /** Opens the devices again if the end of a call released them (a new call in the same room). */
  async reopenIfReleased(): Promise<void> {
    if (this.released) await this.open()
  }

  // ---- what goes out ----

  private outgoing(slot: SenderSlot): MediaStreamTrack | null {
    if (slot === 'audio') return this.state.micOn ? (this.processed.audio?.track ?? this.mic) : null
    if (this.state.audioOnly) return null
    const camera = this.state.cameraOn ? this.cameraOut() : null
    if (slot === 'presenter') return this.screen ? camera : null
    return this.screen ?? camera
  }

  /** The camera as it goes out: blurred while blur runs. */
  private cameraOut(): MediaStreamTrack | null {
    return this.camera ? (this.processed.video?.track ?? this.camera) : null
  }

  /**
   * The tracks a new peer connection starts with: the live ones, or placeholders that only
   * make the senders (nothing of them is sent). `attach` then takes the connection's senders.
   */
  initialTracks(): MediaStreamTrack[] {
    this.initial = SENDER_SLOTS.map((slot) => this.outgoing(slot) ?? this.placeholder(slot === 'audio' ? 'audio' : 'video'))
    return this.initial
  }

  /** Takes the connection's senders (made from `initialTracks`, in that order); placeholders stop going out. */
  attach(senders: RTCRtpSender[]): void {
    SENDER_SLOTS.forEach((slot, index) => {
      const track = this.initial[index]
      // By the track it was given; by position where the WebRTC build hands back other track objects.
      const sender = senders.find((candidate) => candidate.track !== null && candidate.track === track) ?? senders[index] ?? null
      this.senders[slot] = sender
      if (sender?.track && this.placeholders.includes(sender.track)) void sender.replaceTrack(null).catch(() => undefined)
      if (slot === 'presenter' && sender) void limitPresenterTile(sender)
    })
  }

  detach(): void {
    this.senders = { audio: null, video: null, presenter: null }
  }

  private async send(kind: TrackKind): Promise<void> {
    const slots: SenderSlot[] = kind === 'audio' ? ['audio'] : ['video', 'presenter']
    await Promise.all(slots.map((slot) => this.senders[slot]?.replaceTrack(this.outgoing(slot)).catch(() => undefined)))
  }

  private placeholder(kind: TrackKind): MediaStreamTrack {
    const track = this.platform.placeholder(kind)
    this.placeholders.push(track)
    return track
  }

  private refreshLocalStream(): void {
    // Yourself as the other side sees you: blurred while blur is on.
    const video = this.screen ?? (this.state.cameraOn ? this.cameraOut() : null)
    this.set({ localStream: video ? this.platform.stream([video]) : null })
  }

  // ---- processing ----

  /** Sends the track `processor` makes of the device's (null: the device's own again). */
  async setProcessor(kind: TrackKind, processor: TrackProcessor | null): Promise<void> {
    this.processors[kind] = processor
    if (!(await this.process(kind))) return
    await this.send(kind)
    if (kind === 'video') this.refreshLocalStream()
  }

  /** Runs the kind's processor on its device's track; false when a later run overtook this one. */
  private async process(kind: TrackKind): Promise<boolean> {
    const run = ++this.processRuns[kind]
    const source = kind === 'audio' ? this.mic : this.camera
    const processor = this.processors[kind]
    const made = processor && source ? await processor(source).catch(() => null) : null
    if (run !== this.processRuns[kind] || this.released) {
      made?.stop()
      return false
    }
    const previous = this.processed[kind]
    this.processed[kind] = made
    if (previous && previous !== made) previous.stop()
    return true
  }

  // ---- toggles and devices ----

  async toggleMic(): Promise<void> {
    const on = !this.state.micOn
    if (on && !this.mic) {
      await this.switchMicrophone(this.state.micDeviceId)
      if (!this.mic) return
    }
    if (this.mic) this.mic.enabled = on
    this.state = { ...this.state, micOn: on }
    // Off sends nothing at all (no packets of silence): the sender's track goes.
    await this.send('audio')
    this.set({})
    this.announce()
  }

  /** Audio only, or video again: on the same connection, the video sender's track goes and comes back. */
  async setAudioOnly(on: boolean): Promise<void> {
    if (this.state.audioOnly === on) return
    this.state = { ...this.state, audioOnly: on }
    await this.send('video')
    this.set({})
    this.announce()
  }

  async toggleCamera(): Promise<void> {
    const on = !this.state.cameraOn
    if (on) {
      if (!this.camera || this.camera.readyState === 'ended') await this.openCamera(this.state.cameraDeviceId)
      if (!this.camera) return
    } else {
      // The camera light goes off too.
      this.camera?.stop()
      this.camera = null
      await this.process('video')
    }
    this.state = { ...this.state, cameraOn: on }
    await this.send('video')
    this.refreshLocalStream()
    this.announce()
  }

  private async openCamera(deviceId: string | null): Promise<void> {
    try {
      const stream = await this.platform.getUserMedia(cameraConstraints(deviceId))
      this.camera?.stop()
      this.camera = stream.getVideoTracks()[0]!
      await this.process('video')
      this.set({ cameraDeviceId: this.camera.getSettings().deviceId ?? deviceId, notice: null })
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
    if (this.camera) await this.send('video')
    this.refreshLocalStream()
  }

  async switchMicrophone(deviceId: string | null): Promise<void> {
    try {
      const stream = await this.platform.getUserMedia(microphoneConstraints(deviceId))
      const next = stream.getAudioTracks()[0]!
      next.enabled = this.state.micOn
      const old = this.mic
      this.mic = next
      await this.process('audio')
      if (this.state.micOn) await this.send('audio')
      old?.stop()
      this.set({ micDeviceId: next.getSettings().deviceId ?? deviceId, notice: null })
    } catch (error) {
      this.set({ notice: deviceError('microphone', error) })
    }
  }

  /** Shares a screen or window (the stream from getDisplayMedia) in place of the camera. */
  async startSharing(stream: MediaStream): Promise<void> {
    const track = stream.getVideoTracks()[0]
    if (!track) return
    this.screen?.stop()
    this.screen = track
    track.contentHint = 'detail'
    // Stopping from the browser's own bar ("Stop sharing") comes back to the camera.
    track.addEventListener('ended', () => {
      if (this.screen === track) void this.stopSharing()
    })
    await this.send('video')
    this.state = { ...this.state, sharing: true }
    this.refreshLocalStream()
    this.announce()
  }

  async stopSharing(): Promise<void> {
    if (!this.screen && !this.state.sharing) return
    const track = this.screen
    this.screen = null
    track?.stop()
    await this.send('video')
    this.state = { ...this.state, sharing: false }
    this.refreshLocalStream()
    this.announce()
  }

  /** Stops every track this side opened: the camera's light goes off, the microphone closes. */
  release(): void {
    this.released = true
    // The processing first (its audio graph, its frame loop), then the devices under it.
    this.processRuns.audio++
    this.processRuns.video++
    this.processed.audio?.stop()
    this.processed.video?.stop()
    const tracks = [this.mic, this.camera, this.screen, ...this.placeholders]
    for (const track of tracks) track?.stop()
    this.mic = null
    this.camera = null
    this.screen = null
    this.processed.audio = null
    this.processed.video = null
    this.placeholders = []
    this.detach()
    this.state = { ...this.state, sharing: false }
    this.refreshLocalStream()
  }
}
