import { describe, expect, it } from 'vitest'
import { FrameBuffer, RENDER_QUANTUM, RNNOISE_FRAME } from '../../../src/renderer/src/media/noise-suppression/frame-buffer'

const ramp = (from: number, length: number) => Float32Array.from({ length }, (_, i) => from + i)

describe("the noise worklet's frame buffer", () => {
  it('hands RNNoise whole 480-sample frames, in order, from 128-sample blocks', () => {
    const frames: number[][] = []
    const buffer = new FrameBuffer((frame) => void frames.push([frame[0]!, frame[RNNOISE_FRAME - 1]!, frame.length]))
    const out = new Float32Array(RENDER_QUANTUM)
    for (let block = 0; block < 15; block++) buffer.push(ramp(block * RENDER_QUANTUM + 1, RENDER_QUANTUM), out)
    // 15 blocks × 128 = 1920 samples = 4 frames.
    expect(frames).toEqual([
      [1, 480, 480],
      [481, 960, 480],
      [961, 1440, 480],
      [1441, 1920, 480]
    ])
  })

  it('plays out every sample exactly once, 10 ms (one frame) late, never running dry', () => {
    const buffer = new FrameBuffer((frame) => frame.forEach((value, i) => (frame[i] = -value)))
    const played: number[] = []
    for (let block = 0; block < 60; block++) {
      const out = new Float32Array(RENDER_QUANTUM).fill(NaN)
      buffer.push(ramp(block * RENDER_QUANTUM + 1, RENDER_QUANTUM), out)
      played.push(...out)
    }
    expect(played.slice(0, RNNOISE_FRAME).every((value) => value === 0)).toBe(true)
    const processed = played.slice(RNNOISE_FRAME)
    expect(processed).toEqual(Array.from({ length: processed.length }, (_, i) => -(i + 1)))
  })
})
