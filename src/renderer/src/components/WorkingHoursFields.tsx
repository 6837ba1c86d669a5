import { Chip, Group, Input, Stack } from '@mantine/core'
import type { Settings } from '@shared/settings'
import type { HourCycle } from '@shared/time-format'
import { WEEKDAY_NAMES } from './working-hours-text'
import { TimeSelect } from './TimeSelect'

type WorkingHours = Settings['workingHours']

/** Working days and hours: the user's in Settings, a client's where the client is edited. */
export function WorkingHoursFields({
  value,
  onChange,
  errors,
  labels = { days: 'Working days', start: 'From', end: 'Until' },
  cycle
}: {
  value: WorkingHours
  onChange: (hours: WorkingHours) => void
  /** Errors keyed "days", "start", "end". */
  errors: Partial<Record<'days' | 'start' | 'end', string>>
  labels?: { days: string; start: string; end: string }
  /** The clock to show, when it differs from the saved one (a Settings draft). */
  cycle?: HourCycle
}) {
  return (
    <Stack gap="sm">
      <Input.Wrapper label={labels.days} error={errors.days}>
        <Chip.Group
          multiple
          value={value.days.map(String)}
          onChange={(days) => onChange({ ...value, days: days.map(Number).sort((a, b) => a - b) })}
        >
          <Group gap="xs" mt={6}>
            {WEEKDAY_NAMES.map((name, index) => (
              <Chip key={name} value={String(index + 1)} variant="outline">
                {name}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Input.Wrapper>
      <Group grow maw={420} align="flex-start">
        <TimeSelect
          label={labels.start}
          value={value.start}
          error={errors.start}
          cycle={cycle}
          onChange={(start) => onChange({ ...value, start })}
        />
        <TimeSelect label={labels.end} value={value.end} error={errors.end} cycle={cycle} onChange={(end) => onChange({ ...value, end })} />
      </Group>
    </Stack>
  )
}
