import { Group, Input, TextInput } from '@mantine/core'
import { useState } from 'react'
import { TimeSelect } from './TimeSelect'

/**
 * A date and a time of day ("yyyy-MM-ddTHH:mm", '' while either is missing), the time in
 * the app's clock format: the browser's own date-and-time field follows its locale instead.
 */
export function DateTimeField({
  label,
  value,
  onChange,
  error
}: {
  label: string
  value: string
  onChange: (value: string) => void
  error?: string
}) {
  const [date, setDate] = useState(value.slice(0, 10))
  const [time, setTime] = useState(value.slice(11, 16))
  const change = (nextDate: string, nextTime: string) => {
    setDate(nextDate)
    setTime(nextTime)
    onChange(nextDate && nextTime ? `${nextDate}T${nextTime}` : '')
  }
  return (
    <Input.Wrapper label={label} error={error}>
      <Group grow gap="xs" wrap="nowrap">
        <TextInput type="date" aria-label={`${label}: date`} value={date} onChange={(event) => change(event.currentTarget.value, time)} />
        <TimeSelect aria-label={`${label}: time`} placeholder="Time" value={time} onChange={(next) => change(date, next)} />
      </Group>
    </Input.Wrapper>
  )
}
