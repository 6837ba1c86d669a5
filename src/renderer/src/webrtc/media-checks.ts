import type { z } from 'zod'
import type { cameraResultSchema, microphoneResultSchema, networkResultSchema } from '@shared/precall'

type CameraResult = z.infer<typeof cameraResultSchema>
type MicrophoneResult = z.infer<typeof microphoneResultSchema>
type NetworkResult = z.infer<typeof networkResultSchema>
export type MediaError = NonNullable<CameraResult['error']>

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** getUserMedia's errors, in the terms the verdict explains. */
export function classifyMediaError(error: unknown): MediaError {
  const name = error instanceof DOMException || error instanceof Error ? error.name : ''
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'permission'
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') return 'in_use'
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'not_found'
  return 'other'
}

const constraintFor = (deviceId: string | null): MediaTrackConstraints | true => (deviceId ? { deviceId: { exact: deviceId } } : true)

/**
 * Opens the camera and watches about a second of it: real frames arriving (not all
 * black, not the same frame over and over), at what size and rate.
 */
export async function checkCamera(deviceId: string | null): Promise<{ result: CameraResult; stream: MediaStream | null }> {
  let stream: MediaStream
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: constraintFor(deviceId), audio: false })
  } catch (error) {
    return {
      result: {
        status: 'error',
        error: classifyMediaError(error),
        deviceLabel: '',
        width: 0,
        height: 0,
        framesPerSecond: 0,
        black: false,
        frozen: false
      },
      stream: null
    }
  }
  const track = stream.getVideoTracks()[0]!
  const video = document.createElement('video')
  video.muted = true
  video.playsInline = true
  video.srcObject = stream
  await video.play().catch(() => undefined)

  const canvas = Object.assign(document.createElement('canvas'), { width: 32, height: 24 })
  const context = canvas.getContext('2d', { willReadFrequently: true })!
  const frames: Uint8ClampedArray[] = []
  let painted = 0
  const countFrames = () => {
    painted++
    if (painted < 1000) video.requestVideoFrameCallback(countFrames)
  }
  video.requestVideoFrameCallback(countFrames)
  const started = performance.now()
  for (let i = 0; i < 5; i++) {
    await wait(200)
    context.drawImage(video, 0, 0, canvas.width, canvas.height)
    frames.push(context.getImageData(0, 0, canvas.width, canvas.height).data.slice())
  }
  const seconds = (performance.now() - started) / 1000
  video.srcObject = null

  const luminance = (data: Uint8ClampedArray) => {
    let sum = 0
    for (let i = 0; i < data.length; i += 4) sum += 0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!
    return sum / (data.length / 4)
  }
  const difference = (a: Uint8ClampedArray, b: Uint8ClampedArray) => {
    let sum = 0
    for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!)
    return sum
  }
  const settings = track.getSettings()
  return {
    result: {
      status: 'ok',
      error: null,
      deviceLabel: track.label,
      width: settings.width ?? video.videoWidth,
      height: settings.height ?? video.videoHeight,
      framesPerSecond: Math.round((painted / seconds) * 10) / 10,
      black: frames.every((frame) => luminance(frame) < 8),
      frozen: frames.slice(1).every((frame, index) => difference(frame, frames[index]!) === 0)
    },
    stream
  }
}

/**
 * Opens the microphone and listens for about a second and a half, reporting the live
 * level as it goes: silence (nothing above −40 dBFS) and clipping (a flattened wave).
 */
export async function checkMicrophone(
  deviceId: string | null,
  onLevel: (level: number) => void
): Promise<{ result: MicrophoneResult; stream: MediaStream | null }> {
  let stream: MediaStream
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: constraintFor(deviceId), video: false })
  } catch (error) {
    return {
      result: { status: 'error', error: classifyMediaError(error), deviceLabel: '', peakLevel: 0, silent: false, clipping: false },
      stream: null
    }
  }
  const track = stream.getAudioTracks()[0]!
  const audio = new AudioContext()
  await audio.resume().catch(() => undefined)
  const analyser = audio.createAnalyser()
  analyser.fftSize = 2048
  audio.createMediaStreamSource(stream).connect(analyser)
  const samples = new Float32Array(analyser.fftSize)
  let peak = 0
  // A clipped wave is flattened at full scale: runs of samples stuck there. A loud but
  // clean wave only touches full scale for a sample at each crest.
  let clippedRuns = 0
  for (let i = 0; i < 15; i++) {
    await wait(100)
    analyser.getFloatTimeDomainData(samples)
    let framePeak = 0
    let run = 0
    for (const sample of samples) {
      const magnitude = Math.abs(sample)
      if (magnitude > framePeak) framePeak = magnitude
      run = magnitude >= 0.999 ? run + 1 : 0
      if (run === 4) clippedRuns++
    }
    peak = Math.max(peak, framePeak)
    onLevel(Math.min(1, framePeak))
  }
  await audio.close()
  onLevel(0)
  return {
    result: {
      status: 'ok',
      error: null,
      deviceLabel: track.label,
      peakLevel: Math.min(1, peak),
      silent: peak < 0.01,
      clipping: clippedRuns >= 3
    },
    stream
  }
}

/** Gathers ICE candidates against the configured servers and counts what appears. */
export async function checkNetwork(iceServers: RTCIceServer[], timeoutMs = 3000): Promise<NetworkResult> {
  const urls = iceServers.flatMap((server) => (Array.isArray(server.urls) ? server.urls : [server.urls]))
  const connection = new RTCPeerConnection({ iceServers })
  const candidates = { host: 0, srflx: 0, relay: 0, udp: 0, tcp: 0 }
  const started = performance.now()
  connection.createDataChannel('probe')
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs)
    connection.addEventListener('icecandidate', (event) => {
      if (!event.candidate) {
        clearTimeout(timer)
        resolve()
        return
      }
      const { type, protocol } = event.candidate
      if (type === 'host' || type === 'srflx' || type === 'relay') candidates[type]++
      if (protocol === 'udp' || protocol === 'tcp') candidates[protocol]++
    })
  })
  await connection.setLocalDescription(await connection.createOffer())
  await done
  const gatheringMs = performance.now() - started
  connection.close()
  return {
    gatheringMs: Math.round(gatheringMs),
    candidates,
    stunConfigured: urls.some((url) => /^stun:/i.test(url)),
    turnConfigured: urls.some((url) => /^turns?:/i.test(url))
  }
}

/** Plays a one-second 440 Hz tone on the chosen output device. */
export async function playTestTone(sinkId: string | null): Promise<void> {
  const audio = new AudioContext()
  const withSink = audio as AudioContext & { setSinkId?: (id: string) => Promise<void> }
  if (sinkId && withSink.setSinkId) await withSink.setSinkId(sinkId).catch(() => undefined)
  const oscillator = audio.createOscillator()
  const gain = audio.createGain()
  oscillator.frequency.value = 440
  gain.gain.setValueAtTime(0.0001, audio.currentTime)
  gain.gain.exponentialRampToValueAtTime(0.3, audio.currentTime + 0.05)
  gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 1)
  oscillator.connect(gain).connect(audio.destination)
  oscillator.start()
  oscillator.stop(audio.currentTime + 1)
  await new Promise((resolve) => (oscillator.onended = resolve))
  await audio.close()
}
