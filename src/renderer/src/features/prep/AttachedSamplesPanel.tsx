import { ActionIcon, Button, Group, Select, Stack, Text, Tooltip } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFolders, IconPlus, IconUnlink } from '@tabler/icons-react'
import { useState } from 'react'
import { Link } from 'react-router'
import type { PrepRoom, Sample } from '@shared/prep'
import { useQuery } from '@renderer/hooks/useQuery'
import { useSave } from '@renderer/hooks/useSave'
import { tagsOf } from '@renderer/features/samples/QuestionBank'
import { SampleCard } from '@renderer/features/samples/SampleCard'
import { SampleModal } from '@renderer/features/samples/SampleModal'
import { useAppInfo } from '@renderer/hooks/useAppInfo'

/** The samples to show in this call: attach from the library or add a new one, open in one click. */
export function AttachedSamplesPanel({ room }: { room: PrepRoom }) {
  const library = useQuery(() => window.greenroom.listSamples(), [])
  const info = useAppInfo()
  const [adding, setAdding] = useState(false)
  const { run } = useSave()
  const attachedIds = new Set(room.samples.map((sample) => sample.id))
  const available = (library.data ?? []).filter((sample) => !attachedIds.has(sample.id))
  const attach = (sampleId: string) => run(() => window.greenroom.attachSample({ interviewId: room.interviewId, sampleId }))
  const detach = async (sample: Sample) => {
    if (!(await run(() => window.greenroom.detachSample({ interviewId: room.interviewId, sampleId: sample.id })))) return
    const key = `detached-${sample.id}`
    notifications.show({
      id: key,
      message: (
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">“{sample.title}” taken off this interview</Text>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              notifications.hide(key)
              void attach(sample.id)
            }}
          >
            Undo
          </Button>
        </Group>
      ),
      autoClose: 8000
    })
  }
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <Select
          w={360}
          label="Attach from your library"
          placeholder={
            library.data?.length === 0
              ? 'Your library is empty'
              : available.length === 0
                ? 'All your samples are attached'
                : 'Pick a sample'
          }
          data={available.map((sample) => ({ value: sample.id, label: sample.title }))}
          searchable
          value={null}
          onChange={(value) => value && void attach(value)}
          disabled={available.length === 0}
          nothingFoundMessage="No sample with that title"
        />
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
          New sample…
        </Button>
        <Button component={Link} to="/samples" variant="subtle" leftSection={<IconFolders size={16} />}>
          Library
        </Button>
      </Group>
      {room.samples.length === 0 ? (
        <Text size="sm" c="dimmed" py="sm">
          No samples attached yet. Pick the two or three pieces closest to this job, so you can open them mid-call without searching.
        </Text>
      ) : (
        <Stack gap="xs" aria-label="Attached samples">
          {room.samples.map((sample) => (
            <SampleCard
              key={sample.id}
              sample={sample}
              mode={info?.mode}
              extra={
                <Tooltip label="Take off this interview (you can undo)">
                  <ActionIcon variant="subtle" color="gray" aria-label={`Detach “${sample.title}”`} onClick={() => void detach(sample)}>
                    <IconUnlink size={16} />
                  </ActionIcon>
                </Tooltip>
              }
            />
          ))}
        </Stack>
      )}
      {adding && (
        <SampleModal tags={tagsOf(library.data ?? [])} onClose={() => setAdding(false)} onSaved={(sample) => void attach(sample.id)} />
      )}
    </Stack>
  )
}
