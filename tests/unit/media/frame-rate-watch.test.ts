import { describe, expect, it } from 'vitest'
import { FrameRateWatch } from '../../../src/renderer/src/media/background-blur/frame-rate-watch'

const OPTIONS = { minFps: 15, windowMs: 3000, warmUpMs: 2000 }

/** Frames at a steady rate from `from` to `to` (ms). */
function feed(watch: FrameRateWatch, fps: number, from: number, to: number): void {
  for (let time = from; time < to; time += 1000 / fps) watch.frame(time)
}

describe("background blur's frame-rate watch", () => {
  it('says nothing during the warm-up and the first window, however slow the start', () => {
    const watch = new FrameRateWatch(OPTIONS)
    watch.frame(0)
    // The model's first frame took four seconds.
    feed(watch, 2, 4000, 4900)
    expect(watch.fps(4900)).toBeNull()
    expect(watch.tooSlow(4900)).toBe(false)
  })

  it('counts from the first frame, not from when the watch was made', () => {
    const watch = new FrameRateWatch(OPTIONS)
    feed(watch, 30, 10_000, 15_500)
    expect(watch.tooSlow(15_500)).toBe(false)
    expect(watch.fps(15_500)).toBeCloseTo(30, 0)
  })

  it('flags a rate below the floor over a whole window, and not one at it', () => {
    const slow = new FrameRateWatch(OPTIONS)
    feed(slow, 10, 0, 6000)
    expect(slow.fps(6000)).toBeCloseTo(10, 0)
    expect(slow.tooSlow(6000)).toBe(true)

    const steady = new FrameRateWatch(OPTIONS)
    feed(steady, 16, 0, 6000)
    expect(steady.tooSlow(6000)).toBe(false)
  })

  it('forgets a slow patch once it has left the window', () => {
    const watch = new FrameRateWatch(OPTIONS)
    feed(watch, 30, 0, 2000)
    feed(watch, 5, 2000, 4000)
    feed(watch, 30, 4000, 8000)
    expect(watch.tooSlow(8000)).toBe(false)
  })
})
