import { describe, expect, it } from 'vitest'
import { meanOpinionScore, rating } from '../../src/renderer/src/webrtc/mos'

describe('the MOS estimate (E-model, Cole & Rosenbluth)', () => {
  it('on a perfect local network: d = 20 ms, R = 93.2 − 0.48 = 92.72, MOS ≈ 4.3998', () => {
    // MOS = 1 + 0.035·92.72 + 7e-6·92.72·32.72·7.28 = 1 + 3.2452 + 0.15461
    expect(rating({ rttMs: 0, jitterMs: 0, lossPercent: 0 })).toBeCloseTo(92.72, 5)
    expect(meanOpinionScore({ rttMs: 0, jitterMs: 0, lossPercent: 0 })).toBeCloseTo(4.3998, 3)
  })

  it('at 200 ms round trip and 5% loss: d = 120, Id = 2.88, Ie = 30·ln 1.75 = 16.788, R = 73.532, MOS ≈ 3.757', () => {
    // MOS = 1 + 0.035·73.532 + 7e-6·73.532·13.532·26.468 = 1 + 2.57362 + 0.18436
    expect(rating({ rttMs: 200, jitterMs: 0, lossPercent: 5 })).toBeCloseTo(73.532, 2)
    expect(meanOpinionScore({ rttMs: 200, jitterMs: 0, lossPercent: 5 })).toBeCloseTo(3.758, 2)
  })

  it('adds the extra delay impairment past 177.3 ms one way: rtt 400, jitter 10 → d = 240', () => {
    // Id = 0.024·240 + 0.11·(240 − 177.3) = 5.76 + 6.897 = 12.657; R = 80.543
    expect(rating({ rttMs: 400, jitterMs: 10, lossPercent: 0 })).toBeCloseTo(80.543, 2)
  })

  it('falls as loss, delay or jitter grow', () => {
    const base = meanOpinionScore({ rttMs: 50, jitterMs: 5, lossPercent: 0 })
    expect(meanOpinionScore({ rttMs: 50, jitterMs: 5, lossPercent: 2 })).toBeLessThan(base)
    expect(meanOpinionScore({ rttMs: 300, jitterMs: 5, lossPercent: 0 })).toBeLessThan(base)
    expect(meanOpinionScore({ rttMs: 50, jitterMs: 40, lossPercent: 0 })).toBeLessThan(base)
  })

  it('stays within 1 … 4.5 for any input', () => {
    expect(meanOpinionScore({ rttMs: 5000, jitterMs: 500, lossPercent: 100 })).toBe(1)
    expect(meanOpinionScore({ rttMs: -10, jitterMs: -1, lossPercent: -5 })).toBeLessThanOrEqual(4.5)
  })
})
