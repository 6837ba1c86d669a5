import { describe, expect, it } from 'vitest'
import {
  GOOD_READINGS_TO_WITHDRAW,
  initialWeakWatch,
  judge,
  SNOOZE_MS,
  snoozeWeakOffer,
  VIDEO_MIN_KBPS,
  WEAK_READINGS_TO_OFFER,
  watchWeakConnection,
  type WeakSample,
  type WeakWatch
} from '../../../src/renderer/src/features/call/weak-connection'

const good: WeakSample = { lossPercent: 0.5, availableOutgoingKbps: 1_800, sendingVideo: true }
const lossy: WeakSample = { lossPercent: 15, availableOutgoingKbps: 1_800, sendingVideo: true }
const narrow: WeakSample = { lossPercent: 0, availableOutgoingKbps: 90, sendingVideo: true }
const nothingMeasured: WeakSample = { lossPercent: null, availableOutgoingKbps: null, sendingVideo: true }

/** The watch after these readings, taken two seconds apart from `start`. */
function after(samples: WeakSample[], watch: WeakWatch = initialWeakWatch, start = 0): WeakWatch {
  return samples.reduce((current, sample, index) => watchWeakConnection(current, sample, start + index * 2_000), watch)
}
const times = (sample: WeakSample, count: number): WeakSample[] => Array.from({ length: count }, () => sample)

describe('when the call offers to send audio only', () => {
  it('calls a reading weak past the poor loss mark or below the bandwidth video needs, and good otherwise', () => {
    expect(judge(good)).toBe('good')
    expect(judge({ ...good, lossPercent: 8 })).toBe('good')
    expect(judge({ ...good, lossPercent: 8.5 })).toBe('weak')
    expect(judge({ ...good, availableOutgoingKbps: VIDEO_MIN_KBPS })).toBe('good')
    expect(judge({ ...good, availableOutgoingKbps: VIDEO_MIN_KBPS - 1 })).toBe('weak')
    // Either figure alone is enough to judge by.
    expect(judge({ ...narrow, lossPercent: null })).toBe('weak')
    expect(judge({ ...lossy, availableOutgoingKbps: null })).toBe('weak')
    expect(judge(nothingMeasured)).toBe('unknown')
  })

  it('offers after a few weak readings in a row, by loss or by bandwidth', () => {
    expect(WEAK_READINGS_TO_OFFER).toBeGreaterThan(1)
    expect(after(times(lossy, WEAK_READINGS_TO_OFFER - 1)).offering).toBe(false)
    expect(after(times(lossy, WEAK_READINGS_TO_OFFER)).offering).toBe(true)
    expect(after(times(narrow, WEAK_READINGS_TO_OFFER)).offering).toBe(true)
    // Loss one reading and too little bandwidth the next are both weak: one streak.
    expect(after([lossy, narrow, lossy]).offering).toBe(true)
  })

  it('does not offer on a blip: one good reading starts the count again', () => {
    expect(after([lossy, lossy, good, lossy, lossy]).offering).toBe(false)
    expect(after([narrow, good, narrow, good, narrow, good]).offering).toBe(false)
    // A reading with nothing to judge neither breaks nor builds the streak.
    expect(after([lossy, nothingMeasured, lossy]).offering).toBe(false)
    expect(after([lossy, nothingMeasured, lossy, lossy]).offering).toBe(true)
  })

  it('keeps the offer through a good moment and withdraws it once the connection is good for a while', () => {
    const offered = after(times(lossy, WEAK_READINGS_TO_OFFER))
    expect(after([good], offered).offering).toBe(true)
    expect(after([good, lossy, good], offered).offering).toBe(true)
    expect(after(times(good, GOOD_READINGS_TO_WITHDRAW), offered).offering).toBe(false)
  })

  it('offers nothing while no video goes out (camera off or audio only already)', () => {
    const offered = after(times(lossy, WEAK_READINGS_TO_OFFER))
    expect(after([{ ...lossy, sendingVideo: false }], offered).offering).toBe(false)
    expect(after(times({ ...narrow, sendingVideo: false }, 10)).offering).toBe(false)
  })

  it('after "Not now" stays quiet for a while, then offers again if the connection is still weak', () => {
    const offered = after(times(lossy, WEAK_READINGS_TO_OFFER))
    const snoozed = snoozeWeakOffer(offered, 10_000)
    expect(snoozed.offering).toBe(false)
    expect(after(times(lossy, 20), snoozed, 10_000).offering).toBe(false)
    const later = 10_000 + SNOOZE_MS
    expect(after(times(lossy, WEAK_READINGS_TO_OFFER), snoozed, later).offering).toBe(true)
  })
})
