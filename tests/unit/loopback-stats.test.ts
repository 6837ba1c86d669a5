import { describe, expect, it } from 'vitest'
import { isStable, readStats, windowFigures, type StatsReading } from '../../src/renderer/src/webrtc/stats'

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
  availableOutgoingKbps: 2_500,
  ...overrides
})

describe('loopback figures over a window of readings', () => {
  it('average round trip and jitter, and turn counters into loss and bitrate', () => {
    const readings = [
      reading(0),
      reading(1, { rttMs: 30, packetsLost: 5 }),
      reading(2, { rttMs: 40, packetsLost: 10, packetsReceived: 190 })
    ]
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

describe('one reading of a call’s stats', () => {
  const source = (stats: Record<string, unknown>[]) => ({ getStats: async () => new Map(stats.map((stat) => [stat.id, stat])) })

  it('takes the pair the transport uses, with its outgoing bandwidth estimate, and both videos of a screen share', async () => {
    const connection = source([
      // A pair that succeeded too but carries nothing: it has no round trip.
      { id: 'P-spare', type: 'candidate-pair', state: 'succeeded', nominated: true, localCandidateId: 'L-host' },
      {
        id: 'P-used',
        type: 'candidate-pair',
        state: 'succeeded',
        currentRoundTripTime: 0.042,
        availableOutgoingBitrate: 120_000,
        localCandidateId: 'L-relay'
      },
      { id: 'T', type: 'transport', selectedCandidatePairId: 'P-used' },
      { id: 'L-host', type: 'local-candidate', candidateType: 'host' },
      { id: 'L-relay', type: 'local-candidate', candidateType: 'relay' },
      { id: 'OV-screen', type: 'outbound-rtp', kind: 'video', bytesSent: 900_000, frameWidth: 1280, frameHeight: 720 },
      { id: 'OV-camera', type: 'outbound-rtp', kind: 'video', bytesSent: 100_000, frameWidth: 160, frameHeight: 120 },
      { id: 'IA', type: 'inbound-rtp', kind: 'audio', packetsReceived: 500, packetsLost: 5, jitter: 0.004 },
      { id: 'IV-camera', type: 'inbound-rtp', kind: 'video', bytesReceived: 50_000, framesDecoded: 40, frameWidth: 160, frameHeight: 120 },
      { id: 'IV-screen', type: 'inbound-rtp', kind: 'video', bytesReceived: 800_000, framesDecoded: 60, frameWidth: 1280, frameHeight: 720 }
    ])
    const reading = await readStats(connection, connection)
    expect(reading).toMatchObject({
      rttMs: 42,
      availableOutgoingKbps: 120,
      relayed: true,
      packetsReceived: 500,
      packetsLost: 5,
      videoBytesSent: 1_000_000,
      framesDecoded: 100,
      frameWidth: 1280,
      frameHeight: 720
    })
  })

  it('has no bandwidth estimate when the sender gives none', async () => {
    const connection = source([{ id: 'P', type: 'candidate-pair', state: 'succeeded', nominated: true, currentRoundTripTime: 0.01 }])
    expect((await readStats(connection, connection)).availableOutgoingKbps).toBeNull()
  })
})
