/**
 * The renderer's one clock: the host's. Browser mode's `--clock-start` moves the host's
 * clock only, so every relative time ("in 3 hours", "waited 2 d") reads this module, and
 * Luxon's `DateTime.now()` is pointed at it too (luxon-host-clock.ts: Luxon is not part of
 * the shell's first load, so this module does not import it).
 */
let offsetMs = 0

export function nowMs(): number {
  return Date.now() + offsetMs
}

export function now(): Date {
  return new Date(nowMs())
}

/**
 * Follows the host's clock from one reading of it, taken between `askedAt` and
 * `answeredAt` (this page's clock): the reading is placed at the middle of that wait.
 */
export function followHostClock(hostNowIso: string, askedAt: number, answeredAt: number): void {
  const host = Date.parse(hostNowIso)
  if (Number.isNaN(host)) return
  offsetMs = Math.round(host - (askedAt + answeredAt) / 2)
}

/** Asks the host for its clock once; a failure leaves this page's own clock in use. */
export async function syncWithHostClock(getNow: () => Promise<{ now: string }>): Promise<void> {
  const askedAt = Date.now()
  try {
    const { now: hostNow } = await getNow()
    followHostClock(hostNow, askedAt, Date.now())
  } catch {
    // Relative times then use this computer's clock, which is the host's outside of tests.
  }
}
