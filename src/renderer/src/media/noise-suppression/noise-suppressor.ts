import workletUrl from './noise-worklet.ts?worker&url'
import { NOISE_WORKLET_NAME, type NoiseWorkletMessage } from './worklet-protocol'

export interface NoiseSuppressor {
  /** The cleaned microphone: send or record this one instead of the device's track. */
  readonly track: MediaStreamTrack
  /** Off passes the sound through unchanged, with the same 10 ms delay, so switching never clicks or drops. */
  setEnabled(on: boolean): void
  /** Ends the cleaned track and frees the audio graph; the device's track is left to its owner. */
  stop(): void
}

// RNNoise was trained on 48 kHz sound; the context resamples the microphone to it.
const SAMPLE_RATE = 48_000

/**
 * Puts RNNoise (Jitsi's WebAssembly build) between a microphone track and whoever uses it,
 * in an AudioWorklet so the denoising runs on the audio thread. The worklet and its wasm
 * come from the app's own files.
 */
export async function createNoiseSuppressor(track: MediaStreamTrack, options: { enabled?: boolean } = {}): Promise<NoiseSuppressor> {
  if (track.kind !== 'audio') throw new Error('Noise suppression needs a microphone track.')
  if (track.readyState === 'ended') throw new Error('The microphone track has already ended.')
  const context = new AudioContext({ sampleRate: SAMPLE_RATE, latencyHint: 'interactive' })
  try {
    await context.audioWorklet.addModule(workletUrl)
    const node = new AudioWorkletNode(context, NOISE_WORKLET_NAME, { numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [1] })
    const source = context.createMediaStreamSource(new MediaStream([track]))
    const destination = context.createMediaStreamDestination()
    source.connect(node).connect(destination)
    const post = (message: NoiseWorkletMessage) => node.port.postMessage(message)
    post({ type: 'enabled', on: options.enabled ?? true })
    // A context made without a click may start suspended; the microphone already has permission.
    if (context.state === 'suspended') await context.resume().catch(() => undefined)

    const output = destination.stream.getAudioTracks()[0]!
    const onEnded = () => stop()
    track.addEventListener('ended', onEnded)
    let stopped = false
    function stop(): void {
      if (stopped) return
      stopped = true
      track.removeEventListener('ended', onEnded)
      post({ type: 'stop' })
      source.disconnect()
      node.disconnect()
      output.stop()
      void context.close().catch(() => undefined)
    }
    return { track: output, setEnabled: (on) => !stopped && post({ type: 'enabled', on }), stop }
  } catch (error) {
    void context.close().catch(() => undefined)
    throw new Error(`Noise suppression could not start: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
}
