import { Alert, Button, Code, FileButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDownload, IconTrash, IconUpload } from '@tabler/icons-react'
import { DateTime } from 'luxon'
import { useState } from 'react'
import type { AppInfo } from '../../../../shared/api'
import { downloadText } from '../../components/download'
import { errorMessage } from '../../hooks/useQuery'
import { backupFileProblem } from './backup-file'
import { DemoDataButton } from './DemoDataButton'
import { SettingsSection } from './SettingsSection'

/** Where the data lives, and how to take it away, bring it back or start over. */
export function DataSection({ appInfo }: { appInfo: AppInfo | null }) {
  const [exporting, setExporting] = useState(false)
  const [pending, setPending] = useState<{ name: string; text: string } | null>(null)
  const [importing, setImporting] = useState(false)
  const [importError, setImportError] = useState<string | null>(null)
  /** Why the chosen file was refused before anything was read or sent. */
  const [fileProblem, setFileProblem] = useState<string | null>(null)
  const [wiping, setWiping] = useState(false)
  const [confirmWord, setConfirmWord] = useState('')

  async function exportAll(): Promise<void> {
    setExporting(true)
    try {
      downloadText(await window.greenroom.exportBackup(), `greenroom-backup-${DateTime.now().toFormat('yyyy-LL-dd')}.json`, 'application/json')
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error) })
    } finally {
      setExporting(false)
    }
  }

  async function importPending(): Promise<void> {
    if (!pending) return
    setImporting(true)
    setImportError(null)
    try {
      const summary = await window.greenroom.importBackup({ text: pending.text })
      notifications.show({ message: `Backup imported: ${summary.clients} clients, ${summary.interviews} interviews, ${summary.invitations} invitations, ${summary.notes} notes` })
      setPending(null)
    } catch (error) {
      setImportError(errorMessage(error))
    } finally {
      setImporting(false)
    }
  }

  return (
    <SettingsSection title="Your data" description="Everything Greenroom knows stays in one file on this computer.">
      {appInfo && (
        <Text size="sm">
          Database: <Code>{appInfo.databaseFile}</Code>
        </Text>
      )}
      <Group gap="sm">
        <Button variant="default" leftSection={<IconDownload size={18} />} loading={exporting} onClick={() => void exportAll()}>
          Export backup
        </Button>
        <FileButton
          accept="application/json,.json"
          onChange={async (file) => {
            if (!file) return
            setImportError(null)
            const problem = backupFileProblem(file.name, file.size)
            setFileProblem(problem)
            if (problem) return
            setPending({ name: file.name, text: await file.text() })
          }}
        >
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconUpload size={18} />}>
              Import backup…
            </Button>
          )}
        </FileButton>
        <DemoDataButton />
        <Button variant="subtle" color="red" leftSection={<IconTrash size={18} />} onClick={() => setWiping(true)}>
          Delete all data…
        </Button>
      </Group>
      {fileProblem && (
        <Alert color="red" title="Not imported" role="alert" withCloseButton closeButtonLabel="Dismiss" onClose={() => setFileProblem(null)}>
          {fileProblem}
        </Alert>
      )}
      {appInfo && (
        <Text size="xs" c="dimmed">
          Greenroom {appInfo.version} · {appInfo.mode === 'browser' ? 'browser mode' : 'desktop app'}
        </Text>
      )}

      <Modal opened={pending !== null} onClose={() => setPending(null)} title="Import this backup?">
        <Stack gap="sm">
          <Text size="sm">
            <Code>{pending?.name}</Code> replaces every client, invitation, interview and note, and your settings. The file is checked first: if
            anything in it is wrong, nothing changes.
          </Text>
          {importError && (
            <Alert color="red" title="Not imported" role="alert">
              {importError}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)}>
              Cancel
            </Button>
            <Button loading={importing} onClick={() => void importPending()}>
              Replace with backup
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        opened={wiping}
        onClose={() => {
          setWiping(false)
          setConfirmWord('')
        }}
        title="Delete all data?"
      >
        <Stack gap="sm">
          <Text size="sm">
            Every client, invitation, interview, proposal, offer and note is deleted. Your settings stay. Export a backup first if you may want
            them back.
          </Text>
          <TextInput label="Type DELETE to confirm" value={confirmWord} onChange={(event) => setConfirmWord(event.currentTarget.value)} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setWiping(false)}>
              Cancel
            </Button>
            <Button
              color="red"
              disabled={confirmWord !== 'DELETE'}
              onClick={async () => {
                try {
                  await window.greenroom.deleteAllRecords({ confirm: 'DELETE' })
                  notifications.show({ message: 'All records deleted' })
                  setWiping(false)
                  setConfirmWord('')
                } catch (error) {
                  notifications.show({ color: 'red', message: errorMessage(error) })
                }
              }}
            >
              Delete everything
            </Button>
          </Group>
        </Stack>
      </Modal>
    </SettingsSection>
  )
}
