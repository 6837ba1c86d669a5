import { Box, Text, Tooltip } from '@mantine/core'
import { DateTime } from 'luxon'
import { Link } from 'react-router'
import type { InterviewSummary } from '@shared/pipeline'
import { cityOf } from '@shared/schedule'
import type { Settings } from '@shared/settings'
import { STATUS_COLORS } from '@renderer/components/StatusBadge'
import classes from './TimeGrid.module.css'
import { formatClock, formatClockText } from '@shared/time-format'
import { useHourCycle } from '@renderer/hooks/useHourCycle'

const HOUR_HEIGHT = 48
const MIN_BLOCK_HEIGHT = 22

function hourOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number)
  return hours! + minutes! / 60
}

function hoursFrom(day: DateTime, instant: DateTime): number {
  return instant.diff(day, 'hours').hours
}

/** The hours to draw: working hours, widened to take in every call shown. */
function visibleHours(days: DateTime[], calls: InterviewSummary[], workingHours: Settings['workingHours'], zone: string): [number, number] {
  let first = Math.floor(hourOf(workingHours.start))
  let last = Math.ceil(hourOf(workingHours.end))
  for (const call of calls) {
    const start = DateTime.fromISO(call.schedule!.startsAt).setZone(zone)
    const day = days.find((candidate) => candidate.hasSame(start, 'day'))
    if (!day) continue
    first = Math.min(first, Math.floor(hoursFrom(day, start)))
    last = Math.max(last, Math.ceil(hoursFrom(day, start.plus({ minutes: call.schedule!.durationMinutes }))))
  }
  return [Math.max(0, first - 1), Math.min(24, last + 1)]
}

function CallBlock({ call, day, firstHour, zone }: { call: InterviewSummary; day: DateTime; firstHour: number; zone: string }) {
  const cycle = useHourCycle()
  const schedule = call.schedule!
  const start = DateTime.fromISO(schedule.startsAt).setZone(zone)
  const end = start.plus({ minutes: schedule.durationMinutes })
  const clientZone = call.clientTimeZone ?? schedule.timeZone
  const theirs =
    clientZone !== zone ? ` · ${formatClock(DateTime.fromISO(schedule.startsAt).setZone(clientZone), cycle)} in ${cityOf(clientZone)}` : ''
  const flag = call.clientHasRedFlags ? ' · ⚑ red flag' : ''
  // The visible lines, in full: the accessible name holds exactly what is shown.
  const label = `${formatClock(start, cycle)}–${formatClock(end, cycle)} ${call.title}, ${call.clientName}${flag}${theirs}`
  const top = (hoursFrom(day, start) - firstHour) * HOUR_HEIGHT
  const height = Math.max(MIN_BLOCK_HEIGHT, (schedule.durationMinutes / 60) * HOUR_HEIGHT - 2)
  const color = STATUS_COLORS[call.status]
  return (
    <Tooltip label={label} openDelay={300}>
      <Box
        component={Link}
        to={`/interviews/${call.id}`}
        aria-label={label}
        className={classes.block}
        data-past={call.status !== 'scheduled' || undefined}
        style={{ top, height, borderLeftColor: `var(--mantine-color-${color}-6)`, background: `var(--mantine-color-${color}-light)` }}
      >
        <Text size="xs" fw={700} lh={1.2} truncate>
          {formatClock(start, cycle)}–{formatClock(end, cycle)} {call.title}
        </Text>
        {height >= 34 && (
          <Text size="xs" c="dimmed" lh={1.2} truncate>
            {call.clientName}
            {flag}
            {theirs}
          </Text>
        )}
      </Box>
    </Tooltip>
  )
}

/** Days side by side, hours down, calls as blocks; working hours shaded and a line at now. */
export function TimeGrid({
  days,
  calls,
  workingHours,
  zone,
  now
}: {
  days: DateTime[]
  calls: InterviewSummary[]
  workingHours: Settings['workingHours']
  zone: string
  now: DateTime
}) {
  const cycle = useHourCycle()
  const [firstHour, lastHour] = visibleHours(days, calls, workingHours, zone)
  const hours = Array.from({ length: lastHour - firstHour }, (_, index) => firstHour + index)
  const height = hours.length * HOUR_HEIGHT
  const workTop = (hourOf(workingHours.start) - firstHour) * HOUR_HEIGHT
  const workHeight = (hourOf(workingHours.end) - hourOf(workingHours.start)) * HOUR_HEIGHT

  return (
    <div
      className={classes.grid}
      style={{ gridTemplateColumns: `56px repeat(${days.length}, minmax(0, 1fr))` }}
      role="group"
      aria-label="Calls on a time grid"
    >
      <div />
      {days.map((day) => (
        <div key={day.toISODate()} className={classes.dayHeader} data-today={day.hasSame(now, 'day') || undefined}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {day.toFormat('ccc')}
          </Text>
          <Text fw={700}>{day.toFormat('d')}</Text>
        </div>
      ))}
      <div className={classes.hours} style={{ height }} aria-hidden>
        {hours.map((hour) => (
          <Text key={hour} size="xs" c="dimmed" className={classes.hourLabel} style={{ top: (hour - firstHour) * HOUR_HEIGHT }}>
            {formatClockText(`${String(hour).padStart(2, '0')}:00`, cycle)}
          </Text>
        ))}
      </div>
      {days.map((day) => {
        const working = workingHours.days.includes(day.weekday)
        const dayCalls = calls.filter((call) => DateTime.fromISO(call.schedule!.startsAt).setZone(zone).hasSame(day, 'day'))
        const nowOffset = day.hasSame(now, 'day') ? (hoursFrom(day, now) - firstHour) * HOUR_HEIGHT : null
        return (
          <div key={day.toISODate()} className={classes.column} style={{ height, backgroundSize: `100% ${HOUR_HEIGHT}px` }}>
            {working && <div className={classes.workingHours} style={{ top: workTop, height: workHeight }} aria-hidden />}
            {nowOffset !== null && nowOffset >= 0 && nowOffset <= height && (
              <div className={classes.now} style={{ top: nowOffset }} aria-hidden />
            )}
            {dayCalls.map((call) => (
              <CallBlock key={call.id} call={call} day={day} firstHour={firstHour} zone={zone} />
            ))}
          </div>
        )
      })}
    </div>
  )
}
