import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { CallSession, CallState } from './call-session'

export function useCallState(session: CallSession): CallState {
  return useSyncExternalStore(session.subscribe, session.getState)
}

/** The microphone's live level, 0…1, for the meter. */
export function useAudioLevel(track: MediaStreamTrack | null, active = true): number {
  const [level, setLevel] = useState(0)
  const frame = useRef(0)
  useEffect(() => {
    if (!track || !active || track.readyState === 'ended') {
      setLevel(0)
      return
    }
    const audio = new AudioContext()
    const analyser = audio.createAnalyser()
    analyser.fftSize = 512
    audio.createMediaStreamSource(new MediaStream([track])).connect(analyser)
    const samples = new Float32Array(analyser.fftSize)
    let last = 0
    const tick = (now: number) => {
      frame.current = requestAnimationFrame(tick)
      if (now - last < 80) return
      last = now
      analyser.getFloatTimeDomainData(samples)
      let sum = 0
      for (const sample of samples) sum += sample * sample
      const rms = Math.sqrt(sum / samples.length)
      // Speech sits around −30…−10 dBFS: map −60…0 dB onto the meter.
      const db = 20 * Math.log10(Math.max(rms, 1e-6))
      setLevel(Math.min(1, Math.max(0, (db + 60) / 60)))
    }
    void audio.resume().catch(() => undefined)
    frame.current = requestAnimationFrame(tick)
    return () => {
      cancelAnimationFrame(frame.current)
      void audio.close()
    }
  }, [track, active])
  return level
}

/** Seconds since `since` (ms), ticking each second; 0 without one. */
export function useElapsedSeconds(since: number | null, until: number | null = null): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (since === null || until !== null) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [since, until])
  if (since === null) return 0
  return Math.max(0, Math.floor(((until ?? now) - since) / 1000))
}
