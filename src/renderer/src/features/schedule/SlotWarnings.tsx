import { Alert } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { formatInstant } from '@renderer/components/time'
import { useSettings } from '@renderer/hooks/settings-context'
import { useHourCycle } from '@renderer/hooks/useHourCycle'

type Check = Awaited<ReturnType<typeof window.greenroom.checkSlot>>

/** Asks main whether a slot is outside working hours or too close to another call, whenever it changes. */
export function useSlotCheck(start: string | null, durationMinutes: number, interviewId: string): Check | null {
  const [check, setCheck] = useState<Check | null>(null)
  useEffect(() => {
    setCheck(null)
    if (!start || durationMinutes < 5) return
    let current = true
    window.greenroom
      .checkSlot({ start, durationMinutes, interviewId })
      .then((result) => current && setCheck(result))
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [start, durationMinutes, interviewId])
  return check
}

/** The working-hours and too-close warnings of a slot check. */
export function SlotWarnings({ check }: { check: Check | null }) {
  const { settings } = useSettings()
  const userZone = settings?.timeZone ?? 'UTC'
  const cycle = useHourCycle()
  return (
    <>
      {check?.outsideWorkingHours && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="Outside your working hours">
          This falls outside the hours you set in Settings. You can still take it, or offer other times.
        </Alert>
      )}
      {check && check.conflicts.length > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="Too close to another call">
          {check.conflicts
            .map((conflict) => `${conflict.title} at ${formatInstant(conflict.start, userZone, cycle)} (${conflict.durationMinutes} min)`)
            .join('; ')}
          , counting your {settings?.bufferMinutes ?? 0}-minute buffer.
        </Alert>
      )}
    </>
  )
}
