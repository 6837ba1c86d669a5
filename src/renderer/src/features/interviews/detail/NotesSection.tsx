import { ActionIcon, Button, Group, Modal, Paper, Stack, Text, Textarea, Tooltip } from '@mantine/core'
import { getHotkeyHandler } from '@mantine/hooks'
import { IconPencil, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import type { InterviewDetail, Note } from '@shared/pipeline'
import { formatInstant } from '@renderer/components/time'
import { useSave } from '@renderer/hooks/useSave'
import { useHourCycle } from '@renderer/hooks/useHourCycle'

function NoteCard({ note, zone }: { note: Note; zone: string }) {
  const cycle = useHourCycle()
  const [editing, setEditing] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const { busy, run } = useSave()
  const save = async () => {
    if (editing !== null && (await run(() => window.greenroom.updateNote({ id: note.id, body: editing }), 'Note saved'))) setEditing(null)
  }
  return (
    <Paper withBorder radius="md" p="sm">
      {editing === null ? (
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {note.body}
            </Text>
            <Text size="xs" c="dimmed">
              {formatInstant(note.updatedAt, zone, cycle)}
            </Text>
          </Stack>
          <Group gap={4} wrap="nowrap">
            <Tooltip label="Edit note">
              <ActionIcon variant="subtle" color="gray" aria-label="Edit note" onClick={() => setEditing(note.body)}>
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Delete note">
              <ActionIcon variant="subtle" color="red" aria-label="Delete note" onClick={() => setConfirming(true)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      ) : (
        <Stack gap="xs">
          <Textarea
            aria-label="Edit note"
            autosize
            minRows={2}
            value={editing}
            onChange={(event) => setEditing(event.currentTarget.value)}
            onKeyDown={getHotkeyHandler([['mod+Enter', () => void save()]])}
            autoFocus
          />
          <Group gap="xs">
            <Button size="xs" loading={busy} onClick={() => void save()}>
              Save
            </Button>
            <Button size="xs" variant="default" onClick={() => setEditing(null)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Delete this note?">
        <Text size="sm">The note is removed for good.</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
          <Button
            color="red"
            loading={busy}
            onClick={() => run(() => window.greenroom.deleteNote({ id: note.id }), 'Note deleted')}
            data-autofocus
          >
            Delete note
          </Button>
        </Group>
      </Modal>
    </Paper>
  )
}

export function NotesSection({ detail, zone }: { detail: InterviewDetail; zone: string }) {
  const [draft, setDraft] = useState('')
  const { busy, run } = useSave()
  const add = async () => {
    if (draft.trim() && (await run(() => window.greenroom.addNote({ interviewId: detail.interview.id, body: draft })))) setDraft('')
  }
  return (
    <Stack gap="sm" maw={760}>
      <Textarea
        label="Add a note"
        placeholder="What to prepare, what they said, what to follow up on…"
        autosize
        minRows={2}
        value={draft}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={getHotkeyHandler([['mod+Enter', () => void add()]])}
      />
      <Group>
        <Button size="xs" disabled={!draft.trim()} loading={busy} onClick={() => void add()}>
          Add note
        </Button>
        <Text size="xs" c="dimmed">
          Ctrl+Enter
        </Text>
      </Group>
      {[...detail.notes].reverse().map((note) => (
        <NoteCard key={note.id} note={note} zone={zone} />
      ))}
    </Stack>
  )
}
