import type { Clock } from '../../../shared/time-source'

/**
 * A token bucket: `burst` messages at once, refilled at `perSecond`. One per connection,
 * so one noisy client slows down only itself.
 */
export class RateLimiter {
  private tokens: number
  private last: number

  constructor(
    private readonly clock: Clock,
    private readonly burst: number,
    private readonly perSecond: number
  ) {
    this.tokens = burst
    this.last = clock.now().getTime()
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    const now = this.clock.now().getTime()
    const elapsed = Math.max(0, now - this.last) / 1000
    this.last = now
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.perSecond)
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
