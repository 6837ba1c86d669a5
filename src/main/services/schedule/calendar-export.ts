import { createEvents, type EventAttributes } from 'ics'
import { ApiError } from '../../../shared/errors'
import { CHANNELS, type InterviewSummary, type Job } from '../../../shared/pipeline'
import type { Clock } from '../clock'
import type { Database } from '../database'
import { createInterviewsService } from '../pipeline/interviews'

/** An interview's prep checklist, as its prep room keeps it. */
export type ChecklistSource = (interviewId: string) => Promise<{ label: string; done: boolean }[]>

/** Alarms before each call: a day, an hour and ten minutes ahead. */
export const ALARM_LEAD_MINUTES = [24 * 60, 60, 10]

function eventFor(interview: InterviewSummary, job: Job | null, checklist: { label: string; done: boolean }[]): EventAttributes {
  const schedule = interview.schedule!
  const link = /^https?:\/\//.test(interview.channelLink) ? interview.channelLink : undefined
  const description = [
    `${CHANNELS[interview.channel]}${link ? `: ${link}` : ''}`,
    `Agreed for ${schedule.durationMinutes} minutes (${schedule.timeZone}).`,
    job?.url ? `Job post: ${job.url}` : '',
    '',
    'Before the call:',
    ...checklist.map((item) => `${item.done ? '☑' : '☐'} ${item.label}`)
  ]
    .filter((line, index, lines) => line !== '' || lines[index - 1] !== '')
    .join('\n')
  const start = new Date(schedule.startsAt)
  return {
    uid: `${interview.id}@greenroom`,
    start: start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: schedule.durationMinutes },
    title: `Interview: ${interview.title} (${interview.clientName})`,
    description,
    // The link goes in LOCATION (and the description), which calendars show clickable. The
    // ics package's URL check refuses links the app keeps (msteams:/l/…, a one-digit port),
    // and one refused link would fail the whole file.
    ...(link ? { location: link } : {}),
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
    alarms: ALARM_LEAD_MINUTES.map((minutes) => ({
      action: 'display',
      description: `${interview.title} with ${interview.clientName} in ${minutes >= 60 ? `${minutes / 60} h` : `${minutes} min`}`,
      trigger: { minutes, before: true }
    })),
    productId: 'greenroom/calendar'
  }
}

function render(events: EventAttributes[]): string {
  const { error, value } = createEvents(events, { productId: 'greenroom/calendar', calName: 'Greenroom interviews' })
  if (error || !value) throw error ?? new Error('The calendar file could not be written')
  return value
}

/** .ics files: one interview, or every upcoming call, for any calendar app. */
export function createCalendarExport({ db, clock, checklistFor }: { db: Database; clock: Clock; checklistFor: ChecklistSource }) {
  const interviews = createInterviewsService({ db, clock })
  return {
    async interview(id: string): Promise<{ fileName: string; text: string }> {
      const detail = await interviews.get(id)
      if (!detail.interview.schedule) throw new ApiError('CONFLICT', 'Schedule the call before adding it to a calendar')
      return { fileName: `interview-${detail.interview.schedule.startsAt.slice(0, 10)}.ics`, text: render([eventFor(detail.interview, detail.job, await checklistFor(id))]) }
    },
    async upcoming(): Promise<{ fileName: string; text: string; count: number }> {
      const now = clock.now().toISOString()
      const scheduled = (await interviews.list({ statuses: ['scheduled'], limit: 1000 })).filter((interview) => interview.schedule && interview.schedule.startsAt >= now)
      const events: EventAttributes[] = []
      for (const interview of scheduled) events.push(eventFor(interview, interview.jobId ? (await interviews.get(interview.id)).job : null, await checklistFor(interview.id)))
      return { fileName: 'greenroom-upcoming.ics', text: render(events), count: events.length }
    }
  }
}
