import { Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { zonedClock } from '@shared/time-format'
import { useHourCycle } from '@renderer/hooks/useHourCycle'
import { now } from '@renderer/clock'
import { DeferredTooltip } from './DeferredTooltip'

/** The user's own time in their chosen zone: what every other time is measured against. */
export function LocalClock({ timeZone }: { timeZone: string }) {
  const [at, setAt] = useState(now)
  useEffect(() => {
    const timer = window.setInterval(() => setAt(now()), 15_000)
    return () => window.clearInterval(timer)
  }, [])
  const cycle = useHourCycle()
  // Intl rather than Luxon: this is drawn with the shell, before any page's code has loaded.
  const local = zonedClock(at, timeZone, cycle)
  return (
    <DeferredTooltip label={`Your time zone: ${timeZone} (UTC${local.offset})`}>
      <Text size="sm" c="dimmed" aria-label={`Your time: ${local.longWeekday} ${local.clock}, ${timeZone}`}>
        {local.weekday} {local.clock} · {timeZone}
      </Text>
    </DeferredTooltip>
  )
}
