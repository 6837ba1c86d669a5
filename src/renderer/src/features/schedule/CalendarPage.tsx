import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCalendarEvent, IconDownload } from '@tabler/icons-react'
import { DateTime } from 'luxon'
import { useState } from 'react'
import { Link } from 'react-router'
import type { InterviewSummary } from '../../../../shared/pipeline'
import { cityOf } from '../../../../shared/schedule'
import { PageHeader } from '../../components/PageHeader'
import { Placeholder } from '../../components/Placeholder'
import { QueryState } from '../../components/QueryState'
import { useSettings } from '../../hooks/settings-context'
import { errorMessage, useQuery } from '../../hooks/useQuery'
import { downloadText } from '../../components/download'
import { describeWorkingHours } from '../settings/working-hours-text'

type Span = 'day' | 'week'

function CallRow({ interview, zone }: { interview: InterviewSummary; zone: string }) {
  const schedule = interview.schedule!
  const start = DateTime.fromISO(schedule.startsAt).setZone(zone)
  const end = start.plus({ minutes: schedule.durationMinutes })
  const clientZone = interview.clientTimeZone ?? schedule.timeZone
  const theirs = DateTime.fromISO(schedule.startsAt).setZone(clientZone)
  return (
    <Paper withBorder radius="md" p="sm" component={Link} to={`/interviews/${interview.id}`} style={{ textDecoration: 'none', color: 'inherit' }}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="md" wrap="nowrap">
          <Stack gap={0} w={110}>
            <Text fw={700}>
              {start.toFormat('HH:mm')}–{end.toFormat('HH:mm')}
            </Text>
            {clientZone !== zone && (
              <Text size="xs" c="dimmed">
                {theirs.toFormat('HH:mm')} in {cityOf(clientZone)}
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
        <Badge variant="light">{schedule.durationMinutes} min</Badge>
      </Group>
    </Paper>
  )
}

/** Scheduled calls by day, in your zone with each client's time beside. */
export function CalendarPage() {
  const { settings } = useSettings()
  const zone = settings?.timeZone ?? 'UTC'
  const [span, setSpan] = useState<Span>('week')
  const scheduled = useQuery(() => window.greenroom.listInterviews({ statuses: ['scheduled'], limit: 500 }), [])
  const from = DateTime.now().setZone(zone).startOf('day')
  const to = from.plus({ days: span === 'day' ? 1 : 7 })

  return (
    <>
      <PageHeader
        title="Calendar"
        description="Your interviews by day and week, in your time zone with the client's beside it."
        actions={
          <Group gap="sm" wrap="nowrap">
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
          <SegmentedControl
            aria-label="Span"
            value={span}
            data={[
              { value: 'day', label: 'Today' },
              { value: 'week', label: 'Next 7 days' }
            ]}
            onChange={(value) => setSpan(value as Span)}
          />
          </Group>
        }
      />
      <QueryState query={scheduled}>
        {(loaded) => {
          const upcoming = loaded
            .filter((interview) => interview.schedule)
            .filter((interview) => {
              const start = DateTime.fromISO(interview.schedule!.startsAt)
              return start >= from && start < to
            })
            .sort((a, b) => a.schedule!.startsAt.localeCompare(b.schedule!.startsAt))
          if (upcoming.length === 0) {
            return (
              <Placeholder
                icon={<IconCalendarEvent size={32} aria-hidden />}
                title="Nothing scheduled"
                description={`No calls ${span === 'day' ? 'today' : 'in the next 7 days'}. Schedule one from its interview page. You take calls ${settings ? describeWorkingHours(settings.workingHours) : ''} (${zone}), ${settings?.defaultCallMinutes ?? 15} minutes unless agreed otherwise.`}
              />
            )
          }
          const days = new Map<string, InterviewSummary[]>()
          for (const interview of upcoming) {
            const day = DateTime.fromISO(interview.schedule!.startsAt).setZone(zone).toISODate()!
            days.set(day, [...(days.get(day) ?? []), interview])
          }
          return (
            <Stack gap="lg">
              {[...days.entries()].map(([day, calls]) => (
                <Stack key={day} gap="xs" component="section" aria-label={DateTime.fromISO(day).toFormat('cccc d LLLL')}>
                  <Title order={2} size="h5">
                    {DateTime.fromISO(day).toFormat('cccc d LLLL')}
                  </Title>
                  {calls.map((interview) => (
                    <CallRow key={interview.id} interview={interview} zone={zone} />
                  ))}
                </Stack>
              ))}
            </Stack>
          )
        }}
      </QueryState>
    </>
  )
}
