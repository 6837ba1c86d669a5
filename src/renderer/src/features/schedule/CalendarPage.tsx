import { ActionIcon, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCalendarEvent, IconChevronLeft, IconChevronRight, IconDownload } from '@tabler/icons-react'
import { DateTime } from 'luxon'
import { useState } from 'react'
import { Link } from 'react-router'
import type { InterviewSummary } from '@shared/pipeline'
import { cityOf } from '@shared/schedule'
import { PageHeader } from '@renderer/components/PageHeader'
import { Placeholder } from '@renderer/components/Placeholder'
import { QueryState } from '@renderer/components/QueryState'
import { StatusBadge } from '@renderer/components/StatusBadge'
import { useSettings } from '@renderer/hooks/settings-context'
import { errorMessage, useQuery } from '@renderer/hooks/useQuery'
import { downloadText } from '@renderer/components/download'
import { describeWorkingHours } from '@renderer/components/working-hours-text'
import { TimeGrid } from './TimeGrid'
import { formatClock } from '@shared/time-format'
import { useHourCycle } from '@renderer/hooks/useHourCycle'

type Span = 'day' | 'week'

function CallRow({ interview, zone }: { interview: InterviewSummary; zone: string }) {
  const cycle = useHourCycle()
  const schedule = interview.schedule!
  const start = DateTime.fromISO(schedule.startsAt).setZone(zone)
  const end = start.plus({ minutes: schedule.durationMinutes })
  const clientZone = interview.clientTimeZone ?? schedule.timeZone
  const theirs = DateTime.fromISO(schedule.startsAt).setZone(clientZone)
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component={Link}
      to={`/interviews/${interview.id}`}
      style={{ textDecoration: 'none', color: 'inherit' }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Group gap="md" wrap="nowrap">
          <Stack gap={0} w={110}>
            <Text fw={700}>
              {formatClock(start, cycle)}–{formatClock(end, cycle)}
            </Text>
            {clientZone !== zone && (
              <Text size="xs" c="dimmed">
                {formatClock(theirs, cycle)} in {cityOf(clientZone)}
              </Text>
            )}
          </Stack>
          <div>
            <Text fw={600}>{interview.title}</Text>
            <Text size="sm" c="dimmed">
              {interview.clientName}
              {interview.clientCompany && ` · ${interview.clientCompany}`}
            </Text>
          </div>
        </Group>
        <Group gap="xs" wrap="nowrap">
          {interview.clientHasRedFlags && (
            <Badge color="red" variant="outline">
              Red flag
            </Badge>
          )}
          {interview.status !== 'scheduled' && <StatusBadge status={interview.status} />}
          <Badge variant="light">{schedule.durationMinutes} min</Badge>
        </Group>
      </Group>
    </Paper>
  )
}

const SHOWN_STATUSES = ['scheduled', 'done', 'no_show', 'offer', 'no_offer', 'hired'] as const

/** Calls on a day or week time grid, in your zone with each client's time beside; the list below repeats them for reading. */
export function CalendarPage() {
  const { settings } = useSettings()
  const zone = settings?.timeZone ?? 'UTC'
  const [span, setSpan] = useState<Span>('week')
  const [anchor, setAnchor] = useState(() => DateTime.now().setZone(zone).startOf('day'))
  const calls = useQuery(() => window.greenroom.listInterviews({ statuses: [...SHOWN_STATUSES], limit: 500 }), [])
  const now = DateTime.now().setZone(zone)
  const from = span === 'day' ? anchor.setZone(zone).startOf('day') : anchor.setZone(zone).startOf('week')
  const to = from.plus({ days: span === 'day' ? 1 : 7 })
  const days = Array.from({ length: span === 'day' ? 1 : 7 }, (_, index) => from.plus({ days: index }))
  const step = (direction: 1 | -1) => setAnchor(anchor.plus(span === 'day' ? { days: direction } : { weeks: direction }))
  const unit = span === 'day' ? 'day' : 'week'
  const rangeLabel =
    span === 'day' ? from.toFormat('cccc d LLLL yyyy') : `${from.toFormat('d LLL')} – ${to.minus({ days: 1 }).toFormat('d LLL yyyy')}`

  return (
    <>
      <PageHeader
        title="Calendar"
        description="Your interviews by day and week, in your time zone with the client's beside it."
        actions={
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            onClick={async () => {
              try {
                const file = await window.greenroom.exportUpcomingCalendar()
                if (file.count === 0) notifications.show({ message: 'No upcoming calls to export' })
                else downloadText(file.text, file.fileName, 'text/calendar')
              } catch (error) {
                notifications.show({ color: 'red', message: errorMessage(error) })
              }
            }}
          >
            Export upcoming (.ics)
          </Button>
        }
      />
      <Group justify="space-between" mb="md">
        <Group gap="xs">
          <Button variant="default" size="sm" onClick={() => setAnchor(now.startOf('day'))}>
            Today
          </Button>
          <ActionIcon variant="default" size="lg" aria-label={`Previous ${unit}`} onClick={() => step(-1)}>
            <IconChevronLeft size={18} />
          </ActionIcon>
          <ActionIcon variant="default" size="lg" aria-label={`Next ${unit}`} onClick={() => step(1)}>
            <IconChevronRight size={18} />
          </ActionIcon>
          <Title order={2} size="h4" ml="xs" aria-live="polite">
            {rangeLabel}
          </Title>
        </Group>
        <SegmentedControl
          aria-label="Span"
          value={span}
          data={[
            { value: 'day', label: 'Day' },
            { value: 'week', label: 'Week' }
          ]}
          onChange={(value) => setSpan(value as Span)}
        />
      </Group>
      <QueryState query={calls}>
        {(loaded) => {
          const shown = loaded
            .filter((interview) => interview.schedule)
            .filter((interview) => {
              const start = DateTime.fromISO(interview.schedule!.startsAt)
              return start >= from && start < to
            })
            .sort((a, b) => a.schedule!.startsAt.localeCompare(b.schedule!.startsAt))
          const byDay = new Map<string, InterviewSummary[]>()
          for (const interview of shown) {
            const day = DateTime.fromISO(interview.schedule!.startsAt).setZone(zone).toISODate()!
            byDay.set(day, [...(byDay.get(day) ?? []), interview])
          }
          return (
            <Stack gap="lg">
              {settings && <TimeGrid days={days} calls={shown} workingHours={settings.workingHours} zone={zone} now={now} />}
              {shown.length === 0 ? (
                <Placeholder
                  icon={<IconCalendarEvent size={32} aria-hidden />}
                  title="Nothing scheduled"
                  description={`No calls ${span === 'day' ? 'on this day' : 'this week'}. Schedule one from its interview page. You take calls ${settings ? describeWorkingHours(settings.workingHours) : ''} (${zone}), ${settings?.defaultCallMinutes ?? 15} minutes unless agreed otherwise.`}
                />
              ) : (
                <Stack gap="lg" component="section" aria-label="Calls as a list">
                  {[...byDay.entries()].map(([day, dayCalls]) => (
                    <Stack key={day} gap="xs" component="section" aria-label={DateTime.fromISO(day).toFormat('cccc d LLLL')}>
                      <Title order={3} size="h5">
                        {DateTime.fromISO(day).toFormat('cccc d LLLL')}
                      </Title>
                      {dayCalls.map((interview) => (
                        <CallRow key={interview.id} interview={interview} zone={zone} />
                      ))}
                    </Stack>
                  ))}
                </Stack>
              )}
            </Stack>
          )
        }}
      </QueryState>
    </>
  )
}
