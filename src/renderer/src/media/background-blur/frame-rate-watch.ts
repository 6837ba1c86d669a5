/** Blur keeps running only while it delivers at least this many frames a second. */
export const MIN_BLUR_FPS = 15

/**
 * Counts processed frames over a sliding window and says when the rate stayed below the
 * floor for a whole window. Timing starts at the first frame, and the first window only
 * after a warm-up: the model's first frames (compiling, loading) are always slow.
 */
export class FrameRateWatch {
  private readonly times: number[] = []
  private startedAt: number | null = null

  constructor(
    private readonly options: { minFps: number; windowMs: number; warmUpMs: number } = {
      minFps: MIN_BLUR_FPS,
      windowMs: 3000,
      warmUpMs: 2000
    }
  ) {}

  frame(now: number): void {
    this.startedAt ??= now
    this.times.push(now)
    while (this.times.length && this.times[0]! < now - this.options.windowMs) this.times.shift()
  }

  /** Frames per second over the last window (null until a full window has passed after warm-up). */
  fps(now: number): number | null {
    if (this.startedAt === null || now - this.startedAt < this.options.warmUpMs + this.options.windowMs) return null
    const recent = this.times.filter((time) => time >= now - this.options.windowMs)
    return (recent.length * 1000) / this.options.windowMs
  }

  tooSlow(now: number): boolean {
    const fps = this.fps(now)
    return fps !== null && fps < this.options.minFps
  }
}
