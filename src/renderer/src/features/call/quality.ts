import type { CallMeasurements } from '@shared/call'
import { meanOpinionScore } from '@renderer/webrtc/mos'
import type { StatsReading } from '@renderer/webrtc/stats'

export type QualityLevel = 'good' | 'fair' | 'poor' | 'unknown'

/** One interval between two stats readings. */
export interface QualitySample {
  rttMs: number | null
  jitterMs: number | null
  lossPercent: number | null
  /** Video frames decoded from the other side in the interval. */
  framesDecoded: number
  /** Audio and video packets that arrived in the interval. */
  packetsReceived: number
}

export interface Quality {
  level: QualityLevel
  /** Plain words for the tooltip. */
  text: string
  sample: QualitySample
}

/** The interval between two cumulative readings. */
export function sampleBetween(previous: StatsReading, current: StatsReading): QualitySample {
  const received = current.packetsReceived - previous.packetsReceived
  const lost = current.packetsLost - previous.packetsLost
  return {
    rttMs: current.rttMs,
    jitterMs: current.jitterMs,
    lossPercent: received + lost > 0 ? Math.max(0, (100 * lost) / (received + lost)) : null,
    framesDecoded: Math.max(0, current.framesDecoded - previous.framesDecoded),
    packetsReceived: Math.max(0, received)
  }
}

/** Loss past this is a poor connection: voice breaks up audibly (and video freezes) well before it. */
export const POOR_LOSS_PERCENT = 8

/** Good, fair or poor, by the thresholds voice calls notice: 300 ms round trip and 3% loss. */
export function classify(sample: QualitySample): Quality {
  const rtt = sample.rttMs
  const loss = sample.lossPercent ?? 0
  if (rtt === null) return { level: 'unknown', text: 'Measuring the connection…', sample }
  const figures = `${Math.round(rtt)} ms round trip, ${loss < 0.05 ? 'no' : `${loss.toFixed(1)}%`} packet loss`
  if (rtt > 400 || loss > POOR_LOSS_PERCENT) {
    return {
      level: 'poor',
      text: `Poor connection: ${figures}. Expect delays and dropouts; turning video off may help.`,
      sample
    }
  }
  if (rtt > 200 || loss > 2) {
    return { level: 'fair', text: `Fair connection: ${figures}. You may notice small delays.`, sample }
  }
  return { level: 'good', text: `Good connection: ${figures}.`, sample }
}

/** Adds up the call's readings into the summary stored with the interview. */
export class MeasurementLog {
  private rtts: number[] = []
  private jitters: number[] = []
  private losses: number[] = []
  private received = 0
  private lost = 0
  reconnects = 0

  add(sample: QualitySample, lostPackets: number): void {
    if (sample.rttMs !== null) this.rtts.push(sample.rttMs)
    if (sample.jitterMs !== null) this.jitters.push(sample.jitterMs)
    if (sample.lossPercent !== null) this.losses.push(sample.lossPercent)
    this.received += sample.packetsReceived
    this.lost += Math.max(0, lostPackets)
  }

  summary(): CallMeasurements {
    const average = (values: number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null)
    const round = (value: number | null, digits = 1) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits)
    const averageRttMs = average(this.rtts)
    const averageJitterMs = average(this.jitters)
    const averageLossPercent = this.received + this.lost > 0 ? (100 * this.lost) / (this.received + this.lost) : null
    return {
      averageRttMs: round(averageRttMs),
      worstRttMs: round(this.rtts.length ? Math.max(...this.rtts) : null),
      averageLossPercent: round(averageLossPercent, 2),
      worstLossPercent: round(this.losses.length ? Math.max(...this.losses) : null, 2),
      averageJitterMs: round(averageJitterMs),
      mos:
        averageRttMs === null
          ? null
          : round(meanOpinionScore({ rttMs: averageRttMs, jitterMs: averageJitterMs ?? 0, lossPercent: averageLossPercent ?? 0 }), 2),
      samples: this.rtts.length,
      reconnects: this.reconnects
    }
  }
}

/** "12:05" or "1:02:05". */
export function clockText(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds))
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  const two = (n: number) => String(n).padStart(2, '0')
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`
}

/** Where the call stands against its agreed length. */
export function timerStage(elapsedSeconds: number, targetMinutes: number | null): 'normal' | 'ending' | 'over' {
  if (!targetMinutes) return 'normal'
  const left = targetMinutes * 60 - elapsedSeconds
  if (left <= 0) return 'over'
  if (left <= 120) return 'ending'
  return 'normal'
}
