import { POOR_LOSS_PERCENT } from './quality'

/**
 * When to offer "send audio only": the connection measured weak over a few readings in a row,
 * never on one blip. Pure: the runner feeds it one sample per stats reading and shows the offer
 * while `offering` is true.
 */

/**
 * Below this estimate of outgoing bandwidth video does more harm than good. WebRTC gives its
 * smallest picture (320×180) about 150 kbps; under that the encoder sends a blocky picture at a
 * few frames a second and takes the room the voice needs (Opus with its packet overhead: ~40 kbps).
 */
export const VIDEO_MIN_KBPS = 150

/** Readings in a row that must be weak before the offer (2 s apart: about six seconds). */
export const WEAK_READINGS_TO_OFFER = 3
/** Good readings in a row after which the offer goes by itself. */
export const GOOD_READINGS_TO_WITHDRAW = 3
/** After "Not now", no new offer for this long. */
export const SNOOZE_MS = 5 * 60_000

export interface WeakSample {
  /** Loss of what arrived from the other side in the interval; null when nothing came to measure. */
  lossPercent: number | null
  /** The sender's estimate of the bandwidth towards the other side; null when it has none. */
  availableOutgoingKbps: number | null
  /** This side sends video now (camera or screen on, not audio only): otherwise there is nothing to drop. */
  sendingVideo: boolean
}

export interface WeakWatch {
  weakInARow: number
  goodInARow: number
  offering: boolean
  /** No offer before this time (ms) after the user said "Not now". */
  snoozedUntil: number
}

export const initialWeakWatch: WeakWatch = { weakInARow: 0, goodInARow: 0, offering: false, snoozedUntil: 0 }

export type Verdict = 'weak' | 'good' | 'unknown'

/** One reading: weak (too much loss, or too little bandwidth for video), good, or nothing to judge. */
export function judge(sample: WeakSample): Verdict {
  const { lossPercent, availableOutgoingKbps } = sample
  if (lossPercent === null && availableOutgoingKbps === null) return 'unknown'
  if (lossPercent !== null && lossPercent > POOR_LOSS_PERCENT) return 'weak'
  if (availableOutgoingKbps !== null && availableOutgoingKbps < VIDEO_MIN_KBPS) return 'weak'
  return 'good'
}

/** The watch after one more reading taken at `now` (ms). */
export function watchWeakConnection(watch: WeakWatch, sample: WeakSample, now: number): WeakWatch {
  if (!sample.sendingVideo) return { ...watch, weakInARow: 0, goodInARow: 0, offering: false }
  const verdict = judge(sample)
  // A reading with nothing to judge (a moment with no packets) neither builds nor breaks a streak.
  if (verdict === 'unknown') return watch
  const weakInARow = verdict === 'weak' ? watch.weakInARow + 1 : 0
  const goodInARow = verdict === 'good' ? watch.goodInARow + 1 : 0
  const snoozed = now < watch.snoozedUntil
  const offering = snoozed ? false : watch.offering ? goodInARow < GOOD_READINGS_TO_WITHDRAW : weakInARow >= WEAK_READINGS_TO_OFFER
  return { ...watch, weakInARow, goodInARow, offering }
}

/** "Not now": the offer goes, and does not come back for a while. */
export function snoozeWeakOffer(watch: WeakWatch, now: number): WeakWatch {
  return { ...watch, weakInARow: 0, offering: false, snoozedUntil: now + SNOOZE_MS }
}
