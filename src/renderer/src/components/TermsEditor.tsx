import { Group, NumberInput, SegmentedControl, TextInput } from '@mantine/core'
import type { Terms } from '@shared/pipeline'

export function TermsEditor({ value, onChange }: { value: Terms; onChange: (terms: Terms) => void }) {
  return (
    <Group align="flex-end" grow>
      <SegmentedControl
        aria-label="Bid type"
        value={value.bidType}
        data={[
          { value: 'hourly', label: 'Hourly' },
          { value: 'fixed', label: 'Fixed' }
        ]}
        onChange={(bidType) => onChange({ ...value, bidType: bidType as Terms['bidType'] })}
      />
      <NumberInput
        label={value.bidType === 'hourly' ? 'Rate per hour' : 'Bid'}
        prefix="$"
        min={0}
        value={value.amount}
        onChange={(amount) => onChange({ ...value, amount: Number(amount) || 0 })}
      />
      <TextInput
        label="Estimated duration"
        value={value.estimatedDuration}
        onChange={(event) => onChange({ ...value, estimatedDuration: event.currentTarget.value })}
      />
    </Group>
  )
}
