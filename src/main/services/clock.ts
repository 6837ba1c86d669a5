/** The time source services use, so tests can fix or move it. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

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
