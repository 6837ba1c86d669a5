import { Alert, Button, Checkbox, Group, Modal, Stack, Switch, Text, Textarea } from '@mantine/core'
import { getHotkeyHandler } from '@mantine/hooks'
import { useState } from 'react'
import { DECLINE_REASONS, type DeclineReason, type Terms } from '@shared/pipeline'
import type { InboxItem } from '@shared/pipeline'
import { upworkRulesApply } from '@shared/marketplace-rules'
import { useSubmit } from '@renderer/hooks/useSubmit'
import { ContactDetailsWarning } from '@renderer/components/MarketplaceWarnings'
import { CopyTextButton } from '@renderer/components/CopyTextButton'
import { TermsEditor } from '@renderer/components/TermsEditor'

export function AcceptModal({
  item,
  userName,
  onDone,
  onClose
}: {
  item: InboxItem
  userName: string
  onDone: (item: InboxItem) => void
  onClose: () => void
}) {
  const firstName = item.client.name.split(' ')[0]
  const [message, setMessage] = useState(
    `Hi ${firstName}, thank you for the invitation. I’d be glad to talk about “${item.job.title}”. What would you like me to prepare for our call?${userName ? `\n\n${userName}` : ''}`
  )
  const [withTerms, setWithTerms] = useState(false)
  const [terms, setTerms] = useState<Terms>({ bidType: item.job.budgetType, amount: item.job.budget ?? 0, estimatedDuration: '' })
  const { busy, failure, submit } = useSubmit(async () => {
    onDone(await window.greenroom.acceptInvitation({ id: item.invitation.id, message, terms: withTerms ? terms : null }))
  })
  return (
    <Modal opened onClose={onClose} title={`Accept: ${item.job.title}`} size="lg">
      <Stack gap="sm" onKeyDown={getHotkeyHandler([['mod+Enter', () => void submit()]])}>
        {failure && <Alert color="red">{failure}</Alert>}
        <Textarea
          label="Your reply"
          description="Paste it into the marketplace's message to the client."
          autosize
          minRows={4}
          value={message}
          onChange={(event) => setMessage(event.currentTarget.value)}
          data-autofocus
        />
        <Group>
          <CopyTextButton text={message} label="Copy reply" size="xs" />
        </Group>
        <ContactDetailsWarning text={message} applies={upworkRulesApply({ job: item.job, offers: [], interview: { status: 'invited' } })} />
        <Switch label="Propose terms" checked={withTerms} onChange={(event) => setWithTerms(event.currentTarget.checked)} />
        {withTerms && <TermsEditor value={terms} onChange={setTerms} />}
        <Group justify="space-between" mt="sm">
          <Text size="xs" c="dimmed">
            Ctrl+Enter to send
          </Text>
          <Group>
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button color="greenroom" loading={busy} onClick={() => void submit()}>
              Accept invitation
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  )
}

export function DeclineModal({ item, onDone, onClose }: { item: InboxItem; onDone: (item: InboxItem) => void; onClose: () => void }) {
  const [reasons, setReasons] = useState<DeclineReason[]>([])
  const [note, setNote] = useState('')
  const { busy, failure, submit } = useSubmit(async () => {
    onDone(await window.greenroom.declineInvitation({ id: item.invitation.id, reasons, note }))
  })
  return (
    <Modal opened onClose={onClose} title={`Decline: ${item.job.title}`}>
      <Stack gap="sm" onKeyDown={getHotkeyHandler([['mod+Enter', () => reasons.length > 0 && void submit()]])}>
        {failure && <Alert color="red">{failure}</Alert>}
        <Checkbox.Group
          label="Why are you declining?"
          description="The marketplace asks; pick at least one."
          value={reasons}
          onChange={(value) => setReasons(value as DeclineReason[])}
        >
          <Stack gap={8} mt="xs">
            {Object.entries(DECLINE_REASONS).map(([value, label], index) => (
              <Checkbox key={value} value={value} label={label} data-autofocus={index === 0 ? true : undefined} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Textarea
          label="Message to the client (optional)"
          description="Kept with the invitation; copy it into the marketplace's decline message."
          autosize
          minRows={2}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <Group>
          <CopyTextButton text={note} label="Copy message" size="xs" />
        </Group>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" disabled={reasons.length === 0} loading={busy} onClick={() => void submit()}>
            Decline invitation
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

export function ArchiveModal({ item, onDone, onClose }: { item: InboxItem; onDone: (item: InboxItem) => void; onClose: () => void }) {
  const { busy, failure, submit } = useSubmit(async () => {
    onDone(await window.greenroom.archiveInvitation({ id: item.invitation.id }))
  })
  return (
    <Modal opened onClose={onClose} title={`Archive: ${item.job.title}`}>
      <Stack gap="sm">
        {failure && <Alert color="red">{failure}</Alert>}
        <Text size="sm">
          Archived invitations can no longer be accepted. Archiving sends the client nothing, so it does not count as a response.
        </Text>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="gray" loading={busy} onClick={() => void submit()} data-autofocus>
            Archive
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
