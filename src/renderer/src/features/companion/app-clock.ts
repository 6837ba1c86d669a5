import { useEffect, useState } from 'react'
import { now, nowMs } from '../../clock'

/**
 * How far the app's clock is from this page's (browser mode's --clock-start moves the
 * app's). The shell follows the host's clock before it draws, so this reads that one clock.
 */
export function appClockOffset(): Promise<number> {
  return Promise.resolve(nowMs() - Date.now())
}

/** The app's time, ticking every `everyMs`: Join's window and the companion's timer follow it. */
export function useAppClock(everyMs = 15_000): { now: Date; offsetMs: number } {
  const [, setTick] = useState(0)
  useEffect(() => {
    const timer = window.setInterval(() => setTick((tick) => tick + 1), everyMs)
    return () => window.clearInterval(timer)
  }, [everyMs])
  const current = now()
  return { now: current, offsetMs: current.getTime() - Date.now() }
}
