import { Text, Tooltip } from '@mantine/core'
import { DateTime } from 'luxon'
import { useEffect, useState } from 'react'

/** The user's own time in their chosen zone: what every other time is measured against. */
export function LocalClock({ timeZone }: { timeZone: string }) {
  const [now, setNow] = useState(() => DateTime.now())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(DateTime.now()), 15_000)
    return () => window.clearInterval(timer)
  }, [])
  const local = now.setZone(timeZone)
  return (
    <Tooltip label={`Your time zone: ${timeZone} (UTC${local.toFormat('ZZ')})`}>
      <Text size="sm" c="dimmed" aria-label={`Your time: ${local.toFormat('cccc HH:mm')}, ${timeZone}`}>
        {local.toFormat('ccc HH:mm')} · {timeZone}
      </Text>
    </Tooltip>
  )
}
