import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { DateTime } from 'luxon'
import { useMemo, useState } from 'react'
import { pipelineContract } from '@shared/contract/pipeline'
import { ClientPicker, emptyClient, type ClientChoice } from '@renderer/components/ClientPicker'
import { emptyJob, JobFieldsForm } from '@renderer/components/JobFieldsForm'
import { errorsUnder, fieldErrors } from '@renderer/components/validation'
import { errorMessage, useQuery } from '@renderer/hooks/useQuery'
import { useSettings } from '@renderer/hooks/settings-context'
import { DateTimeField } from '@renderer/components/DateTimeField'

/** Records an invitation received on a marketplace, with its client and job post. */
export function NewInvitationModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { settings } = useSettings()
  const zone = settings?.timeZone ?? 'UTC'
  const clients = useQuery(() => window.greenroom.listClients(), [])
  const [client, setClient] = useState<ClientChoice>({ fields: emptyClient() })
  const [job, setJob] = useState(emptyJob())
  const [message, setMessage] = useState('')
  const [received, setReceived] = useState(() => DateTime.now().setZone(zone).toFormat("yyyy-LL-dd'T'HH:mm"))
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [touched, setTouched] = useState(false)

  const draft = useMemo(() => {
    const receivedAt = DateTime.fromISO(received, { zone })
    return { client, job, message, receivedAt: receivedAt.isValid ? receivedAt.toUTC().toISO() : null }
  }, [client, job, message, received, zone])
  const errors = useMemo(() => fieldErrors(pipelineContract.createInvitation.input, draft), [draft])
  const valid = Object.keys(errors).length === 0

  function reset(): void {
    setClient({ fields: emptyClient() })
    setJob(emptyJob())
    setMessage('')
    setTouched(false)
    setFailure(null)
  }

  async function save(): Promise<void> {
    setTouched(true)
    if (!valid) return
    setSaving(true)
    try {
      const item = await window.greenroom.createInvitation(draft)
      notifications.show({ message: `Invitation from ${item.client.name} added to your inbox` })
      reset()
      onClose()
    } catch (error) {
      setFailure(errorMessage(error))
    } finally {
      setSaving(false)
    }
  }

  const shown = touched ? errors : {}
  return (
    <Modal opened={opened} onClose={onClose} title="Add an invitation" size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <Stack gap="sm">
          {failure && <Alert color="red">{failure}</Alert>}
          <ClientPicker clients={clients.data ?? []} value={client} onChange={setClient} />
          {shown['client.fields.name'] && (
            <Alert color="red" py={6}>
              {shown['client.fields.name']}
            </Alert>
          )}
          <JobFieldsForm value={job} onChange={setJob} errors={errorsUnder(shown, 'job')} />
          <Textarea
            label="The client’s message"
            autosize
            minRows={2}
            value={message}
            onChange={(event) => setMessage(event.currentTarget.value)}
          />
          <DateTimeField label={`Received (your time, ${zone})`} value={received} error={shown.receivedAt} onChange={setReceived} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Add to inbox
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
