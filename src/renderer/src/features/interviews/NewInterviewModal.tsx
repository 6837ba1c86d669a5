import { Alert, Button, Group, Modal, Stack } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useNavigate } from 'react-router'
import { pipelineContract } from '@shared/contract/pipeline'
import { ClientPicker, emptyClient, type ClientChoice } from '@renderer/components/ClientPicker'
import { errorsUnder, fieldErrors } from '@renderer/components/validation'
import { useSettings } from '@renderer/hooks/settings-context'
import { errorMessage, useQuery } from '@renderer/hooks/useQuery'
import { defaultInterviewFields } from '@shared/pipeline'
import { InterviewFieldsForm } from './InterviewFieldsForm'

/** An interview that did not come through the inbox: a referral, a direct message. */
export function NewInterviewModal({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate()
  const { settings } = useSettings()
  const clients = useQuery(() => window.greenroom.listClients(), [])
  const [client, setClient] = useState<ClientChoice>({ fields: emptyClient() })
  const [fields, setFields] = useState(defaultInterviewFields())
  const [touched, setTouched] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const draft = useMemo(() => ({ client, jobId: null, fields }), [client, fields])
  const errors = useMemo(() => fieldErrors(pipelineContract.createInterview.input, draft), [draft])
  const shown = touched ? errors : {}

  async function save(): Promise<void> {
    setTouched(true)
    if (Object.keys(errors).length > 0) return
    setSaving(true)
    try {
      const created = await window.greenroom.createInterview(draft)
      onClose()
      navigate(`/interviews/${created.interview.id}`)
    } catch (error) {
      setFailure(errorMessage(error))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal opened onClose={onClose} title="New interview" size="lg">
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
          <InterviewFieldsForm
            value={fields}
            onChange={setFields}
            errors={errorsUnder(shown, 'fields')}
            zone={settings?.timeZone ?? 'UTC'}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Create interview
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
