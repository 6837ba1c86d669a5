import { Button, Group, Text } from '@mantine/core'

/** A form modal's last lines: what went wrong, if anything, then Cancel and the action. */
export function ModalFooter({
  failure,
  onCancel,
  onSubmit,
  ready,
  busy,
  submitLabel
}: {
  failure: string | null
  onCancel: () => void
  onSubmit: () => void
  ready: boolean
  busy: boolean
  submitLabel: string
}) {
  return (
    <>
      {failure && (
        <Text size="sm" c="red" role="alert">
          {failure}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={onSubmit} disabled={!ready} loading={busy}>
          {submitLabel}
        </Button>
      </Group>
    </>
  )
}
