import { Group, NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core'
import { DateTime } from 'luxon'
import { CHANNELS, INTERVIEW_TYPES, SCENARIOS, type InterviewFields } from '../../../../shared/pipeline'
import { DateTimeField } from '../../components/DateTimeField'

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }))

/** What kind of interview this is and where it happens. */
export function InterviewFieldsForm({
  value,
  onChange,
  errors,
  zone,
  withOutcome = false
}: {
  value: InterviewFields
  onChange: (fields: InterviewFields) => void
  errors: Partial<Record<string, string>>
  zone: string
  withOutcome?: boolean
}) {
  const set = (patch: Partial<InterviewFields>) => onChange({ ...value, ...patch })
  const sample = value.sampleTask
  const dueLocal = sample.dueAt ? DateTime.fromISO(sample.dueAt).setZone(zone).toFormat("yyyy-LL-dd'T'HH:mm") : ''
  return (
    <>
      <TextInput label="Title" required value={value.title} error={errors.title} onChange={(event) => set({ title: event.currentTarget.value })} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select label="Scenario" allowDeselect={false} data={options(SCENARIOS)} value={value.scenario} onChange={(scenario) => scenario && set({ scenario: scenario as InterviewFields['scenario'] })} />
        <Select label="Type" allowDeselect={false} data={options(INTERVIEW_TYPES)} value={value.type} onChange={(type) => type && set({ type: type as InterviewFields['type'] })} />
        <Select label="Channel" allowDeselect={false} data={options(CHANNELS)} value={value.channel} onChange={(channel) => channel && set({ channel: channel as InterviewFields['channel'] })} />
      </SimpleGrid>
      {(value.channel === 'zoom' || value.channel === 'other') && (
        <TextInput
          label={value.channel === 'zoom' ? 'Zoom link' : 'Call link (Skype, Slack, Meet…)'}
          placeholder="https://"
          value={value.channelLink}
          error={errors.channelLink}
          onChange={(event) => set({ channelLink: event.currentTarget.value })}
        />
      )}
      {value.type !== 'call' && (
        <>
          <Textarea
            label="Sample task instructions"
            autosize
            minRows={3}
            value={sample.instructions}
            onChange={(event) => set({ sampleTask: { ...sample, instructions: event.currentTarget.value } })}
          />
          <Group grow>
            {value.type === 'paid_sample' && (
              <NumberInput label="Fee" prefix="$" min={0} value={sample.fee ?? ''} onChange={(fee) => set({ sampleTask: { ...sample, fee: typeof fee === 'number' ? fee : null } })} />
            )}
            <DateTimeField
              label={`Due (your time, ${zone})`}
              value={dueLocal}
              onChange={(local) => {
                const due = DateTime.fromISO(local, { zone })
                set({ sampleTask: { ...sample, dueAt: due.isValid ? due.toUTC().toISO() : null } })
              }}
            />
          </Group>
        </>
      )}
      {withOutcome && (
        <Textarea label="Outcome notes" autosize minRows={2} value={value.outcomeNotes} onChange={(event) => set({ outcomeNotes: event.currentTarget.value })} />
      )}
    </>
  )
}
