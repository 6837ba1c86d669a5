import { Group, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import type { Client, ClientFields } from '@shared/pipeline'
import { timeZoneOptions } from './time-zones'

export type ClientChoice = { id: string } | { fields: ClientFields }

export const emptyClient = (): ClientFields => ({ name: '', company: '', website: '', timeZone: null, country: '', notes: '' })

/** Pick a known client, or describe a new one. */
export function ClientPicker({
  clients,
  value,
  onChange
}: {
  clients: Client[]
  value: ClientChoice
  onChange: (choice: ClientChoice) => void
}) {
  const isNew = 'fields' in value
  return (
    <Stack gap="xs">
      {clients.length > 0 && (
        <SegmentedControl
          aria-label="Client"
          w="fit-content"
          value={isNew ? 'new' : 'known'}
          data={[
            { value: 'new', label: 'New client' },
            { value: 'known', label: 'Known client' }
          ]}
          onChange={(mode) => onChange(mode === 'new' ? { fields: emptyClient() } : { id: clients[0]!.id })}
        />
      )}
      {'id' in value ? (
        <Select
          label="Client"
          searchable
          allowDeselect={false}
          data={clients.map((client) => ({ value: client.id, label: client.company ? `${client.name} · ${client.company}` : client.name }))}
          value={value.id}
          onChange={(id) => id && onChange({ id })}
        />
      ) : (
        <SimpleGrid cols={2}>
          <TextInput
            label="Client name"
            required
            value={value.fields.name}
            onChange={(event) => onChange({ fields: { ...value.fields, name: event.currentTarget.value } })}
          />
          <TextInput
            label="Company"
            value={value.fields.company}
            onChange={(event) => onChange({ fields: { ...value.fields, company: event.currentTarget.value } })}
          />
          <Select
            label="Client’s time zone"
            searchable
            clearable
            data={timeZoneOptions()}
            limit={60}
            value={value.fields.timeZone}
            onChange={(timeZone) => onChange({ fields: { ...value.fields, timeZone } })}
          />
          <Group grow>
            <TextInput
              label="Country"
              value={value.fields.country}
              onChange={(event) => onChange({ fields: { ...value.fields, country: event.currentTarget.value } })}
            />
          </Group>
          <TextInput
            label="Website"
            placeholder="https://"
            value={value.fields.website}
            onChange={(event) => onChange({ fields: { ...value.fields, website: event.currentTarget.value } })}
          />
        </SimpleGrid>
      )}
    </Stack>
  )
}
