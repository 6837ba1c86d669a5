import { describe, expect, it } from 'vitest'
import { isStable, windowFigures, type StatsReading } from '../../src/renderer/src/webrtc/stats'

const reading = (second: number, overrides: Partial<StatsReading> = {}): StatsReading => ({
  at: second * 1000,
  rttMs: 20,
  jitterMs: 3,
  packetsReceived: second * 100,
  packetsLost: 0,
  videoBytesSent: second * 62_500,
  frameWidth: 640,
  frameHeight: 480,
  framesDecoded: second * 30,
  qualityLimitation: 'none',
  relayed: false,
  ...overrides
})

describe('loopback figures over a window of readings', () => {
  it('average round trip and jitter, and turn counters into loss and bitrate', () => {
    const readings = [reading(0), reading(1, { rttMs: 30, packetsLost: 5 }), reading(2, { rttMs: 40, packetsLost: 10, packetsReceived: 190 })]
    expect(windowFigures(readings)).toEqual({
      rttMs: 30,
      jitterMs: 3,
      lossPercent: 5, // 10 lost of 200 sent
      packets: 200,
      bitrateKbps: 500 // 125,000 bytes in 2 s
    })
  })

  it('ignore readings without a round trip yet', () => {
    expect(windowFigures([reading(0, { rttMs: null }), reading(1, { rttMs: 12 })]).rttMs).toBe(12)
  })
})

describe('stopping early', () => {
  it('waits for at least three samples after the first reading', () => {
    expect(isStable([reading(0), reading(1), reading(2)])).toBe(false)
    expect(isStable([reading(0), reading(1), reading(2), reading(3)])).toBe(true)
  })

  it('keeps measuring while the round trip still swings', () => {
    expect(isStable([reading(0), reading(1, { rttMs: 20 }), reading(2, { rttMs: 80 }), reading(3, { rttMs: 20 })])).toBe(false)
  })

  it('keeps measuring until enough packets flowed for the loss to mean something', () => {
    const few = [0, 1, 2, 3].map((second) => reading(second, { packetsReceived: second * 20 }))
    expect(isStable(few)).toBe(false)
  })
})
