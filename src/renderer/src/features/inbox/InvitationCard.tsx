import { Badge, Button, Group, Kbd, Paper, Stack, Text, Tooltip } from '@mantine/core'
import { IconArchive, IconCheck, IconFlag, IconX } from '@tabler/icons-react'
import { DateTime } from 'luxon'
import { forwardRef } from 'react'
import { Link } from 'react-router'
import { DECLINE_REASONS } from '@shared/pipeline'
import type { InboxItem } from '@shared/pipeline'
import { CopyTextButton } from '@renderer/components/CopyTextButton'
import { formatMinutes, formatMoney, formatWait, localTimeIn } from '@renderer/components/time'
import { useHourCycle } from '@renderer/hooks/useHourCycle'

export type Answer = 'accept' | 'decline' | 'archive'

function waitColor(receivedAt: string): string {
  const hours = DateTime.now().diff(DateTime.fromISO(receivedAt), 'hours').hours
  return hours >= 20 ? 'red' : hours >= 12 ? 'orange' : 'gray'
}

const ANSWERED_COLOR = { accepted: 'greenroom', declined: 'red', archived: 'gray', pending: 'gray' } as const

export const InvitationCard = forwardRef<
  HTMLDivElement,
  { item: InboxItem; selected: boolean; onSelect: () => void; onAnswer: (answer: Answer) => void }
>(function InvitationCard({ item, selected, onSelect, onAnswer }, ref) {
  const cycle = useHourCycle()
  const { invitation, client, job } = item
  const pending = invitation.status === 'pending'
  // The client's clock matters while they wait for an answer; once answered, how long it took does.
  const clientTime = pending ? localTimeIn(client.timeZone, cycle) : null
  const reply = invitation.status === 'accepted' ? invitation.acceptMessage : invitation.status === 'declined' ? invitation.declineNote : ''
  const responseMinutes = invitation.respondedAt
    ? DateTime.fromISO(invitation.respondedAt).diff(DateTime.fromISO(invitation.receivedAt), 'minutes').minutes
    : null
  return (
    <Paper
      ref={ref}
      withBorder
      radius="lg"
      p="md"
      tabIndex={0}
      role="article"
      aria-label={`${job.title}, from ${client.name}`}
      aria-current={selected ? 'true' : undefined}
      onFocus={onSelect}
      onClick={onSelect}
      style={{
        outline: selected ? '2px solid var(--mantine-primary-color-filled)' : undefined,
        outlineOffset: -1
      }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text fw={600} size="md" truncate>
            {job.title}
          </Text>
          <Group gap={6}>
            <Text size="sm">
              {client.name}
              {client.company && (
                <Text span c="dimmed">
                  {' '}
                  · {client.company}
                </Text>
              )}
            </Text>
            {client.redFlags.length > 0 && (
              <Tooltip label={client.redFlags.map((flag) => flag.note || flag.kind).join('; ')}>
                <Badge color="red" variant="light" leftSection={<IconFlag size={12} />}>
                  {client.redFlags.some((flag) => flag.kind === 'no_show') ? 'No-show before' : 'Red flag'}
                </Badge>
              </Tooltip>
            )}
            {clientTime && (
              <Text size="xs" c="dimmed">
                {clientTime} for them ({client.timeZone})
              </Text>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {formatMoney(job.budget, job.budgetType)}
            {job.skills.length > 0 && ` · ${job.skills.join(', ')}`}
          </Text>
          {invitation.message && (
            <Text size="sm" lineClamp={2} mt={4}>
              “{invitation.message}”
            </Text>
          )}
          {invitation.status === 'declined' && (
            <Text size="xs" c="dimmed">
              Declined: {invitation.declineReasons.map((reason) => DECLINE_REASONS[reason]).join(', ')}
              {invitation.declineNote && ` — ${invitation.declineNote}`}
            </Text>
          )}
        </Stack>
        <Stack gap={8} align="flex-end" style={{ flexShrink: 0 }}>
          {pending ? (
            <Badge color={waitColor(invitation.receivedAt)} variant="light" size="lg">
              Waiting {formatWait(invitation.receivedAt)}
            </Badge>
          ) : (
            <Badge color={ANSWERED_COLOR[invitation.status]} variant="light" size="lg">
              {invitation.status === 'archived'
                ? 'Archived'
                : `${invitation.status === 'accepted' ? 'Accepted' : 'Declined'} in ${formatMinutes(responseMinutes ?? 0)}`}
            </Badge>
          )}
          {pending && (
            <Group gap={6}>
              <Button
                size="xs"
                leftSection={<IconCheck size={14} />}
                onClick={() => onAnswer('accept')}
                rightSection={selected ? <Kbd size="xs">A</Kbd> : undefined}
              >
                Accept
              </Button>
              <Button
                size="xs"
                variant="light"
                color="red"
                leftSection={<IconX size={14} />}
                onClick={() => onAnswer('decline')}
                rightSection={selected ? <Kbd size="xs">D</Kbd> : undefined}
              >
                Decline
              </Button>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconArchive size={14} />}
                onClick={() => onAnswer('archive')}
                rightSection={selected ? <Kbd size="xs">E</Kbd> : undefined}
              >
                Archive
              </Button>
            </Group>
          )}
          {reply.trim() !== '' && <CopyTextButton text={reply} label="Copy reply" size="xs" variant="subtle" />}
          {invitation.interviewId && (
            <Button size="xs" variant="subtle" component={Link} to={`/interviews/${invitation.interviewId}`}>
              Open interview
            </Button>
          )}
        </Stack>
      </Group>
    </Paper>
  )
})
