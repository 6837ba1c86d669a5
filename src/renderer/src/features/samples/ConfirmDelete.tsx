import { Button, Group, Modal, Text } from '@mantine/core'
import { useState } from 'react'

/** Asks before something is removed for good. */
export function ConfirmDelete({
  title,
  body,
  action,
  onConfirm,
  onClose
}: {
  title: string
  body: string
  action: string
  onConfirm: () => Promise<boolean>
  onClose: () => void
}) {
  const [busy, setBusy] = useState(false)
  return (
    <Modal opened onClose={onClose} title={title}>
      <Text size="sm">{body}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          Keep it
        </Button>
        <Button
          color="red"
          loading={busy}
          data-autofocus
          onClick={async () => {
            setBusy(true)
            const done = await onConfirm()
            setBusy(false)
            if (done) onClose()
          }}
        >
          {action}
        </Button>
      </Group>
    </Modal>
  )
}
