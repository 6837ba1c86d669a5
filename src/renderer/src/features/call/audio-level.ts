/**
 * The microphone's level, read so that no sound between two readings is missed.
 *
 * An analyser holds the last `fftSize` samples; a reading of only the newest few milliseconds
 * (what a 512-sample analyser gives) catches a short sound only if the reading happens to fall on
 * it, and a busy page reads less often. Each reading here looks at every sample that came in since
 * the one before (up to the analyser's whole buffer, over half a second) and reports the loudest
 * 10 ms in it (level-reader.ts listens; this module only counts, and runs in Node's tests).
 */

/** Levels run from this many dBFS (0) up to 0 dBFS (1). */
export const LEVEL_FLOOR_DB = -60
/** The RMS of this long a stretch is one moment's loudness: a syllable, a click. */
export const BLOCK_MS = 10
/** The analyser's largest buffer: 32768 samples, 0.68 s at 48 kHz. */
export const BUFFER_SAMPLES = 32_768

/** dBFS onto 0…1 (−60 dB and below is 0). */
export function levelOfDb(db: number): number {
  return Math.min(1, Math.max(0, (db - LEVEL_FLOOR_DB) / -LEVEL_FLOOR_DB))
}

/** The loudest `blockSize`-sample stretch among the newest `fresh` samples of `samples`, as a level 0…1. */
export function loudestLevel(samples: Float32Array, fresh: number, blockSize: number): number {
  const count = Math.min(samples.length, Math.max(0, Math.floor(fresh)))
  if (count === 0 || blockSize <= 0) return 0
  let loudest = 0
  for (let end = samples.length; end > samples.length - count; end -= blockSize) {
    const start = Math.max(samples.length - count, end - blockSize)
    let sum = 0
    for (let index = start; index < end; index++) sum += samples[index]! * samples[index]!
    loudest = Math.max(loudest, sum / (end - start))
  }
  return levelOfDb(20 * Math.log10(Math.max(Math.sqrt(loudest), 1e-6)))
}

/** "Someone is talking": at least `moments` loud readings within `windowMs`. */
export class TalkDetector {
  private loudAt: number[] = []

  constructor(
    /** −36 dBFS and up is a voice near the microphone, not room noise. */
    private readonly threshold = levelOfDb(-36),
    private readonly windowMs = 3_000,
    private readonly moments = 3
  ) {}

  /** Takes one reading; true once enough of them were loud lately. */
  hear(level: number, now: number): boolean {
    this.loudAt = this.loudAt.filter((at) => now - at < this.windowMs)
    if (level >= this.threshold) this.loudAt.push(now)
    return this.loudAt.length >= this.moments
  }

  reset(): void {
    this.loudAt = []
  }
}
