import { createEvents, type EventAttributes } from 'ics'
import { interviewLink } from '../../../shared/deep-link'
import { ApiError } from '../../../shared/errors'
import { isHeldElsewhere } from '../../../shared/join-window'
import { CHANNELS, type InterviewSummary, type Job } from '../../../shared/pipeline'
import { leadText } from '../../../shared/reminder-text'
import type { Settings } from '../../../shared/settings'
import type { Clock } from '../../../shared/time-source'
import type { Database } from '../database'
import { createInterviewsService } from '../pipeline/interviews'

/** An interview's prep checklist, as its prep room keeps it. */
export type ChecklistSource = (interviewId: string) => Promise<{ label: string; done: boolean }[]>

/** RFC 5545 §3.1: content lines are folded so that none is longer than 75 octets. */
const MAX_LINE_OCTETS = 75

/**
 * Refolds a calendar file by octets. The ics package folds by characters, so a line of
 * umlauts or emoji ran past the limit. Folds fall between characters, never inside one.
 */
export function foldByOctets(text: string): string {
  const unfolded = text.replace(/\r\n[ \t]/g, '')
  return unfolded
    .split('\r\n')
    .map((line) => {
      const parts: string[] = []
      let current = ''
      let octets = 0
      // The first line may hold 75 octets; each continuation starts with a space.
      let room = MAX_LINE_OCTETS
      for (const character of line) {
        const size = Buffer.byteLength(character, 'utf8')
        if (octets + size > room) {
          parts.push(current)
          current = ''
          octets = 0
          room = MAX_LINE_OCTETS - 1
        }
        current += character
        octets += size
      }
      parts.push(current)
      return parts.join('\r\n ')
    })
    .join('\r\n')
}

function eventFor(
  interview: InterviewSummary,
  job: Job | null,
  checklist: { label: string; done: boolean }[],
  alarmLeads: number[]
): EventAttributes {
  const schedule = interview.schedule!
  const link = /^https?:\/\//.test(interview.channelLink) ? interview.channelLink : undefined
  const description = [
    `${CHANNELS[interview.channel]}${link ? `: ${link}` : ''}`,
    `Agreed for ${schedule.durationMinutes} minutes (${schedule.timeZone}).`,
    job?.url ? `Job post: ${job.url}` : '',
    '',
    // Deep links: a click in the calendar opens the prep room, or the companion beside another app's call.
    `Prepare in Greenroom: ${interviewLink(interview.id)}`,
    isHeldElsewhere(interview.channel) ? `Notes during the call: ${interviewLink(interview.id, 'companion')}` : '',
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
    // The event's own link (shown by most calendar apps) opens its prep room in Greenroom.
    url: interviewLink(interview.id),
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
    // The same lead times as Greenroom's own reminders (Settings).
    alarms: alarmLeads.map((minutes) => ({
      action: 'display',
      description: `${interview.title} with ${interview.clientName} in ${leadText(minutes)}`,
      trigger: { minutes, before: true }
    })),
    productId: 'greenroom/calendar'
  }
}

function render(events: EventAttributes[]): string {
  const { error, value } = createEvents(events, { productId: 'greenroom/calendar', calName: 'Greenroom interviews' })
  if (error || !value) throw error ?? new Error('The calendar file could not be written')
  return foldByOctets(value)
}

/** .ics files: one interview, or every upcoming call, for any calendar app. */
export function createCalendarExport({
  db,
  clock,
  checklistFor,
  settings
}: {
  db: Database
  clock: Clock
  checklistFor: ChecklistSource
  settings: () => Promise<Settings>
}) {
  const interviews = createInterviewsService({ db, clock })
  const alarmLeads = async () => (await settings()).reminderLeadMinutes
  return {
    async interview(id: string): Promise<{ fileName: string; text: string }> {
      const detail = await interviews.get(id)
      if (!detail.interview.schedule) throw new ApiError('CONFLICT', 'Schedule the call before adding it to a calendar')
      return {
        fileName: `interview-${detail.interview.schedule.startsAt.slice(0, 10)}.ics`,
        text: render([eventFor(detail.interview, detail.job, await checklistFor(id), await alarmLeads())])
      }
    },
    async upcoming(): Promise<{ fileName: string; text: string; count: number }> {
      const now = clock.now().toISOString()
      const scheduled = (await interviews.list({ statuses: ['scheduled'], limit: 1000 })).filter(
        (interview) => interview.schedule && interview.schedule.startsAt >= now
      )
      const events: EventAttributes[] = []
      const leads = await alarmLeads()
      for (const interview of scheduled)
        events.push(
          eventFor(interview, interview.jobId ? (await interviews.get(interview.id)).job : null, await checklistFor(interview.id), leads)
        )
      return { fileName: 'greenroom-upcoming.ics', text: render(events), count: events.length }
    }
  }
}
