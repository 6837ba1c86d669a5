import { Alert, Button, Code, FileButton, Group, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDownload, IconTrash, IconUpload } from '@tabler/icons-react'
import { useRef, useState } from 'react'
import type { AppInfo } from '@shared/contract'
import { downloadBlob } from '@renderer/components/download'
import { errorMessage } from '@renderer/hooks/useQuery'
import { backupFileProblem } from './backup-file'
import { fetchBackupArchive, type TransferProgress as Progressed } from './backup-transfer'
import { DeleteAllDialog } from './DeleteAllDialog'
import { DemoDataButton } from '@renderer/components/DemoDataButton'
import { ImportBackupDialog } from './ImportBackupDialog'
import { SettingsSection } from './SettingsSection'
import { TransferProgress } from './TransferProgress'

/** Where the data lives, and how to take it away, bring it back or start over. */
export function DataSection({ appInfo }: { appInfo: AppInfo | null }) {
  const [exportProgress, setExportProgress] = useState<Progressed | null>(null)
  const [pending, setPending] = useState<File | null>(null)
  /** Why the chosen file was refused before anything was read or sent. */
  const [fileProblem, setFileProblem] = useState<string | null>(null)
  const [wiping, setWiping] = useState(false)
  // Lets the same file be chosen again after a refusal or a cancel.
  const resetChooser = useRef<() => void>(null)

  async function exportAll(): Promise<void> {
    setExportProgress({ done: 0, total: 0 })
    try {
      const { blob, fileName } = await fetchBackupArchive(setExportProgress)
      downloadBlob(blob, fileName)
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error) })
    } finally {
      setExportProgress(null)
    }
  }

  return (
    <SettingsSection
      title="Your data"
      description="Everything Greenroom knows stays on this computer: one database file and a folder of sample files."
    >
      {appInfo && (
        <Text size="sm">
          Database: <Code>{appInfo.databaseFile}</Code>
        </Text>
      )}
      <Text size="sm" c="dimmed">
        A backup is one .zip file with every record and every sample file. Backups saved as .json by older versions still import.
      </Text>
      <Group gap="sm">
        <Button
          variant="default"
          leftSection={<IconDownload size={18} />}
          loading={exportProgress !== null}
          onClick={() => void exportAll()}
        >
          Export backup
        </Button>
        <FileButton
          resetRef={resetChooser}
          accept="application/zip,.zip,application/json,.json"
          onChange={(file) => {
            if (!file) return
            const problem = backupFileProblem(file)
            setFileProblem(problem)
            if (problem) resetChooser.current?.()
            else setPending(file)
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
        <Alert
          color="red"
          title="Not imported"
          role="alert"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setFileProblem(null)}
        >
          {fileProblem}
        </Alert>
      )}
      {exportProgress &&
        (exportProgress.total > 0 ? (
          <TransferProgress label="Saving the backup" progress={exportProgress} />
        ) : (
          <Text size="sm" aria-live="polite">
            Packing your records and sample files…
          </Text>
        ))}
      {appInfo && (
        <Text size="xs" c="dimmed">
          Greenroom {appInfo.version} · {appInfo.mode === 'browser' ? 'browser mode' : 'desktop app'}
        </Text>
      )}

      <ImportBackupDialog
        file={pending}
        onClose={() => {
          setPending(null)
          resetChooser.current?.()
        }}
      />
      <DeleteAllDialog
        opened={wiping}
        onClose={() => setWiping(false)}
        onExport={() => void exportAll()}
        exporting={exportProgress !== null}
      />
    </SettingsSection>
  )
}
