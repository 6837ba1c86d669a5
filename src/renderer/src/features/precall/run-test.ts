import {
  assessConnection,
  MAX_LOOPBACK_ERROR,
  type AppMode,
  type CheckResults,
  type ConnectionReport,
  type Finding,
  type Verdict
} from '@shared/precall'
import type { IceServer } from '@shared/settings'
import { isTurn } from '@shared/guest-ice'
import { now } from '@renderer/clock'
import { checkCamera, checkMicrophone, checkNetwork } from '@renderer/webrtc/media-checks'
import { meanOpinionScore } from '@renderer/webrtc/mos'
import { createLoopbackPair, type LoopbackPair } from '@renderer/webrtc/peer'
import { isStable, readStats, windowFigures, type StatsReading } from '@renderer/webrtc/stats'

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
  /** Where the app runs, so a blocked camera's fix points at the right settings. */
  mode: AppMode
  onProgress: (progress: TestProgress) => void
  signal?: AbortSignal
}

const FIRST_VERDICT_DEADLINE_MS = 3000
/** Gathering network paths stops here, so the first verdict can come by its deadline. */
const GATHERING_LIMIT_MS = 2800
/** The test calls stop measuring here at the latest, so the full report comes within 10 s. */
const MEASURE_UNTIL_MS = 9000
/** A call that connects at the last moment still gets this long of readings. */
const LEAST_MEASURING_MS = 2000
const SAMPLE_EVERY_MS = 1000

export function toRtcIceServers(servers: IceServer[]): RTCIceServer[] {
  return servers.map((server) =>
    server.username || server.credential
      ? { urls: server.url, username: server.username, credential: server.credential }
      : { urls: server.url }
  )
}

/** A stand-in video track when no camera could be opened, so the test call still carries a picture. */
function syntheticVideo(): MediaStreamTrack {
  const canvas = Object.assign(document.createElement('canvas'), { width: 320, height: 240 })
  const context = canvas.getContext('2d')!
  let hue = 0
  const timer = setInterval(() => {
    context.fillStyle = `hsl(${(hue += 7) % 360} 60% 50%)`
    context.fillRect(0, 0, canvas.width, canvas.height)
  }, 33)
  const track = canvas.captureStream(30).getVideoTracks()[0]!
  track.addEventListener('ended', () => clearInterval(timer))
  return track
}

type LoopbackFigures = Omit<NonNullable<CheckResults['loopback']>, 'relayCall'>

function figuresOf(readings: StatsReading[]): LoopbackFigures {
  const figures = windowFigures(readings)
  const last = readings.at(-1)!
  return {
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
}

const failedCall = (error: unknown): LoopbackFigures => ({
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
})

const aborted = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => {
    const fail = () => reject(new Error(String(signal.reason ?? 'stopped')))
    if (signal.aborted) fail()
    else signal.addEventListener('abort', fail, { once: true })
  })

/**
 * Connects one test call and samples it once a second until its figures are stable or the
 * measuring time is up. `stop` ends it early: the relayed call stops as soon as gathering
 * has shown the TURN server gives no relay path, instead of waiting out its connect limit.
 */
async function measureCall(
  pair: LoopbackPair,
  stop: AbortSignal,
  elapsed: () => number,
  onReading: (readings: StatsReading[]) => void
): Promise<StatsReading[]> {
  const stopped = aborted(stop)
  stopped.catch(() => undefined)
  await Promise.race([pair.connected, stopped])
  const readings: StatsReading[] = [await readStats(pair.senderConnection, pair.receiverConnection)]
  while (elapsed() < MEASURE_UNTIL_MS && !isStable(readings) && !stop.aborted) {
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS))
    readings.push(await readStats(pair.senderConnection, pair.receiverConnection))
    onReading(readings)
  }
  return readings
}

/**
 * The whole test: camera, microphone and ICE gathering at once, then real test calls from
 * this computer to itself, sampled once a second: one on the direct paths and, when a TURN
 * server is set, one forced through it, side by side. A first verdict is published as soon
 * as the device and network checks are in (by 3 s at the latest); every step has a time
 * limit, so the full report follows within 10 s.
 */
export async function runConnectionTest(options: TestOptions): Promise<ConnectionReport> {
  const startedAt = now().toISOString()
  const started = performance.now()
  const elapsed = () => performance.now() - started
  const results: CheckResults = { camera: null, microphone: null, speakers: null, network: null, loopback: null }
  let cameraStream: MediaStream | null = null
  let micLevel = 0
  let phase = 'Opening camera and microphone, looking for network paths'
  let firstVerdictMs: number | null = null
  const tracksToStop: MediaStreamTrack[] = []

  const publish = () => {
    const { verdict, findings } = assessConnection(results, options.mode)
    const early = results.camera && results.microphone && results.network
    if (firstVerdictMs === null && (early || elapsed() >= FIRST_VERDICT_DEADLINE_MS)) firstVerdictMs = elapsed()
    options.onProgress({
      results: { ...results },
      progress: results.loopback ? 1 : Math.min(0.97, elapsed() / MEASURE_UNTIL_MS),
      phase,
      verdict: firstVerdictMs === null ? null : verdict,
      findings,
      cameraStream,
      micLevel
    })
  }
  const ticker = setInterval(publish, 250)
  const turnServers = options.iceServers.filter(isTurn)
  const directServers = toRtcIceServers(options.iceServers.filter((server) => !isTurn(server)))
  const stopRelay = new AbortController()
  const pairs: LoopbackPair[] = []

  try {
    const camera = checkCamera(options.cameraId).then(({ result, stream }) => {
      results.camera = result
      if (stream) {
        cameraStream = stream
        tracksToStop.push(...stream.getTracks())
      }
      return stream
    })
    const microphone = checkMicrophone(options.microphoneId, (level) => (micLevel = level)).then(({ result, stream }) => {
      results.microphone = result
      if (stream) tracksToStop.push(...stream.getTracks())
      return stream
    })
    const network = checkNetwork(toRtcIceServers(options.iceServers), GATHERING_LIMIT_MS).then((result) => {
      results.network = result
      // Gathering that ended on its own without a relay path (a refused login, say) means the
      // relayed call cannot connect: stop it now. A server that is merely slow or silent keeps
      // its call going until the connect limit, as a busy machine may need that long.
      if (result.candidates.relay === 0 && result.gatheringMs < GATHERING_LIMIT_MS) stopRelay.abort('the TURN server gave no relay path')
    })

    // The test calls start as soon as the devices are open, while gathering may still run.
    const [video, audio] = await Promise.all([camera, microphone])
    const videoTracks = video?.getVideoTracks() ?? []
    if (videoTracks.length === 0) {
      videoTracks.push(syntheticVideo())
      tracksToStop.push(...videoTracks)
    }
    const callStream = new MediaStream([...videoTracks, ...(audio?.getAudioTracks() ?? [])])
    phase = turnServers.length > 0 ? 'Test calls on this computer and through your TURN server' : 'Test call on this computer'
    publish()

    const connectWithin = Math.max(1000, MEASURE_UNTIL_MS - LEAST_MEASURING_MS - elapsed())
    const showProgress = (readings: StatsReading[]) => {
      const figures = windowFigures(readings)
      phase = `Measuring: ${Math.round(figures.rttMs)} ms round trip, ${figures.lossPercent.toFixed(1)}% loss`
    }
    const stopDirect = new AbortController()
    options.signal?.addEventListener('abort', () => {
      stopDirect.abort('stopped')
      stopRelay.abort('stopped')
    })
    const direct = createLoopbackPair(callStream, { iceServers: directServers, relayOnly: false }, connectWithin)
    pairs.push(direct)
    const relay =
      turnServers.length > 0
        ? createLoopbackPair(callStream, { iceServers: toRtcIceServers(turnServers), relayOnly: true }, connectWithin)
        : null
    if (relay) pairs.push(relay)

    const [directCall, relayCall] = await Promise.allSettled([
      measureCall(direct, stopDirect.signal, elapsed, relay ? () => undefined : showProgress),
      relay ? measureCall(relay, stopRelay.signal, elapsed, showProgress) : Promise.reject(new Error('no TURN server set'))
    ])
    // The relayed call is the one a client behind a strict firewall gets: its figures count when it connected.
    const measured = relayCall.status === 'fulfilled' ? relayCall : directCall
    results.loopback = {
      ...(measured.status === 'fulfilled' ? figuresOf(measured.value) : failedCall(measured.reason)),
      relayCall: relay ? (relayCall.status === 'fulfilled' ? 'connected' : 'failed') : 'not_tested'
    }
    await network
    phase = 'Done'
    publish()
    const { verdict, findings } = assessConnection(results, options.mode)
    return {
      startedAt,
      firstVerdictMs: Math.round(firstVerdictMs ?? elapsed()),
      durationMs: Math.round(elapsed()),
      verdict,
      results,
      findings
    }
  } finally {
    clearInterval(ticker)
    for (const pair of pairs) pair.close()
    for (const track of tracksToStop) track.stop()
  }
}
