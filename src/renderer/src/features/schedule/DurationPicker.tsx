import { Group, NumberInput, SegmentedControl } from '@mantine/core'
import { CALL_LENGTH_PRESETS } from '../../../../shared/settings'

/** 10, 15, 20, 30 minutes, or any other length. */
export function DurationPicker({ value, onChange }: { value: number; onChange: (minutes: number) => void }) {
  const preset = (CALL_LENGTH_PRESETS as readonly number[]).includes(value)
  return (
    <Group gap="sm">
      <SegmentedControl
        aria-label="Call length"
        value={preset ? String(value) : 'custom'}
        data={[...CALL_LENGTH_PRESETS.map((minutes) => ({ value: String(minutes), label: `${minutes} min` })), { value: 'custom', label: 'Custom' }]}
        onChange={(choice) => onChange(choice === 'custom' ? 45 : Number(choice))}
      />
      {!preset && (
        <NumberInput aria-label="Custom length in minutes" suffix=" min" min={5} max={240} step={5} w={110} value={value} onChange={(minutes) => onChange(Number(minutes) || 0)} />
      )}
    </Group>
  )
}
