/** The time source services use, so tests can fix or move it. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }
