import { Anchor, Badge, Box, Group, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArrowLeft, IconCalendarEvent } from '@tabler/icons-react'
import { DateTime } from 'luxon'
import { useRef, useState } from 'react'
import { Link, useParams } from 'react-router'
import type { InterviewDetail } from '@shared/pipeline'
import type { PrepRoom } from '@shared/prep'
import { describeInBothZones } from '@shared/schedule'
import { now } from '@renderer/clock'
import { QueryState } from '@renderer/components/QueryState'
import { StatusBadge } from '@renderer/components/StatusBadge'
import { useSettings } from '@renderer/hooks/settings-context'
import { useQuery } from '@renderer/hooks/useQuery'
import { CallButton } from '@renderer/features/companion/CallButton'
import { AskClientPanel } from './AskClientPanel'
import { AttachedSamplesPanel } from './AttachedSamplesPanel'
import { ChecklistPanel } from './ChecklistPanel'
import { JobPostPanel } from './JobPostPanel'
import { NotesEditor, type NotesEditorHandle } from './notes/NotesEditor'
import { QuestionsPanel } from './QuestionsPanel'
import { ResearchPanel } from './ResearchPanel'
import { QuestionsTab } from './QuestionsTab'
import { useHourCycle } from '@renderer/hooks/useHourCycle'

function Header({ detail, zone }: { detail: InterviewDetail; zone: string }) {
  const cycle = useHourCycle()
  const { interview, client } = detail
  const schedule = interview.schedule
  const startsIn = schedule ? DateTime.fromISO(schedule.startsAt).toRelative() : null
  return (
    <Stack gap={6} mb="lg">
      <Anchor component={Link} to={`/interviews/${interview.id}`} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> {interview.title}
        </Group>
      </Anchor>
      <Group gap="sm" align="center">
        <Title order={1} size="h2">
          Prep room
        </Title>
        <StatusBadge status={interview.status} size="lg" />
        <Box ml="auto">
          <CallButton detail={detail} />
        </Box>
      </Group>
      <Group gap="md">
        <Text>
          {interview.title} · {client.name}
          {client.company && (
            <Text span c="dimmed">
              {' '}
              · {client.company}
            </Text>
          )}
        </Text>
        <Group gap={6}>
          <IconCalendarEvent size={16} aria-hidden />
          <Text size="sm" fw={500} aria-label="Call time">
            {schedule
              ? `${describeInBothZones(schedule.startsAt, zone, client.timeZone ?? schedule.timeZone, cycle)} · ${schedule.durationMinutes} min`
              : 'Not scheduled yet'}
          </Text>
          {startsIn && schedule && new Date(schedule.startsAt) > now() && (
            <Badge variant="light" color="indigo">
              {startsIn}
            </Badge>
          )}
        </Group>
      </Group>
    </Stack>
  )
}

function Room({ detail, room, zone }: { detail: InterviewDetail; room: PrepRoom; zone: string }) {
  const [tab, setTab] = useState('notes')
  const notes = useRef<NotesEditorHandle>(null)
  // The notes editor keeps its own text once open; later reloads of the room must not reset it.
  const [initialNotes] = useState(room.notes)
  const quote = (text: string) => {
    setTab('notes')
    notes.current?.insert(text)
    notifications.show({ message: 'Quoted in your notes' })
  }
  const clientLabel = detail.client.company || detail.client.name
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChecklistPanel room={room} zone={zone} />
        <JobPostPanel job={detail.job} interviewId={detail.interview.id} onQuote={quote} height={560} />
      </SimpleGrid>
      <Tabs value={tab} onChange={(value) => value && setTab(value)}>
        <Tabs.List mb="md">
          <Tabs.Tab value="notes">Notes</Tabs.Tab>
          <Tabs.Tab value="research">Company research</Tabs.Tab>
          <Tabs.Tab value="samples">Samples{room.samples.length ? ` (${room.samples.length})` : ''}</Tabs.Tab>
          <QuestionsTab room={room} />
          <Tabs.Tab value="ask">Ask the client</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="notes">
          <NotesEditor
            handleRef={notes}
            label="Prep notes"
            draftKey={detail.interview.id}
            initialValue={initialNotes.body}
            version={initialNotes.updatedAt}
            placeholder={'What to say first, what to ask, what to show…\n\n## Questions for them\n- \n\n## Points to make\n- '}
            onSave={async (body) => (await window.greenroom.savePrepNotes({ interviewId: detail.interview.id, body })).updatedAt}
          />
        </Tabs.Panel>
        <Tabs.Panel value="research">
          <ResearchPanel research={room.research} clientLabel={clientLabel} />
        </Tabs.Panel>
        <Tabs.Panel value="samples">
          <AttachedSamplesPanel room={room} />
        </Tabs.Panel>
        <Tabs.Panel value="questions">
          <QuestionsPanel room={room} />
        </Tabs.Panel>
        <Tabs.Panel value="ask">
          <AskClientPanel detail={detail} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}

/** An interview's prep room: everything to arrive irrationally prepared, and to keep at hand in the call. */
export function PrepRoomPage() {
  const { id = '' } = useParams()
  const { settings } = useSettings()
  const zone = settings?.timeZone ?? 'UTC'
  const detail = useQuery(() => window.greenroom.getInterview({ id }), [id])
  const room = useQuery(() => window.greenroom.getPrepRoom({ interviewId: id }), [id])
  return (
    <QueryState query={detail}>
      {(loadedDetail) => (
        <>
          <Header detail={loadedDetail} zone={zone} />
          <QueryState query={room}>{(loadedRoom) => <Room key={id} detail={loadedDetail} room={loadedRoom} zone={zone} />}</QueryState>
        </>
      )}
    </QueryState>
  )
}
