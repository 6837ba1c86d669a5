// Runs in the AudioWorkletGlobalScope, bundled on its own with the RNNoise build. The wasm
// is inlined in rnnoise-sync.js and compiled synchronously: a worklet's constructor cannot wait.
import createRNNWasmModuleSync from '@jitsi/rnnoise-wasm/dist/rnnoise-sync.js'
import { FrameBuffer, RNNOISE_FRAME } from './frame-buffer'
import { NOISE_WORKLET_NAME, type NoiseWorkletMessage } from './worklet-protocol'

declare class AudioWorkletProcessor {
  readonly port: MessagePort
}
declare function registerProcessor(name: string, processor: new () => AudioWorkletProcessor): void

interface RnnoiseModule {
  HEAPF32: Float32Array
  _malloc(bytes: number): number
  _free(pointer: number): void
  _rnnoise_create(): number
  _rnnoise_destroy(context: number): void
  _rnnoise_process_frame(context: number, output: number, input: number): number
}

// RNNoise expects samples on the 16-bit integer scale; Web Audio uses -1..1.
const INT16_SCALE = 32768

class NoiseSuppressorProcessor extends AudioWorkletProcessor {
  private readonly rnnoise = createRNNWasmModuleSync() as RnnoiseModule
  private readonly context = this.rnnoise._rnnoise_create()
  private readonly pointer = this.rnnoise._malloc(RNNOISE_FRAME * 4)
  private enabled = true
  private alive = true
  private readonly buffer = new FrameBuffer((frame) => this.denoise(frame))

  constructor() {
    super()
    this.port.onmessage = (event: MessageEvent<NoiseWorkletMessage>) => {
      if (event.data.type === 'enabled') this.enabled = event.data.on
      if (event.data.type === 'stop') this.release()
    }
  }

  private denoise(frame: Float32Array): void {
    if (!this.enabled || !this.alive) return
    const heap = this.rnnoise.HEAPF32
    const start = this.pointer >> 2
    for (let i = 0; i < RNNOISE_FRAME; i++) heap[start + i] = frame[i]! * INT16_SCALE
    this.rnnoise._rnnoise_process_frame(this.context, this.pointer, this.pointer)
    for (let i = 0; i < RNNOISE_FRAME; i++) frame[i] = heap[start + i]! / INT16_SCALE
  }

  private release(): void {
    if (!this.alive) return
    this.alive = false
    this.rnnoise._free(this.pointer)
    this.rnnoise._rnnoise_destroy(this.context)
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const input = inputs[0]?.[0]
    const output = outputs[0]
    if (!output?.[0] || !this.alive) return this.alive
    // No input connected yet: silence, and keep running.
    if (!input) return true
    this.buffer.push(input, output[0])
    // A mono microphone on every output channel.
    for (let channel = 1; channel < output.length; channel++) output[channel]!.set(output[0])
    return true
  }
}

registerProcessor(NOISE_WORKLET_NAME, NoiseSuppressorProcessor)
