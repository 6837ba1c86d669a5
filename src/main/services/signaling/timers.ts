/** Cancels a timer set through Timers. */
export type CancelTimer = () => void

/**
 * The timer source the signaling service uses (heartbeats, join timeouts, room expiry), so
 * tests can fire them by hand alongside an injected Clock.
 */
export interface Timers {
  /** Calls `fn` every `ms` until cancelled. */
  every(ms: number, fn: () => void): CancelTimer
  /** Calls `fn` once after `ms` unless cancelled. */
  after(ms: number, fn: () => void): CancelTimer
}

/** Real timers that never keep the process alive on their own. */
export const systemTimers: Timers = {
  every(ms, fn) {
    const handle = setInterval(fn, ms)
    handle.unref()
    return () => clearInterval(handle)
  },
  after(ms, fn) {
    const handle = setTimeout(fn, ms)
    handle.unref()
    return () => clearTimeout(handle)
  }
}
