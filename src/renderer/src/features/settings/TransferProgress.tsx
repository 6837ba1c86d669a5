import { Progress, Stack, Text } from '@mantine/core'
import { formatBytes } from '@shared/prep'
import type { TransferProgress as Progressed } from './backup-transfer'

/** A labelled bar for a backup on its way: "Saving backup: 3.1 of 10.4 MB". */
export function TransferProgress({ label, progress, checking = false }: { label: string; progress: Progressed; checking?: boolean }) {
  const share = progress.total ? (progress.done / progress.total) * 100 : 0
  const words = checking ? label : `${label}: ${formatBytes(progress.done, 1)} of ${formatBytes(progress.total, 1)}`
  return (
    <Stack gap={4}>
      <Text size="sm" aria-live="polite">
        {words}
      </Text>
      <Progress value={checking ? 100 : share} animated={checking} striped={checking} aria-label={words} />
    </Stack>
  )
}
