import { ActionIcon, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core'
import { IconExternalLink, IconFile, IconLink, IconPencil, IconTrash } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { formatBytes, type Sample } from '@shared/prep'
import { openHint, openSample } from './open-sample'
import { TagBadges } from '@renderer/components/TagBadges'

/** One sample: what it is, what it proves, and Open in one click. */
export function SampleCard({
  sample,
  mode,
  onEdit,
  onDelete,
  extra
}: {
  sample: Sample
  mode?: 'electron' | 'browser'
  onEdit?: () => void
  onDelete?: () => void
  extra?: ReactNode
}) {
  const host =
    sample.kind === 'link'
      ? (() => {
          try {
            return new URL(sample.url).host
          } catch {
            return sample.url
          }
        })()
      : null
  return (
    <Paper withBorder radius="md" p="sm" component="article" aria-label={sample.title}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
          {sample.kind === 'file' ? (
            <IconFile size={22} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          ) : (
            <IconLink size={22} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          )}
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} size="sm">
              {sample.title}
            </Text>
            {sample.proves && (
              <Text size="sm">
                <Text span c="dimmed" size="sm">
                  Proves:{' '}
                </Text>
                {sample.proves}
              </Text>
            )}
            <Text size="xs" c="dimmed" truncate>
              {sample.kind === 'file' ? `${sample.fileName} · ${formatBytes(sample.sizeBytes)}` : host}
              {!sample.available && ' · the file is missing from this computer'}
            </Text>
            {sample.tags.length > 0 && (
              <Group gap={4}>
                <TagBadges tags={sample.tags} />
              </Group>
            )}
          </Stack>
        </Group>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={openHint(sample, mode)}>
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconExternalLink size={14} />}
              onClick={() => void openSample(sample)}
              disabled={!sample.available}
              aria-label={`Open “${sample.title}”`}
            >
              Open
            </Button>
          </Tooltip>
          {extra}
          {onEdit && (
            <Tooltip label="Edit">
              <ActionIcon variant="subtle" color="gray" aria-label={`Edit “${sample.title}”`} onClick={onEdit}>
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
          )}
          {onDelete && (
            <Tooltip label="Delete">
              <ActionIcon variant="subtle" color="red" aria-label={`Delete “${sample.title}”`} onClick={onDelete}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Group>
    </Paper>
  )
}
