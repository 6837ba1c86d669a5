import { DateTime } from 'luxon'
import type { InterviewSummary } from './pipeline'
import type { ReminderAlert, UpcomingCall } from './reminders'
import { describeInBothZones } from './schedule'
import { formatDayAndClock, type HourCycle } from './time-format'

/** "1 day", "2 hours", "10 minutes": a lead time as people say it. */
export function leadText(minutes: number): string {
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`
  if (minutes % 1440 === 0) return plural(minutes / 1440, 'day')
  if (minutes % 60 === 0) return plural(minutes / 60, 'hour')
  return plural(minutes, 'minute')
}

/** "Maya Chen (Brightloop)", or just the name. */
export function whoText(interview: Pick<InterviewSummary, 'clientName' | 'clientCompany'>): string {
  return interview.clientCompany ? `${interview.clientName} (${interview.clientCompany})` : interview.clientName
}

/** "in 10 minutes", "started 3 minutes ago", "now": the call's start seen from `now`. */
export function startsText(startIso: string, now: Date): string {
  const minutes = Math.round((new Date(startIso).getTime() - now.getTime()) / 60_000)
  if (minutes === 0) return 'now'
  const span = Math.abs(minutes) >= 90 ? leadText(Math.round(Math.abs(minutes) / 60) * 60) : leadText(Math.abs(minutes))
  return minutes > 0 ? `in ${span}` : `started ${span} ago`
}

/** Title and body of a reminder, the same in a system notification and in the app. */
export function reminderText(alert: ReminderAlert, userZone: string, now: Date, cycle: HourCycle): { title: string; body: string } {
  const { interview } = alert
  const schedule = interview.schedule
  const when = schedule ? describeInBothZones(schedule.startsAt, userZone, interview.clientTimeZone ?? schedule.timeZone, cycle) : ''
  const length = schedule ? ` · ${schedule.durationMinutes} min` : ''
  if (alert.kind === 'no_show') {
    return {
      title: `Did ${interview.clientName} come to the call?`,
      body: `${interview.title} · ${when}. Answer in Greenroom: a no-show flags the client.`
    }
  }
  const starts = schedule ? startsText(schedule.startsAt, now) : ''
  const title =
    alert.state === 'missed' ? `Missed reminder: call with ${whoText(interview)} ${starts}` : `Call with ${whoText(interview)} ${starts}`
  return { title, body: `${interview.title} · ${when}${length}` }
}

/** A tray line: "Tue 24 Nov, 15:00 · Maya Chen (Brightloop) · 60% ready". */
export function upcomingCallText(call: UpcomingCall, userZone: string, cycle: HourCycle): string {
  const start = call.interview.schedule
    ? formatDayAndClock(DateTime.fromISO(call.interview.schedule.startsAt).setZone(userZone), cycle)
    : 'Unscheduled'
  const ready = call.readiness === null ? '' : ` · ${Math.round(call.readiness * 100)}% ready`
  return `${start} · ${whoText(call.interview)}${ready}`
}

/** Where a reminder leads: the prep room before a call, the interview page for the no-show question. */
export function reminderPath(alert: Pick<ReminderAlert, 'kind' | 'interview'>): string {
  return alert.kind === 'no_show' ? `/interviews/${alert.interview.id}` : `/interviews/${alert.interview.id}/prep`
}
