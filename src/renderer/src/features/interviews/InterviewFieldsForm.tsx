import { Group, NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core'
import { DateTime } from 'luxon'
import { CHANNELS, INTERVIEW_TYPES, LINKED_CHANNELS, SCENARIOS, type InterviewFields } from '@shared/pipeline'
import { BuiltinCallWarning } from '@renderer/components/MarketplaceWarnings'
import { DateTimeField } from '@renderer/components/DateTimeField'

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }))

/** What kind of interview this is and where it happens. */
export function InterviewFieldsForm({
  value,
  onChange,
  errors,
  zone,
  withOutcome = false,
  upworkRules = false
}: {
  value: InterviewFields
  onChange: (fields: InterviewFields) => void
  errors: Partial<Record<string, string>>
  zone: string
  withOutcome?: boolean
  /** An Upwork client before a contract: choosing Greenroom's own call gets a warning. */
  upworkRules?: boolean
}) {
  const set = (patch: Partial<InterviewFields>) => onChange({ ...value, ...patch })
  const sample = value.sampleTask
  const dueLocal = sample.dueAt ? DateTime.fromISO(sample.dueAt).setZone(zone).toFormat("yyyy-LL-dd'T'HH:mm") : ''
  return (
    <>
      <TextInput
        label="Title"
        required
        value={value.title}
        error={errors.title}
        onChange={(event) => set({ title: event.currentTarget.value })}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label="Scenario"
          allowDeselect={false}
          data={options(SCENARIOS)}
          value={value.scenario}
          onChange={(scenario) => scenario && set({ scenario: scenario as InterviewFields['scenario'] })}
        />
        <Select
          label="Type"
          allowDeselect={false}
          data={options(INTERVIEW_TYPES)}
          value={value.type}
          onChange={(type) => type && set({ type: type as InterviewFields['type'] })}
        />
        <Select
          label="Channel"
          allowDeselect={false}
          data={options(CHANNELS)}
          value={value.channel}
          onChange={(channel) => channel && set({ channel: channel as InterviewFields['channel'] })}
        />
      </SimpleGrid>
      {value.channel === 'builtin' && upworkRules && <BuiltinCallWarning />}
      {(LINKED_CHANNELS.includes(value.channel) || value.channel === 'marketplace') && (
        <TextInput
          label={
            value.channel === 'marketplace'
              ? 'Link to the client’s message room (optional; Join opens it)'
              : value.channel === 'other'
                ? 'Call link (Slack, Whereby…)'
                : `${CHANNELS[value.channel]} link`
          }
          placeholder={value.channel === 'marketplace' ? 'https://www.upwork.com/ab/messages/rooms/…' : 'https://'}
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
              <NumberInput
                label="Fee"
                prefix="$"
                min={0}
                value={sample.fee ?? ''}
                onChange={(fee) => set({ sampleTask: { ...sample, fee: typeof fee === 'number' ? fee : null } })}
              />
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
        <Textarea
          label="Outcome notes"
          autosize
          minRows={2}
          value={value.outcomeNotes}
          onChange={(event) => set({ outcomeNotes: event.currentTarget.value })}
        />
      )}
    </>
  )
}
