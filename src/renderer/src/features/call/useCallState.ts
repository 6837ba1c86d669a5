import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { LevelReader } from './level-reader'
import type { CallRunner, CallState } from './engine/call-runner'

export function useCallState(session: CallRunner): CallState {
  return useSyncExternalStore(session.subscribe, session.getState)
}

/** The microphone's live level, 0…1, for the meter: the loudest moment since the last frame (audio-level.ts). */
export function useAudioLevel(track: MediaStreamTrack | null, active = true): number {
  const [level, setLevel] = useState(0)
  const frame = useRef(0)
  useEffect(() => {
    if (!track || !active || track.readyState === 'ended') {
      setLevel(0)
      return
    }
    const reader = new LevelReader(track)
    let last = 0
    const tick = (now: number) => {
      frame.current = requestAnimationFrame(tick)
      if (now - last < 80) return
      last = now
      setLevel(reader.read(now))
    }
    frame.current = requestAnimationFrame(tick)
    return () => {
      cancelAnimationFrame(frame.current)
      reader.close()
    }
  }, [track, active])
  return level
}

/** Seconds since `since` (ms on the clock `nowMs` reads), ticking each second; 0 without one. */
export function useElapsedSeconds(since: number | null, until: number | null = null, nowMs: () => number = Date.now): number {
  const [now, setNow] = useState(nowMs)
  useEffect(() => {
    if (since === null || until !== null) return
    const timer = setInterval(() => setNow(nowMs()), 1000)
    return () => clearInterval(timer)
  }, [since, until, nowMs])
  if (since === null) return 0
  return Math.max(0, Math.floor(((until ?? now) - since) / 1000))
}
