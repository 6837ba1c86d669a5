import { Select, type SelectProps } from '@mantine/core'
import { useMemo } from 'react'
import { formatClockText, type HourCycle } from '@shared/time-format'
import { useHourCycle } from '@renderer/hooks/useHourCycle'

/** Every step of the day as "HH:mm" values, labelled in the chosen clock. */
function timesOfDay(stepMinutes: number, cycle: HourCycle): { value: string; label: string }[] {
  const times: { value: string; label: string }[] = []
  for (let minutes = 0; minutes < 24 * 60; minutes += stepMinutes) {
    const value = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
    times.push({ value, label: formatClockText(value, cycle) })
  }
  return times
}

/**
 * A time of day ("HH:mm" underneath) shown in the app's one clock format; the browser's
 * own time field would follow its locale instead. Type to narrow the list ("4:3", "16").
 */
export function TimeSelect({
  value,
  onChange,
  stepMinutes = 15,
  cycle: chosenCycle,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string
  onChange: (value: string) => void
  stepMinutes?: number
  cycle?: HourCycle
}) {
  const savedCycle = useHourCycle()
  const cycle = chosenCycle ?? savedCycle
  const data = useMemo(() => {
    const times = timesOfDay(stepMinutes, cycle)
    // A stored time off the grid (09:10) stays choosable.
    if (value && !times.some((time) => time.value === value)) times.push({ value, label: formatClockText(value, cycle) })
    return times.sort((a, b) => a.value.localeCompare(b.value))
  }, [stepMinutes, cycle, value])
  return (
    <Select
      searchable
      allowDeselect={false}
      limit={200}
      maxDropdownHeight={240}
      data={data}
      value={value || null}
      onChange={(next) => next && onChange(next)}
      {...props}
    />
  )
}
