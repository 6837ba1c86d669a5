/**
 * One reading of a loopback call's getStats, reduced to the figures the test reports.
 * Counters are cumulative; `StatsWindow` turns two readings into rates over the window.
 */
export interface StatsReading {
  at: number
  rttMs: number | null
  jitterMs: number | null
  packetsReceived: number
  packetsLost: number
  videoBytesSent: number
  frameWidth: number
  frameHeight: number
  framesDecoded: number
  qualityLimitation: 'none' | 'cpu' | 'bandwidth' | 'other'
  relayed: boolean
  /** The sender's estimate of the bandwidth it has towards the other side (candidate pair), when it has one. */
  availableOutgoingKbps: number | null
}

type Stat = Record<string, unknown> & { type: string; id: string }

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0)

/** What readStats needs of a connection (an RTCPeerConnection has it). */
export interface StatsSource {
  getStats(): Promise<{ values(): Iterable<unknown> }>
}

export async function readStats(sender: StatsSource, receiver: StatsSource): Promise<StatsReading> {
  const sent = [...(await sender.getStats()).values()] as Stat[]
  const received = [...(await receiver.getStats()).values()] as Stat[]

  // The pair the transport really uses; a side may hold several succeeded pairs (relayed paths), not all with a round trip.
  const transport = sent.find((stat) => stat.type === 'transport' && typeof stat.selectedCandidatePairId === 'string')
  const pair =
    sent.find((stat) => stat.type === 'candidate-pair' && stat.id === transport?.selectedCandidatePairId) ??
    sent.find((stat) => stat.type === 'candidate-pair' && stat.nominated === true && stat.state === 'succeeded') ??
    sent.find((stat) => stat.type === 'candidate-pair' && stat.state === 'succeeded')
  const local = pair ? sent.find((stat) => stat.id === pair.localCandidateId) : undefined
  // A call may carry two videos (the screen and the presenter's camera): the one with the most bytes is the picture.
  const most = (stats: Stat[], counter: string) =>
    stats.reduce<Stat | undefined>((best, stat) => (!best || num(stat[counter]) > num(best[counter]) ? stat : best), undefined)
  const outboundVideos = sent.filter((stat) => stat.type === 'outbound-rtp' && stat.kind === 'video')
  const outboundVideo = most(outboundVideos, 'bytesSent')
  const inbound = received.filter((stat) => stat.type === 'inbound-rtp')
  const inboundAudio = inbound.find((stat) => stat.kind === 'audio')
  const inboundVideos = inbound.filter((stat) => stat.kind === 'video')
  const inboundVideo = most(inboundVideos, 'bytesReceived')
  const jitterSource = inboundAudio ?? inboundVideo
  const lossSource = inboundAudio ?? inboundVideo
  const reason = String(outboundVideo?.qualityLimitationReason ?? 'none')

  return {
    at: performance.now(),
    rttMs: pair && typeof pair.currentRoundTripTime === 'number' ? pair.currentRoundTripTime * 1000 : null,
    jitterMs: jitterSource && typeof jitterSource.jitter === 'number' ? jitterSource.jitter * 1000 : null,
    // Loss is read from audio when there is audio: voice is what the MOS rates, and video
    // repairs some losses (forward error correction), hiding loss the network really has.
    packetsReceived: num(lossSource?.packetsReceived),
    packetsLost: Math.max(0, num(lossSource?.packetsLost)),
    videoBytesSent: outboundVideos.reduce((sum, stat) => sum + num(stat.bytesSent), 0),
    frameWidth: num(inboundVideo?.frameWidth) || num(outboundVideo?.frameWidth),
    frameHeight: num(inboundVideo?.frameHeight) || num(outboundVideo?.frameHeight),
    framesDecoded: inboundVideos.reduce((sum, stat) => sum + num(stat.framesDecoded), 0),
    qualityLimitation: reason === 'cpu' || reason === 'bandwidth' || reason === 'none' ? reason : 'other',
    relayed: local?.candidateType === 'relay',
    availableOutgoingKbps: pair && typeof pair.availableOutgoingBitrate === 'number' ? pair.availableOutgoingBitrate / 1000 : null
  }
}

export interface WindowFigures {
  rttMs: number
  jitterMs: number
  lossPercent: number
  packets: number
  bitrateKbps: number
}

/** Figures between the first reading and the latest one. */
export function windowFigures(readings: StatsReading[]): WindowFigures {
  const first = readings[0]!
  const last = readings.at(-1)!
  const rtts = readings.map((reading) => reading.rttMs).filter((value): value is number => value !== null)
  const jitters = readings.map((reading) => reading.jitterMs).filter((value): value is number => value !== null)
  const received = last.packetsReceived - first.packetsReceived
  const lost = last.packetsLost - first.packetsLost
  const seconds = (last.at - first.at) / 1000
  const average = (values: number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0)
  return {
    rttMs: average(rtts),
    jitterMs: average(jitters),
    lossPercent: received + lost > 0 ? (100 * lost) / (received + lost) : 0,
    packets: received + lost,
    bitrateKbps: seconds > 0 ? ((last.videoBytesSent - first.videoBytesSent) * 8) / 1000 / seconds : 0
  }
}

/**
 * Stable once the last three round-trip times sit within 20% (or 5 ms) of their mean, and
 * enough packets have flowed that one more lost packet moves the loss by under half a point.
 */
export function isStable(readings: StatsReading[]): boolean {
  if (readings.length < 4) return false
  const rtts = readings.slice(-3).map((reading) => reading.rttMs)
  if (rtts.some((value) => value === null)) return false
  const values = rtts as number[]
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length
  const steady = values.every((value) => Math.abs(value - mean) <= Math.max(5, mean * 0.2))
  const first = readings[0]!
  const last = readings.at(-1)!
  const packets = last.packetsReceived + last.packetsLost - first.packetsReceived - first.packetsLost
  return steady && packets >= 200
}
