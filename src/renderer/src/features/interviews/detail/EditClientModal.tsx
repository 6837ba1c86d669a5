import { Button, Fieldset, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useMemo, useState } from 'react'
import { clientFieldsSchema, DEFAULT_CLIENT_WORKING_HOURS, type Client, type ClientFields } from '@shared/pipeline'
import { cityOf } from '@shared/schedule'
import { formatClockText } from '@shared/time-format'
import { WorkingHoursFields } from '@renderer/components/WorkingHoursFields'
import { useHourCycle } from '@renderer/hooks/useHourCycle'
import { fieldErrors } from '@renderer/components/validation'
import { timeZoneOptions } from '@renderer/components/time-zones'
import { useSave } from '@renderer/hooks/useSave'

export function EditClientModal({ client, onClose }: { client: Client; onClose: () => void }) {
  const [draft, setDraft] = useState<ClientFields>({
    name: client.name,
    company: client.company,
    website: client.website,
    timeZone: client.timeZone,
    country: client.country,
    notes: client.notes,
    workingHours: client.workingHours
  })
  const errors = useMemo(() => fieldErrors(clientFieldsSchema, draft), [draft])
  const { busy, run } = useSave()
  const set = (patch: Partial<ClientFields>) => setDraft({ ...draft, ...patch })
  const hours = draft.workingHours ?? DEFAULT_CLIENT_WORKING_HOURS
  const cycle = useHourCycle()
  return (
    <Modal opened onClose={onClose} title={`Edit client: ${client.name}`} size="lg">
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput
            label="Name"
            required
            value={draft.name}
            error={errors.name}
            onChange={(event) => set({ name: event.currentTarget.value })}
          />
          <TextInput label="Company" value={draft.company} onChange={(event) => set({ company: event.currentTarget.value })} />
          <Select
            label="Time zone"
            searchable
            clearable
            limit={60}
            data={timeZoneOptions()}
            value={draft.timeZone}
            onChange={(timeZone) => set({ timeZone })}
          />
          <TextInput label="Country" value={draft.country} onChange={(event) => set({ country: event.currentTarget.value })} />
        </SimpleGrid>
        <Fieldset legend={`${client.name}’s working hours${draft.timeZone ? `, in ${cityOf(draft.timeZone)} time` : ''}`} variant="filled">
          <Text size="xs" c="dimmed" mb="xs">
            Offer times keeps inside these and your own hours. Greenroom starts every client at{' '}
            {formatClockText(DEFAULT_CLIENT_WORKING_HOURS.start, cycle)}–{formatClockText(DEFAULT_CLIENT_WORKING_HOURS.end, cycle)} on
            weekdays; change it if you know better.
          </Text>
          <WorkingHoursFields
            value={hours}
            labels={{ days: 'Their working days', start: 'Their day starts', end: 'Their day ends' }}
            errors={{ days: errors['workingHours.days'], start: errors['workingHours.start'], end: errors['workingHours.end'] }}
            onChange={(workingHours) => set({ workingHours })}
          />
        </Fieldset>
        <TextInput
          label="Website"
          placeholder="https://"
          value={draft.website}
          error={errors.website}
          onChange={(event) => set({ website: event.currentTarget.value })}
        />
        <Textarea
          label="Notes about the client"
          autosize
          minRows={3}
          value={draft.notes}
          onChange={(event) => set({ notes: event.currentTarget.value })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={Object.keys(errors).length > 0}
            loading={busy}
            onClick={async () =>
              (await run(() => window.greenroom.updateClient({ id: client.id, fields: draft }), 'Client saved')) && onClose()
            }
          >
            Save client
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
