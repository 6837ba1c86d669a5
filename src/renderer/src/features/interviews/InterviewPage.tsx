import { Anchor, Badge, Button, Group, Menu, Modal, Stack, Tabs, Text, Title, Tooltip } from '@mantine/core'
import { IconArrowLeft, IconCalendarEvent, IconChecklist, IconChevronDown, IconFlag, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { INTERVIEW_TRANSITIONS, isSchedulable, STATUS_LABELS, type InterviewDetail, type InterviewStatus } from '@shared/pipeline'
import { describeInBothZones } from '@shared/schedule'
import { downloadText } from '@renderer/components/download'
import { QueryState } from '@renderer/components/QueryState'
import { StatusBadge } from '@renderer/components/StatusBadge'
import { localTimeIn } from '@renderer/components/time'
import { useSettings } from '@renderer/hooks/settings-context'
import { useQuery } from '@renderer/hooks/useQuery'
import { CallsSection } from '@renderer/features/call/CallsSection'
import { CallButton } from '@renderer/features/companion/CallButton'
import { AlternativesModal } from '@renderer/features/schedule/AlternativesModal'
import { PasteInvitationModal } from '@renderer/features/schedule/PasteInvitationModal'
import { ScheduleModal } from '@renderer/features/schedule/ScheduleModal'
import { EditClientModal } from './detail/EditClientModal'
import { HistorySection } from './detail/HistorySection'
import { JobSection } from './detail/JobSection'
import { NotesSection } from './detail/NotesSection'
import { OffersSection } from './detail/OffersSection'
import { OverviewSection } from './detail/OverviewSection'
import { ProposalSection } from './detail/ProposalSection'
import { useSave } from '@renderer/hooks/useSave'
import { useHourCycle } from '@renderer/hooks/useHourCycle'
import { nowMs } from '@renderer/clock'

function StatusMenu({ detail }: { detail: InterviewDetail }) {
  const { settings } = useSettings()
  const cycle = useHourCycle()
  const { busy, run } = useSave()
  const [scheduling, setScheduling] = useState(false)
  const [confirmingDone, setConfirmingDone] = useState(false)
  const next = INTERVIEW_TRANSITIONS[detail.interview.status]
  if (next.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Final status
      </Text>
    )
  const schedule = detail.interview.schedule
  const callAhead = schedule !== null && Date.parse(schedule.startsAt) > nowMs()
  const changeTo = (status: InterviewStatus) =>
    run(() => window.greenroom.changeInterviewStatus({ id: detail.interview.id, status, note: '' }), `Moved to “${STATUS_LABELS[status]}”`)
  // A scheduled interview has a time: "Scheduled" asks for it instead of just moving.
  // "Done" before the call's time is more likely a slip than a call held early: ask first.
  const move = (status: InterviewStatus) => {
    if (status === 'scheduled') setScheduling(true)
    else if (status === 'done' && callAhead) setConfirmingDone(true)
    else void changeTo(status)
  }
  return (
    <>
      {scheduling && <ScheduleModal detail={detail} onClose={() => setScheduling(false)} />}
      <Modal opened={confirmingDone} onClose={() => setConfirmingDone(false)} title="Mark as done before the call?">
        <Text size="sm">
          The call is booked for{' '}
          {schedule &&
            describeInBothZones(schedule.startsAt, settings?.timeZone ?? 'UTC', detail.client.timeZone ?? schedule.timeZone, cycle)}
          . Marking the interview done now stops its reminders. If the client sent an offer instead, record it under Offers.
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirmingDone(false)} data-autofocus>
            Keep it scheduled
          </Button>
          <Button
            loading={busy}
            onClick={async () => {
              if (await changeTo('done')) setConfirmingDone(false)
            }}
          >
            Mark as done
          </Button>
        </Group>
      </Modal>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={16} />} loading={busy}>
            Move to
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {next.map((status) => (
            <Menu.Item key={status} onClick={() => move(status)}>
              {STATUS_LABELS[status]}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </>
  )
}

function DeleteButton({ detail }: { detail: InterviewDetail }) {
  const [confirming, setConfirming] = useState(false)
  const navigate = useNavigate()
  const { busy, run } = useSave()
  return (
    <>
      <Tooltip label="Delete interview">
        <Button variant="subtle" color="red" aria-label="Delete interview" onClick={() => setConfirming(true)}>
          <IconTrash size={18} />
        </Button>
      </Tooltip>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Delete this interview?">
        <Text size="sm">
          “{detail.interview.title}” goes with its notes, offers and history. The client and the job post stay. This cannot be undone;
          export a backup first if you may want it back.
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
          <Button
            color="red"
            loading={busy}
            onClick={async () => {
              if (await run(() => window.greenroom.deleteInterview({ id: detail.interview.id }), 'Interview deleted'))
                navigate('/interviews')
            }}
          >
            Delete interview
          </Button>
        </Group>
      </Modal>
    </>
  )
}

/** When the call is, in both zones, with the ways to set, move, offer or cancel it. */
function ScheduleLine({ detail }: { detail: InterviewDetail }) {
  const { settings } = useSettings()
  const [open, setOpen] = useState<'schedule' | 'paste' | 'offer' | 'cancel' | null>(null)
  const { busy, run } = useSave()
  const cycle = useHourCycle()
  const schedule = detail.interview.schedule
  if (!schedule && !isSchedulable(detail.interview.status)) return null
  return (
    <Group gap="sm" mt={4}>
      <IconCalendarEvent size={18} aria-hidden />
      <Text size="sm" fw={500} aria-label="Call time">
        {schedule
          ? `${describeInBothZones(schedule.startsAt, settings?.timeZone ?? 'UTC', detail.client.timeZone ?? schedule.timeZone, cycle)} · ${schedule.durationMinutes} min`
          : 'Not scheduled yet'}
      </Text>
      {isSchedulable(detail.interview.status) && (
        <>
          <Button size="compact-sm" variant="light" onClick={() => setOpen('schedule')}>
            {schedule ? 'Move…' : 'Schedule…'}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setOpen('paste')}>
            Paste invitation…
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setOpen('offer')}>
            Offer times…
          </Button>
          {schedule && (
            <Button
              size="compact-sm"
              variant="default"
              onClick={() =>
                run(async () => {
                  const file = await window.greenroom.exportInterviewCalendar({ id: detail.interview.id })
                  downloadText(file.text, file.fileName, 'text/calendar')
                })
              }
            >
              Add to calendar (.ics)
            </Button>
          )}
          {schedule && detail.interview.status === 'scheduled' && (
            <Button size="compact-sm" variant="subtle" color="red" onClick={() => setOpen('cancel')}>
              Cancel call
            </Button>
          )}
        </>
      )}
      {open === 'schedule' && <ScheduleModal detail={detail} onClose={() => setOpen(null)} />}
      {open === 'paste' && <PasteInvitationModal detail={detail} onClose={() => setOpen(null)} />}
      {open === 'offer' && <AlternativesModal detail={detail} onClose={() => setOpen(null)} />}
      <Modal opened={open === 'cancel'} onClose={() => setOpen(null)} title="Cancel this call?">
        <Text size="sm">The interview goes back to “Accepted” and the cancellation is kept in its history.</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setOpen(null)}>
            Keep the call
          </Button>
          <Button
            color="red"
            loading={busy}
            onClick={async () => {
              if (await run(() => window.greenroom.cancelSchedule({ id: detail.interview.id, note: '' }), 'Call cancelled')) setOpen(null)
            }}
          >
            Cancel call
          </Button>
        </Group>
      </Modal>
    </Group>
  )
}

/** The way into the prep room, with how ready you are. */
function PrepRoomButton({ interviewId }: { interviewId: string }) {
  const readiness = useQuery(() => window.greenroom.getPrepReadiness({ interviewIds: [interviewId] }), [interviewId])
  const share = readiness.data?.[0]?.share
  return (
    <Button
      component={Link}
      to={`/interviews/${interviewId}/prep`}
      leftSection={<IconChecklist size={18} />}
      rightSection={
        share === undefined ? undefined : (
          <Badge variant="white" size="sm">
            {Math.round(share * 100)}%
          </Badge>
        )
      }
    >
      Prep room
    </Button>
  )
}

function Header({ detail }: { detail: InterviewDetail }) {
  const { client } = detail
  const cycle = useHourCycle()
  const clientTime = localTimeIn(client.timeZone, cycle)
  const [editingClient, setEditingClient] = useState(false)
  return (
    <Stack gap={6} mb="lg">
      <Anchor component={Link} to="/interviews" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> Interviews
        </Group>
      </Anchor>
      {/* The actions never shrink: when the title and client line leave them too little room they wrap below. */}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={6} style={{ flex: '1 1 360px', minWidth: 0 }}>
          <Group gap="sm">
            <Title order={1} size="h2">
              {detail.interview.title}
            </Title>
            <StatusBadge status={detail.interview.status} size="lg" />
          </Group>
          <Group gap="xs">
            <Text>
              {client.name}
              {client.company && (
                <Text span c="dimmed">
                  {' '}
                  · {client.company}
                </Text>
              )}
            </Text>
            {clientTime && (
              <Text size="sm" c="dimmed">
                {clientTime} for them ({client.timeZone})
              </Text>
            )}
            {client.website && (
              <Anchor href={client.website} target="_blank" rel="noreferrer" size="sm">
                Website
              </Anchor>
            )}
            <Button variant="subtle" size="compact-xs" onClick={() => setEditingClient(true)}>
              Edit client
            </Button>
            {client.redFlags.map((flag) => (
              <Badge key={flag.id} color="red" variant="light" leftSection={<IconFlag size={12} />}>
                {flag.kind === 'no_show' ? 'No-show' : 'Red flag'}
                {flag.note && `: ${flag.note}`}
              </Badge>
            ))}
          </Group>
        </Stack>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          <PrepRoomButton interviewId={detail.interview.id} />
          <CallButton detail={detail} />
          <StatusMenu detail={detail} />
          <DeleteButton detail={detail} />
        </Group>
      </Group>
      <ScheduleLine detail={detail} />
      {editingClient && <EditClientModal client={client} onClose={() => setEditingClient(false)} />}
    </Stack>
  )
}

export function InterviewPage() {
  const { id = '' } = useParams()
  const { settings } = useSettings()
  const zone = settings?.timeZone ?? 'UTC'
  const [tab, setTab] = useState<string>('overview')
  const detail = useQuery(() => window.greenroom.getInterview({ id }), [id])
  return (
    <QueryState query={detail}>
      {(loaded) => (
        <>
          <Header detail={loaded} />
          <Tabs value={tab} onChange={(value) => value && setTab(value)} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="overview">Overview</Tabs.Tab>
              <Tabs.Tab value="job">Job post</Tabs.Tab>
              <Tabs.Tab value="proposal">Proposal</Tabs.Tab>
              <Tabs.Tab value="offers">Offers{loaded.offers.length ? ` (${loaded.offers.length})` : ''}</Tabs.Tab>
              <Tabs.Tab value="notes">Notes{loaded.notes.length ? ` (${loaded.notes.length})` : ''}</Tabs.Tab>
              <Tabs.Tab value="calls">Calls</Tabs.Tab>
              <Tabs.Tab value="history">History</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="overview">
              <OverviewSection detail={loaded} zone={zone} />
            </Tabs.Panel>
            <Tabs.Panel value="job">
              <JobSection job={loaded.job} />
            </Tabs.Panel>
            <Tabs.Panel value="proposal">
              <ProposalSection detail={loaded} zone={zone} />
            </Tabs.Panel>
            <Tabs.Panel value="offers">
              <OffersSection detail={loaded} zone={zone} />
            </Tabs.Panel>
            <Tabs.Panel value="notes">
              <NotesSection detail={loaded} zone={zone} />
            </Tabs.Panel>
            <Tabs.Panel value="calls">
              <CallsSection interviewId={loaded.interview.id} zone={zone} />
            </Tabs.Panel>
            <Tabs.Panel value="history">
              <HistorySection detail={loaded} zone={zone} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </QueryState>
  )
}
