import { Text, Timeline } from '@mantine/core'
import { STATUS_LABELS, type InterviewDetail } from '@shared/pipeline'
import { formatInstant } from '@renderer/components/time'
import { useHourCycle } from '@renderer/hooks/useHourCycle'
import { useQuery } from '@renderer/hooks/useQuery'

type ScheduleChange = Awaited<ReturnType<typeof window.greenroom.listScheduleHistory>>[number]
type HourCycle = ReturnType<typeof useHourCycle>

/** "Call moved from Wed 25 Nov, 15:30 to Thu 26 Nov, 16:00", in the user's zone. */
function scheduleTitle(change: ScheduleChange, zone: string, cycle: HourCycle): string {
  const at = (iso: string) => formatInstant(iso, zone, cycle)
  if (change.action === 'cancelled')
    return change.previousStartsAt ? `Call cancelled (was ${at(change.previousStartsAt)})` : 'Call cancelled'
  const length = change.durationMinutes ? `, ${change.durationMinutes} min` : ''
  if (change.action === 'rescheduled' && change.previousStartsAt && change.startsAt)
    return `Call moved from ${at(change.previousStartsAt)} to ${at(change.startsAt)}${length}`
  return change.startsAt ? `Call booked for ${at(change.startsAt)}${length}` : 'Call booked'
}

interface Entry {
  title: string
  changedAt: string
  note: string
}

/** Status changes and the call's times, one timeline, oldest first. */
export function HistorySection({ detail, zone }: { detail: InterviewDetail; zone: string }) {
  const cycle = useHourCycle()
  const schedule = useQuery(() => window.greenroom.listScheduleHistory({ interviewId: detail.interview.id }), [detail.interview.id])
  const entries: Entry[] = [
    ...detail.history.map((change) => ({
      title: change.from ? `${STATUS_LABELS[change.from]} → ${STATUS_LABELS[change.to]}` : STATUS_LABELS[change.to],
      changedAt: change.changedAt,
      note: change.note
    })),
    // Booking and cancelling also change the status, which shows their note; a move only shows here.
    ...(schedule.data ?? []).map((change) => ({
      title: scheduleTitle(change, zone, cycle),
      changedAt: change.changedAt,
      note: change.action === 'rescheduled' ? change.note : ''
    }))
  ]
  // Stable: at the same instant the status change stays before the time it came with.
  entries.sort((a, b) => a.changedAt.localeCompare(b.changedAt))
  return (
    <Timeline active={entries.length - 1} bulletSize={14} lineWidth={2} maw={620} aria-label="History">
      {entries.map((entry, index) => (
        <Timeline.Item key={index} title={entry.title}>
          <Text size="xs" c="dimmed">
            {formatInstant(entry.changedAt, zone, cycle)}
          </Text>
          {entry.note && <Text size="sm">{entry.note}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  )
}
