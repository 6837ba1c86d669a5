import { Group, NumberInput, SegmentedControl, SimpleGrid, TagsInput, Textarea, TextInput } from '@mantine/core'
import type { JobFields } from '@shared/pipeline'

export const emptyJob = (): JobFields => ({
  title: '',
  description: '',
  url: '',
  budgetType: 'hourly',
  budget: null,
  skills: [],
  postedAt: null
})

/** The job post as the client wrote it. */
export function JobFieldsForm({
  value,
  onChange,
  errors = {}
}: {
  value: JobFields
  onChange: (job: JobFields) => void
  errors?: Record<string, string>
}) {
  const set = (patch: Partial<JobFields>) => onChange({ ...value, ...patch })
  return (
    <>
      <TextInput
        label="Job title"
        required
        value={value.title}
        error={errors.title}
        onChange={(event) => set({ title: event.currentTarget.value })}
      />
      <Textarea
        label="Job description"
        description="Paste the whole post: you will reread it before the call, and search finds it later."
        autosize
        minRows={4}
        maxRows={12}
        value={value.description}
        onChange={(event) => set({ description: event.currentTarget.value })}
      />
      <SimpleGrid cols={2}>
        <TextInput
          label="Link to the post"
          placeholder="https://"
          value={value.url}
          error={errors.url}
          onChange={(event) => set({ url: event.currentTarget.value })}
        />
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <SegmentedControl
            aria-label="Budget type"
            value={value.budgetType}
            data={[
              { value: 'hourly', label: 'Hourly' },
              { value: 'fixed', label: 'Fixed' }
            ]}
            onChange={(budgetType) => set({ budgetType: budgetType as JobFields['budgetType'] })}
          />
          <NumberInput
            label="Budget"
            prefix="$"
            min={0}
            thousandSeparator=","
            value={value.budget ?? ''}
            onChange={(budget) => set({ budget: typeof budget === 'number' ? budget : null })}
            style={{ flex: 1 }}
          />
        </Group>
      </SimpleGrid>
      <TagsInput label="Skills" placeholder="Type a skill and press Enter" value={value.skills} onChange={(skills) => set({ skills })} />
    </>
  )
}
