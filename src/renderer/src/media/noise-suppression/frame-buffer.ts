/** RNNoise works on frames of 480 samples: 10 ms at 48 kHz, the only rate it was trained for. */
export const RNNOISE_FRAME = 480
/** An AudioWorklet hands over 128 samples at a time (one render quantum). */
export const RENDER_QUANTUM = 128

/**
 * Regroups the worklet's 128-sample blocks into RNNoise's 480-sample frames and back. The
 * output starts one frame (10 ms) of silence behind the input, which is exactly enough for
 * every block to find 128 processed samples waiting, whatever the phase of the two sizes.
 */
export class FrameBuffer {
  private readonly frame = new Float32Array(RNNOISE_FRAME)
  private filled = 0
  // Holds the 10 ms head start, one frame in the making and one block: 1088 samples.
  private readonly output = new Float32Array(2048)
  private readPosition = 0
  private available = RNNOISE_FRAME

  constructor(private readonly processFrame: (frame: Float32Array) => void) {}

  /** Takes one block of input and writes the block of output that is due. */
  push(input: Float32Array, out: Float32Array): void {
    let offset = 0
    while (offset < input.length) {
      const take = Math.min(input.length - offset, RNNOISE_FRAME - this.filled)
      this.frame.set(input.subarray(offset, offset + take), this.filled)
      this.filled += take
      offset += take
      if (this.filled === RNNOISE_FRAME) {
        this.processFrame(this.frame)
        this.append(this.frame)
        this.filled = 0
      }
    }
    for (let i = 0; i < out.length; i++) {
      out[i] = this.available > 0 ? this.output[(this.readPosition + i) % this.output.length]! : 0
    }
    const taken = Math.min(out.length, this.available)
    this.readPosition = (this.readPosition + taken) % this.output.length
    this.available -= taken
  }

  private append(samples: Float32Array): void {
    const writePosition = (this.readPosition + this.available) % this.output.length
    for (let i = 0; i < samples.length; i++) this.output[(writePosition + i) % this.output.length] = samples[i]!
    this.available += samples.length
  }
}
