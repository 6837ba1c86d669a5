import { Text, Tooltip } from '@mantine/core'
import { DateTime } from 'luxon'
import { useEffect, useState } from 'react'
import { formatClock } from '../../../shared/time-format'
import { useHourCycle } from '../hooks/useHourCycle'

/** The user's own time in their chosen zone: what every other time is measured against. */
export function LocalClock({ timeZone }: { timeZone: string }) {
  const [now, setNow] = useState(() => DateTime.now())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(DateTime.now()), 15_000)
    return () => window.clearInterval(timer)
  }, [])
  const cycle = useHourCycle()
  const local = now.setZone(timeZone)
  return (
    <Tooltip label={`Your time zone: ${timeZone} (UTC${local.toFormat('ZZ')})`}>
      <Text size="sm" c="dimmed" aria-label={`Your time: ${local.toFormat('cccc')} ${formatClock(local, cycle)}, ${timeZone}`}>
        {local.toFormat('ccc')} {formatClock(local, cycle)} · {timeZone}
      </Text>
    </Tooltip>
  )
}
