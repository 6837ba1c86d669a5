import { useEffect, useState } from 'react'
import { now } from '@renderer/clock'

/**
 * The app's time (browser mode's --clock-start moves it), ticking every `everyMs`: Join's
 * window and the companion's clocks follow it. The shell follows the host's clock before it
 * draws, so it is known from the first render.
 */
export function useAppClock(everyMs = 15_000): Date {
  const [, setTick] = useState(0)
  useEffect(() => {
    const timer = window.setInterval(() => setTick((tick) => tick + 1), everyMs)
    return () => window.clearInterval(timer)
  }, [everyMs])
  return now()
}
