/**
 * The one clock-and-timers module. Services in main and the call engine in the renderer
 * read the time and sleep only through these two interfaces, so tests can fix the clock
 * and fire timers by hand (see tests/support/manual-time.ts).
 */

/** The time source. */
export interface Clock {
  now(): Date
}

/** Cancels a timer set through Timers; calling it twice is harmless. */
export type CancelTimer = () => void

/** Timer source: one-shot and repeating. */
export interface Timers {
  /** Calls `fn` once after `ms` unless cancelled. */
  after(ms: number, fn: () => void): CancelTimer
  /** Calls `fn` every `ms` until cancelled. */
  every(ms: number, fn: () => void): CancelTimer
}

export const systemClock: Clock = { now: () => new Date() }

/** Node's timers have `unref`; a browser's are plain numbers. */
function unref(handle: unknown): void {
  if (typeof handle === 'object' && handle !== null && 'unref' in handle && typeof handle.unref === 'function') handle.unref()
}

/** Real timers that, in Node, never keep the process alive on their own. */
export const systemTimers: Timers = {
  after(ms, fn) {
    const handle = setTimeout(fn, ms)
    unref(handle)
    return () => clearTimeout(handle)
  },
  every(ms, fn) {
    const handle = setInterval(fn, ms)
    unref(handle)
    return () => clearInterval(handle)
  }
}

/**
 * A clock that starts at `startIso` and then runs at real speed: browser mode's
 * `--clock-start` uses it so end-to-end tests (and demos) can stand just before a reminder.
 */
export function clockStartingAt(startIso: string, realNow: () => number = Date.now): Clock {
  const start = new Date(startIso).getTime()
  if (Number.isNaN(start)) throw new Error(`Not a date and time: "${startIso}"`)
  const launched = realNow()
  return { now: () => new Date(start + (realNow() - launched)) }
}
