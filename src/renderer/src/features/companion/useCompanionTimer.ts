import { useCallback, useState } from 'react'

/** A timer left running this long is from another call, not this one. */
const STALE_AFTER_MS = 12 * 3_600_000

const keyFor = (interviewId: string) => `greenroom.companion.${interviewId}.startedAt`

function read(interviewId: string, now: Date): Date | null {
  const stored = localStorage.getItem(keyFor(interviewId))
  const at = stored ? new Date(stored) : null
  if (!at || Number.isNaN(at.getTime()) || now.getTime() - at.getTime() > STALE_AFTER_MS) return null
  return at
}

/**
 * When the call held elsewhere started, kept in this browser's storage so a reload (or
 * closing the companion for a moment) does not lose it. The user may move it by minutes.
 */
export function useCompanionTimer(interviewId: string, now: () => Date) {
  const [startedAt, setStartedAt] = useState<Date | null>(() => read(interviewId, now()))
  const store = useCallback(
    (at: Date | null) => {
      if (at) localStorage.setItem(keyFor(interviewId), at.toISOString())
      else localStorage.removeItem(keyFor(interviewId))
      setStartedAt(at)
    },
    [interviewId]
  )
  return {
    startedAt,
    /** Starts now, unless this call's timer already runs. */
    startIfIdle: () => {
      if (!read(interviewId, now())) store(now())
      else setStartedAt(read(interviewId, now()))
    },
    /** Moves the start by whole minutes, never into the future. */
    shift: (minutes: number) => {
      if (!startedAt) return
      const moved = new Date(startedAt.getTime() + minutes * 60_000)
      store(moved.getTime() > now().getTime() ? now() : moved)
    },
    clear: () => store(null)
  }
}
