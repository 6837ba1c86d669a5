/**
 * Mean Opinion Score (1 = bad … 4.5 = excellent) from measured network figures, by the
 * ITU-T G.107 E-model in the simplification of Cole & Rosenbluth (2001):
 *
 *   d   = rtt / 2 + 2 · jitter + 20                 one-way mouth-to-ear delay, ms: half the
 *                                                   round trip, a jitter buffer of twice the
 *                                                   jitter, and 20 ms of packetisation
 *   Id  = 0.024 · d + 0.11 · (d − 177.3) · H(d − 177.3)    delay impairment (H = step function)
 *   Ie  = 30 · ln(1 + 15 · e)                       loss impairment, e = loss as a fraction 0…1
 *   R   = 93.2 − Id − Ie, clamped to 0…100          transmission rating
 *   MOS = 1 + 0.035 · R + 7·10⁻⁶ · R · (R − 60) · (100 − R), clamped to 1…4.5
 *
 * Units: rttMs and jitterMs in milliseconds, lossPercent in percent (0…100).
 */
export interface NetworkFigures {
  rttMs: number
  jitterMs: number
  lossPercent: number
}

export function rating({ rttMs, jitterMs, lossPercent }: NetworkFigures): number {
  const delay = Math.max(0, rttMs) / 2 + 2 * Math.max(0, jitterMs) + 20
  const delayImpairment = 0.024 * delay + (delay > 177.3 ? 0.11 * (delay - 177.3) : 0)
  const loss = Math.min(100, Math.max(0, lossPercent)) / 100
  const lossImpairment = 30 * Math.log(1 + 15 * loss)
  return Math.min(100, Math.max(0, 93.2 - delayImpairment - lossImpairment))
}

export function meanOpinionScore(figures: NetworkFigures): number {
  const r = rating(figures)
  const mos = 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r)
  return Math.min(4.5, Math.max(1, mos))
}
