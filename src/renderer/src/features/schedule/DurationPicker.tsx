import { Group, NumberInput, SegmentedControl } from '@mantine/core'
import { CALL_LENGTH_PRESETS, callMinutesSchema } from '@shared/settings'

/** Why a length cannot be booked ("A call lasts at least 5 minutes"), or null when it can. */
export function durationProblem(minutes: number): string | null {
  const checked = callMinutesSchema.safeParse(minutes)
  return checked.success ? null : (checked.error.issues[0]?.message ?? 'Choose a length')
}

/** 10, 15, 20, 30 minutes, or any other length. */
export function DurationPicker({ value, onChange }: { value: number; onChange: (minutes: number) => void }) {
  const preset = (CALL_LENGTH_PRESETS as readonly number[]).includes(value)
  return (
    <Group gap="sm" align="flex-start">
      <SegmentedControl
        aria-label="Call length"
        value={preset ? String(value) : 'custom'}
        data={[
          ...CALL_LENGTH_PRESETS.map((minutes) => ({ value: String(minutes), label: `${minutes} min` })),
          { value: 'custom', label: 'Custom' }
        ]}
        onChange={(choice) => onChange(choice === 'custom' ? 45 : Number(choice))}
      />
      {!preset && (
        <NumberInput
          aria-label="Custom length in minutes"
          suffix=" min"
          min={5}
          max={240}
          step={5}
          w={200}
          value={value}
          error={durationProblem(value)}
          onChange={(minutes) => onChange(Number(minutes) || 0)}
        />
      )}
    </Group>
  )
}
