import { describe, expect, it } from 'vitest'
import { classify, clockText, MeasurementLog, sampleBetween, timerStage } from '../../../src/renderer/src/features/call/quality'
import type { StatsReading } from '../../../src/renderer/src/webrtc/stats'

const reading = (at: number, received: number, lost: number, rttMs: number | null, frames = 0): StatsReading => ({
  at,
  rttMs,
  jitterMs: 3,
  packetsReceived: received,
  packetsLost: lost,
  videoBytesSent: 0,
  frameWidth: 0,
  frameHeight: 0,
  framesDecoded: frames,
  qualityLimitation: 'none',
  relayed: false,
  availableOutgoingKbps: null
})

describe('the call’s connection indicator', () => {
  it('says good, fair or poor in plain words from round trip and loss', () => {
    expect(classify({ rttMs: 40, jitterMs: 2, lossPercent: 0, framesDecoded: 30, packetsReceived: 100 })).toMatchObject({
      level: 'good',
      text: 'Good connection: 40 ms round trip, no packet loss.'
    })
    expect(classify({ rttMs: 250, jitterMs: 2, lossPercent: 1, framesDecoded: 30, packetsReceived: 100 }).text).toBe(
      'Fair connection: 250 ms round trip, 1.0% packet loss. You may notice small delays.'
    )
    expect(classify({ rttMs: 90, jitterMs: 2, lossPercent: 12, framesDecoded: 30, packetsReceived: 100 }).level).toBe('poor')
    expect(classify({ rttMs: null, jitterMs: null, lossPercent: null, framesDecoded: 0, packetsReceived: 0 }).level).toBe('unknown')
  })

  it('reads each interval from two cumulative readings', () => {
    expect(sampleBetween(reading(0, 100, 0, 30, 10), reading(2000, 196, 4, 35, 70))).toEqual({
      rttMs: 35,
      jitterMs: 3,
      lossPercent: 4,
      framesDecoded: 60,
      packetsReceived: 96
    })
  })
})

describe('the measured summary', () => {
  it('averages and keeps the worst of round trip and loss, with a MOS from the averages', () => {
    const log = new MeasurementLog()
    log.add({ rttMs: 40, jitterMs: 2, lossPercent: 0, framesDecoded: 1, packetsReceived: 100 }, 0)
    log.add({ rttMs: 120, jitterMs: 6, lossPercent: 10, framesDecoded: 1, packetsReceived: 90 }, 10)
    log.reconnects = 1
    const summary = log.summary()
    expect(summary).toMatchObject({
      averageRttMs: 80,
      worstRttMs: 120,
      averageLossPercent: 5,
      worstLossPercent: 10,
      averageJitterMs: 4,
      samples: 2,
      reconnects: 1
    })
    expect(summary.mos).toBeGreaterThan(3.5)
    expect(summary.mos).toBeLessThan(4.1)
    expect(new MeasurementLog().summary()).toMatchObject({ averageRttMs: null, mos: null, samples: 0 })
  })
})

describe('the call timer', () => {
  it('warns two minutes before the agreed end and at it', () => {
    expect(timerStage(0, 15)).toBe('normal')
    expect(timerStage(13 * 60 - 1, 15)).toBe('normal')
    expect(timerStage(13 * 60, 15)).toBe('ending')
    expect(timerStage(15 * 60, 15)).toBe('over')
    expect(timerStage(99 * 60, null)).toBe('normal')
    expect(clockText(65)).toBe('1:05')
    expect(clockText(3725)).toBe('1:02:05')
  })
})
