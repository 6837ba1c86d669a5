import { Alert, Button, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDownload } from '@tabler/icons-react'
import { useState } from 'react'
import { errorMessage, useQuery } from '@renderer/hooks/useQuery'
import { describeWhatGoes } from './data-counts-text'

/** Asks for the word DELETE, after saying exactly what goes (files included) and offering a backup first. */
export function DeleteAllDialog({
  opened,
  onClose,
  onExport,
  exporting
}: {
  opened: boolean
  onClose: () => void
  onExport: () => void
  exporting: boolean
}) {
  const [confirmWord, setConfirmWord] = useState('')
  const [deleting, setDeleting] = useState(false)
  const counts = useQuery(() => (opened ? window.greenroom.countData() : Promise.resolve(null)), [opened])
  const whatGoes = counts.data ? describeWhatGoes(counts.data) : null

  function close(): void {
    setConfirmWord('')
    onClose()
  }

  async function deleteAll(): Promise<void> {
    setDeleting(true)
    try {
      await window.greenroom.deleteAllRecords({ confirm: 'DELETE' })
      notifications.show({ message: 'All records deleted. Your settings stay.' })
      close()
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error) })
    } finally {
      setDeleting(false)
    }
  }

  return (
    <Modal opened={opened} onClose={close} title="Delete all data?" size="lg">
      <Stack gap="sm">
        {counts.error && (
          <Alert color="red" role="alert">
            Greenroom could not count your records ({counts.error}). Deleting still removes every record and sample file.
          </Alert>
        )}
        {!counts.data && !counts.error && <Loader size="sm" aria-label="Counting your records" />}
        {counts.data && (
          <Text size="sm">
            {whatGoes ? <>This deletes {whatGoes}. </> : <>There is nothing to delete yet. </>}
            Your settings stay.
          </Text>
        )}
        {whatGoes && (
          <Group gap="sm" wrap="nowrap" align="center">
            <Text size="sm" c="dimmed" style={{ flex: 1 }}>
              Export a backup first if you may want them back: it holds the sample files too.
            </Text>
            <Button variant="default" size="xs" leftSection={<IconDownload size={16} />} loading={exporting} onClick={onExport}>
              Export backup
            </Button>
          </Group>
        )}
        <TextInput
          label="Type DELETE to confirm"
          value={confirmWord}
          onChange={(event) => setConfirmWord(event.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="red" disabled={confirmWord !== 'DELETE'} loading={deleting} onClick={() => void deleteAll()}>
            Delete everything
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
