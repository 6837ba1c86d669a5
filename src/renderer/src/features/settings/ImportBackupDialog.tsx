import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { formatBytes } from '@shared/prep'
import { errorMessage } from '@renderer/hooks/useQuery'
import { backupFileProblem, isJsonBackup } from './backup-file'
import { sendBackupFile, type TransferProgress as Progressed } from './backup-transfer'
import { describeImport } from './data-counts-text'
import { TransferProgress } from './TransferProgress'

/** Confirms an import, sends the file in chunks with a progress bar, and names what came back. */
export function ImportBackupDialog({ file, onClose }: { file: File | null; onClose: () => void }) {
  const [progress, setProgress] = useState<(Progressed & { checking: boolean }) | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const problem = file ? backupFileProblem(file) : null
  const busy = progress !== null

  function close(): void {
    if (busy) return
    setFailure(null)
    onClose()
  }

  async function importFile(): Promise<void> {
    if (!file) return
    setFailure(null)
    setProgress({ done: 0, total: file.size, checking: false })
    try {
      const summary = await sendBackupFile(file, setProgress)
      notifications.show({ message: describeImport(summary) })
      setProgress(null)
      onClose()
    } catch (error) {
      setProgress(null)
      setFailure(errorMessage(error))
    }
  }

  return (
    <Modal
      opened={file !== null}
      onClose={close}
      title="Import this backup?"
      closeOnClickOutside={!busy}
      closeOnEscape={!busy}
      withCloseButton={!busy}
    >
      <Stack gap="sm">
        <Text size="sm">
          <Code>{file?.name}</Code> ({formatBytes(file?.size ?? 0, 1)}) replaces every client, invitation, interview, note and sample, and
          your settings. The file is checked first: if anything in it is wrong, nothing changes.
        </Text>
        {file && isJsonBackup(file) && (
          <Text size="sm" c="dimmed">
            This is a backup saved as .json by an older Greenroom: it holds the samples list but not their files, so file samples will show
            as missing until you add them again.
          </Text>
        )}
        {progress && (
          <TransferProgress
            label={progress.checking ? 'Checking the backup and restoring it…' : 'Sending the backup'}
            progress={progress}
            checking={progress.checking}
          />
        )}
        {(problem ?? failure) && (
          <Alert color="red" title="Not imported" role="alert">
            {problem ?? failure}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={busy}>
            Cancel
          </Button>
          <Button loading={busy} disabled={problem !== null} onClick={() => void importFile()}>
            Replace with backup
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
