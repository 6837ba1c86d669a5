import { assessConnection, MAX_LOOPBACK_ERROR, type CheckResults, type ConnectionReport, type Finding, type Verdict } from '../../../../shared/precall'
import type { IceServer } from '../../../../shared/settings'
import { checkCamera, checkMicrophone, checkNetwork } from '../../webrtc/media-checks'
import { meanOpinionScore } from '../../webrtc/mos'
import { createLoopbackPair } from '../../webrtc/peer'
import { isStable, readStats, windowFigures, type StatsReading } from '../../webrtc/stats'

export interface TestProgress {
  results: CheckResults
  /** 0 … 1, by elapsed time against the longest the test may take. */
  progress: number
  phase: string
  verdict: Verdict | null
  findings: Finding[]
  cameraStream: MediaStream | null
  micLevel: number
}

export interface TestOptions {
  iceServers: IceServer[]
  cameraId: string | null
  microphoneId: string | null
  onProgress: (progress: TestProgress) => void
  signal?: AbortSignal
}

const FIRST_VERDICT_DEADLINE_MS = 3000
const FULL_REPORT_DEADLINE_MS = 10_000
const SAMPLE_EVERY_MS = 1000

export function toRtcIceServers(servers: IceServer[]): RTCIceServer[] {
  return servers.map((server) =>
    server.username || server.credential ? { urls: server.url, username: server.username, credential: server.credential } : { urls: server.url }
  )
}

/** A stand-in stream when no camera or microphone could be opened, so the network is still measured. */
function syntheticStream(): MediaStream {
  const canvas = Object.assign(document.createElement('canvas'), { width: 320, height: 240 })
  const context = canvas.getContext('2d')!
  let hue = 0
  const timer = setInterval(() => {
    context.fillStyle = `hsl(${(hue += 7) % 360} 60% 50%)`
    context.fillRect(0, 0, canvas.width, canvas.height)
  }, 33)
  const stream = canvas.captureStream(30)
  stream.getVideoTracks()[0]?.addEventListener('ended', () => clearInterval(timer))
  return stream
}

/**
 * The whole test: camera, microphone and ICE gathering at once, then a real loopback
 * call sampled once a second. A first verdict is published as soon as the device and
 * network checks are in (and by 3 s at the latest); the full report follows by 10 s.
 */
export async function runConnectionTest(options: TestOptions): Promise<ConnectionReport> {
  const startedAt = new Date().toISOString()
  const started = performance.now()
  const elapsed = () => performance.now() - started
  const results: CheckResults = { camera: null, microphone: null, speakers: null, network: null, loopback: null }
  let cameraStream: MediaStream | null = null
  let micLevel = 0
  let phase = 'Opening camera and microphone, looking for network paths'
  let firstVerdictMs: number | null = null
  const streams: MediaStream[] = []

  const publish = () => {
    const { verdict, findings } = assessConnection(results)
    const early = results.camera && results.microphone && results.network
    if (firstVerdictMs === null && (early || elapsed() >= FIRST_VERDICT_DEADLINE_MS)) firstVerdictMs = elapsed()
    options.onProgress({
      results: { ...results },
      progress: results.loopback ? 1 : Math.min(0.97, elapsed() / 8000),
      phase,
      verdict: firstVerdictMs === null ? null : verdict,
      findings,
      cameraStream,
      micLevel
    })
  }
  const ticker = setInterval(publish, 250)
  const iceServers = toRtcIceServers(options.iceServers)
  const relayOnly = options.iceServers.some((server) => /^turns?:/i.test(server.url))

  try {
    const camera = checkCamera(options.cameraId).then(({ result, stream }) => {
      results.camera = result
      if (stream) {
        cameraStream = stream
        streams.push(stream)
      }
      return stream
    })
    const microphone = checkMicrophone(options.microphoneId, (level) => (micLevel = level)).then(({ result, stream }) => {
      results.microphone = result
      if (stream) streams.push(stream)
      return stream
    })
    const network = checkNetwork(iceServers).then((result) => (results.network = result))

    // The loopback starts as soon as the devices are open, while gathering may still run.
    const [video, audio] = await Promise.all([camera, microphone])
    const tracks = [...(video?.getVideoTracks() ?? []), ...(audio?.getAudioTracks() ?? [])]
    const callStream = tracks.length > 0 ? new MediaStream(tracks) : syntheticStream()
    if (tracks.length === 0) streams.push(callStream)
    phase = relayOnly ? 'Test call through your TURN server' : 'Test call on this computer'
    publish()

    const pair = createLoopbackPair(callStream, { iceServers, relayOnly })
    try {
      await pair.connected
      const readings: StatsReading[] = [await readStats(pair.senderConnection, pair.receiverConnection)]
      const stopAt = Math.max(elapsed() + 4000, FULL_REPORT_DEADLINE_MS - 1500)
      while (elapsed() < stopAt && !isStable(readings) && !options.signal?.aborted) {
        await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS))
        readings.push(await readStats(pair.senderConnection, pair.receiverConnection))
        const figures = windowFigures(readings)
        phase = `Measuring: ${Math.round(figures.rttMs)} ms round trip, ${figures.lossPercent.toFixed(1)}% loss`
      }
      const figures = windowFigures(readings)
      const last = readings.at(-1)!
      results.loopback = {
        status: 'ok',
        error: null,
        relayed: last.relayed,
        samples: readings.length - 1,
        rttMs: Math.round(figures.rttMs * 10) / 10,
        jitterMs: Math.round(figures.jitterMs * 10) / 10,
        lossPercent: Math.round(figures.lossPercent * 100) / 100,
        packets: figures.packets,
        bitrateKbps: Math.round(figures.bitrateKbps),
        width: last.frameWidth,
        height: last.frameHeight,
        framesDecoded: last.framesDecoded,
        qualityLimitation: last.qualityLimitation,
        mos: Math.round(meanOpinionScore(figures) * 100) / 100
      }
    } catch (error) {
      results.loopback = {
        status: 'error',
        error: (error instanceof Error ? error.message : String(error)).slice(0, MAX_LOOPBACK_ERROR),
        relayed: false,
        samples: 0,
        rttMs: 0,
        jitterMs: 0,
        lossPercent: 0,
        packets: 0,
        bitrateKbps: 0,
        width: 0,
        height: 0,
        framesDecoded: 0,
        qualityLimitation: 'none',
        mos: 1
      }
    } finally {
      pair.close()
    }
    await network
    phase = 'Done'
    publish()
    const { verdict, findings } = assessConnection(results)
    return { startedAt, firstVerdictMs: Math.round(firstVerdictMs ?? elapsed()), durationMs: Math.round(elapsed()), verdict, results, findings }
  } finally {
    clearInterval(ticker)
    for (const stream of streams) for (const track of stream.getTracks()) track.stop()
  }
}
