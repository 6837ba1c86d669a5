import type { ProcessedTrack, TrackKind, TrackProcessor } from '../engine/call-media'

export interface ProcessingState {
  /** The microphone is cleaned of steady noise (a fan, traffic) before it is sent. On unless switched off. */
  noiseSuppression: boolean
  /** The camera's background is blurred before it is sent and shown. Off unless switched on. */
  blur: boolean
  /** Blur was switched on and is getting ready (the model loads the first time). */
  blurStarting: boolean
  /** Plain words when processing stopped or could not start; the call goes on without it. */
  notice: string | null
}

/** What the processing needs of a call: the engine's processor slots (CallRunner has them). */
export interface ProcessedCall {
  setProcessor(kind: TrackKind, processor: TrackProcessor | null): Promise<void>
}

/** A noise suppressor as media/noise-suppression makes it: off passes the sound through on the same track. */
export interface NoiseSuppressor extends ProcessedTrack {
  setEnabled(on: boolean): void
}

/**
 * How the processed tracks are made: the app's RNNoise and MediaPipe (media/), or a test's
 * stand-ins. Blur says through onTooSlow when it stopped itself, with words for the user.
 */
export interface ProcessingMakers {
  suppressNoise(microphone: MediaStreamTrack, options: { enabled: boolean }): Promise<NoiseSuppressor>
  blurBackground(camera: MediaStreamTrack, options: { onTooSlow?: (message: string) => void }): Promise<ProcessedTrack>
}

export const SUPPRESSION_FAILED = 'Noise suppression could not start on this computer. Your microphone works as usual.'
export const BLUR_FAILED = 'Background blur could not start on this computer. Your camera shows as usual.'

type Listener = () => void

/**
 * The call's two switches, noise suppression and background blur, plugged into the call's
 * engine. Suppression stays in the sound path for the whole call (one suppressor per
 * microphone track) and its switch only makes it pass the sound through, so flipping it
 * changes no track and renegotiates nothing. Blur is put in and taken out as it is switched;
 * when the computer cannot keep up it takes itself out, flips its switch back and says why.
 */
export class CallProcessing {
  private state: ProcessingState = { noiseSuppression: true, blur: false, blurStarting: false, notice: null }
  private readonly listeners = new Set<Listener>()
  /** The suppressors of the microphone tracks still in use (usually one; two while a switch of microphone settles). */
  private readonly suppressors = new Set<NoiseSuppressor>()
  /** Counts blur switch-ons: a blur started for an earlier one never speaks for the current one. */
  private blurTurn = 0

  constructor(
    private readonly call: ProcessedCall,
    private readonly makers: ProcessingMakers
  ) {}

  get current(): ProcessingState {
    return this.state
  }

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private set(patch: Partial<ProcessingState>): void {
    this.state = { ...this.state, ...patch }
    for (const listener of this.listeners) listener()
  }

  /** Puts noise suppression into the call's sound path; call once, before or after the devices open. */
  start(): Promise<void> {
    return this.call.setProcessor('audio', this.suppress)
  }

  setNoiseSuppression(on: boolean): void {
    if (on === this.state.noiseSuppression) return
    for (const suppressor of this.suppressors) suppressor.setEnabled(on)
    this.set({ noiseSuppression: on })
  }

  async setBlur(on: boolean): Promise<void> {
    if (on === this.state.blur) return
    const turn = ++this.blurTurn
    this.set({ blur: on, blurStarting: on, notice: null })
    await this.call.setProcessor('video', on ? this.blurFor(turn) : null)
    if (turn === this.blurTurn && this.state.blurStarting) this.set({ blurStarting: false })
  }

  private readonly suppress: TrackProcessor = async (microphone) => {
    let suppressor: NoiseSuppressor
    try {
      suppressor = await this.makers.suppressNoise(microphone, { enabled: this.state.noiseSuppression })
    } catch {
      this.set({ notice: SUPPRESSION_FAILED })
      return null
    }
    // The switch may have moved while the suppressor was being made.
    suppressor.setEnabled(this.state.noiseSuppression)
    this.suppressors.add(suppressor)
    return {
      track: suppressor.track,
      stop: () => {
        this.suppressors.delete(suppressor)
        suppressor.stop()
      }
    }
  }

  /** Blur for one switch-on; run again for each camera track (a camera switched or turned back on). */
  private blurFor(turn: number): TrackProcessor {
    return async (camera): Promise<ProcessedTrack | null> => {
      let inUse = true
      try {
        const blur = await this.makers.blurBackground(camera, {
          onTooSlow: (message) => inUse && turn === this.blurTurn && this.turnBlurOff(message)
        })
        return {
          track: blur.track,
          stop: () => {
            inUse = false
            blur.stop()
          }
        }
      } catch {
        if (turn === this.blurTurn) this.turnBlurOff(BLUR_FAILED)
        return null
      }
    }
  }

  /** Blur stopped by itself: the camera's own picture goes out again, the switch shows off, the notice says why. */
  private turnBlurOff(message: string): void {
    this.blurTurn++
    this.set({ blur: false, blurStarting: false, notice: message })
    void this.call.setProcessor('video', null)
  }

  dismissNotice(): void {
    this.set({ notice: null })
  }
}
