import { createNoiseSuppressor } from '@renderer/media/noise-suppression/noise-suppressor'
import { classifyMediaError } from '@renderer/webrtc/media-checks'

export const RECORD_SECONDS = 5

export type RecordingOutcome = { ok: true; recording: Blob } | { ok: false; reason: 'blocked' | 'no_microphone' | 'other'; message: string }

const FAILURE_TEXT = {
  blocked: 'Greenroom may not use your microphone. Allow it in your browser or system settings, then try again.',
  no_microphone: 'No microphone was found. Plug one in or choose another, then try again.',
  other: 'The recording did not work. Check your microphone and try again.'
} as const

/**
 * Records the microphone for a few seconds through the same noise suppression the call uses
 * (switched as the user chose), then releases the device. onSecond counts down the seconds left.
 */
export async function recordYourself(options: {
  microphoneId: string | null
  suppressNoise: boolean
  onSecond?: (secondsLeft: number) => void
}): Promise<RecordingOutcome> {
  let stream: MediaStream
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: options.microphoneId ? { deviceId: { exact: options.microphoneId } } : true,
      video: false
    })
  } catch (error) {
    const kind = classifyMediaError(error)
    const reason = kind === 'permission' ? 'blocked' : kind === 'not_found' ? 'no_microphone' : 'other'
    return { ok: false, reason, message: FAILURE_TEXT[reason] }
  }
  const microphone = stream.getAudioTracks()[0]!
  let suppressor: Awaited<ReturnType<typeof createNoiseSuppressor>> | null = null
  try {
    suppressor = await createNoiseSuppressor(microphone, { enabled: options.suppressNoise })
    const recorder = new MediaRecorder(new MediaStream([suppressor.track]))
    const chunks: Blob[] = []
    recorder.ondataavailable = (event) => event.data.size > 0 && chunks.push(event.data)
    const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()))
    recorder.start()
    for (let left = RECORD_SECONDS; left > 0; left--) {
      options.onSecond?.(left)
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
    recorder.stop()
    await stopped
    return { ok: true, recording: new Blob(chunks, { type: recorder.mimeType }) }
  } catch {
    return { ok: false, reason: 'other', message: FAILURE_TEXT.other }
  } finally {
    suppressor?.stop()
    microphone.stop()
  }
}
