import { ActionIcon, Anchor, Button, Checkbox, Group, Paper, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core'
import { getHotkeyHandler } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconArrowDown, IconArrowUp, IconPlus, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import { Link } from 'react-router'
import type { ChecklistItem, PrepRoom } from '@shared/prep'
import { formatInstant } from '@renderer/components/time'
import { useOptimisticFlag } from '@renderer/hooks/useOptimisticFlag'
import { useSave } from '@renderer/hooks/useSave'
import { ReadinessRing } from './ReadinessMeter'
import { useHourCycle } from '@renderer/hooks/useHourCycle'

const VERDICT_TEXT = { ready: 'Ready', usable: 'Usable with warnings' } as const

function ConnectionNote({ room, zone }: { room: PrepRoom; zone: string }) {
  const cycle = useHourCycle()
  const { connection } = room
  if (connection.fresh && connection.lastPassedAt) {
    return (
      <Text size="xs" c="greenroom.8">
        Ticked by the connection test of {formatInstant(connection.lastPassedAt, zone, cycle)} (
        {VERDICT_TEXT[connection.lastPassedVerdict ?? 'ready']}).
      </Text>
    )
  }
  return (
    <Text size="xs" c="dimmed">
      {connection.lastPassedAt
        ? `Last passed test: ${formatInstant(connection.lastPassedAt, zone, cycle)}, over 24 hours ago. `
        : 'No passed test yet. '}
      <Anchor component={Link} to="/connection-test?start=1" size="xs" underline="always">
        Run the connection test
      </Anchor>{' '}
      and this ticks itself.
    </Text>
  )
}

function ItemRow({
  item,
  index,
  room,
  zone,
  onMove
}: {
  item: ChecklistItem
  index: number
  room: PrepRoom
  zone: string
  onMove: (from: number, to: number) => void
}) {
  const { run } = useSave()
  const [checked, setChecked] = useOptimisticFlag(item.done)
  const last = room.checklist.length - 1
  const remove = async () => {
    if (!(await run(() => window.greenroom.removeChecklistItem({ id: item.id })))) return
    const key = `removed-${item.id}`
    notifications.show({
      id: key,
      message: (
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">Removed “{item.label}”</Text>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              notifications.hide(key)
              void run(() => window.greenroom.restoreChecklistItem({ id: item.id }), 'Item restored')
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
    <Group wrap="nowrap" align="flex-start" gap="xs" py={6} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Checkbox
        mt={2}
        style={{ flex: 1 }}
        checked={checked}
        disabled={item.auto}
        onChange={(event) => {
          const done = event.currentTarget.checked
          setChecked(done, () => run(() => window.greenroom.setChecklistItemDone({ id: item.id, done })))
        }}
        label={
          <Text size="sm" fw={500} td={checked ? 'line-through' : undefined} c={checked ? 'dimmed' : undefined}>
            {item.label}
          </Text>
        }
        description={
          <Stack gap={2} component="span">
            {item.why && <span>{item.why}</span>}
            {item.kind === 'connection' && <ConnectionNote room={room} zone={zone} />}
          </Stack>
        }
      />
      <Group gap={0} wrap="nowrap">
        <Tooltip label="Move up">
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label={`Move “${item.label}” up`}
            disabled={index === 0}
            onClick={() => onMove(index, index - 1)}
          >
            <IconArrowUp size={14} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Move down">
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label={`Move “${item.label}” down`}
            disabled={index === last}
            onClick={() => onMove(index, index + 1)}
          >
            <IconArrowDown size={14} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Remove (you can undo)">
          <ActionIcon variant="subtle" color="red" size="sm" aria-label={`Remove “${item.label}”`} onClick={() => void remove()}>
            <IconX size={14} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  )
}

/** The habits that win calls, ticked by hand (the connection one by a recent test), with readiness. */
export function ChecklistPanel({ room, zone }: { room: PrepRoom; zone: string }) {
  const [draft, setDraft] = useState('')
  const { busy, run } = useSave()
  const add = async () => {
    if (
      draft.trim() &&
      (await run(() => window.greenroom.addChecklistItem({ interviewId: room.interviewId, fields: { label: draft, why: '' } })))
    )
      setDraft('')
  }
  const move = (from: number, to: number) => {
    const ids = room.checklist.map((item) => item.id)
    const [moved] = ids.splice(from, 1)
    ids.splice(to, 0, moved!)
    void run(() => window.greenroom.reorderChecklist({ interviewId: room.interviewId, ids })).then(() => {
      // Keep the keyboard on the item that moved.
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLButtonElement>(
            `[aria-label="Move “${room.checklist[from]!.label}” ${to < from ? 'up' : 'down'}"]:not([disabled])`
          )
          ?.focus()
      )
    })
  }
  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="checklist-title">
      <Group justify="space-between" align="center" mb="xs" wrap="nowrap">
        <Title order={2} size="h4" id="checklist-title">
          Checklist
        </Title>
        <ReadinessRing readiness={room.readiness} />
      </Group>
      {room.checklist.length === 0 ? (
        <Text size="sm" c="dimmed" py="sm">
          The checklist is empty. Add what you want to have done before this call.
        </Text>
      ) : (
        <Stack gap={0}>
          {room.checklist.map((item, index) => (
            <ItemRow key={item.id} item={item} index={index} room={room} zone={zone} onMove={move} />
          ))}
        </Stack>
      )}
      <Group mt="sm" gap="xs" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          size="sm"
          aria-label="New checklist item"
          placeholder="Add an item, e.g. “Look up their app in the store”"
          value={draft}
          onChange={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={getHotkeyHandler([['Enter', () => void add()]])}
        />
        <Button
          size="sm"
          variant="light"
          leftSection={<IconPlus size={16} />}
          disabled={!draft.trim()}
          loading={busy}
          onClick={() => void add()}
        >
          Add
        </Button>
      </Group>
    </Paper>
  )
}
