import { useEffect, useState } from 'react'

let offset: Promise<number> | null = null

/**
 * How far the app's clock is from this page's (browser mode's --clock-start moves the
 * app's): Join's window and the companion's timer follow the app, as reminders do.
 */
export function appClockOffset(): Promise<number> {
  offset ??= window.greenroom
    .getClock()
    .then(({ now }) => Date.parse(now) - Date.now())
    .catch(() => 0)
  return offset
}

/** The app's time, known after its first answer; null until then. */
export function useAppClock(everyMs = 15_000): { now: Date; offsetMs: number } | null {
  const [offsetMs, setOffsetMs] = useState<number | null>(null)
  const [tick, setTick] = useState(() => Date.now())
  useEffect(() => {
    let current = true
    void appClockOffset().then((value) => current && setOffsetMs(value))
    const timer = window.setInterval(() => setTick(Date.now()), everyMs)
    return () => {
      current = false
      window.clearInterval(timer)
    }
  }, [everyMs])
  if (offsetMs === null) return null
  return { now: new Date(tick + offsetMs), offsetMs }
}
