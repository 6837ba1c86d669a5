import ICAL from 'ical.js'
import { DateTime } from 'luxon'
import { channelNamedIn, findCallLink } from './links'
import {
  askForZone,
  MAX_INVITATION_CHARACTERS,
  placeInZone,
  plausibleLength,
  refused,
  type InvitationDetails,
  type InvitationReading
} from './reading'
import { readTzid } from './zones'

/**
 * Reads a calendar invitation (.ics) with ical.js: the first event's start (with its
 * TZID, in UTC, or floating), its end or duration, summary, and join link. The zone's
 * rules come from the IANA database, not from the file's VTIMEZONE, so a TZID must name
 * a zone Greenroom knows (IANA or Windows); otherwise the user is asked.
 */

/** Where calendar apps put the join link, best first. */
const LINK_PROPERTIES = [
  'x-google-conference',
  'x-microsoft-skypeteamsmeetingurl',
  'x-microsoft-onlinemeetingexternallink',
  'location',
  'url',
  'description'
]

interface IcsTime {
  /** "2026-12-03T11:00" as written. */
  wallClock: string
  utc: boolean
  tzid: string | null
  allDay: boolean
}

function timeOf(property: ICAL.Property): IcsTime {
  const value = property.getFirstValue() as ICAL.Time
  const raw = String(property.toJSON()[3])
  const tzid = property.getParameter('tzid')
  return {
    wallClock: value.isDate ? raw : raw.slice(0, 16),
    utc: raw.endsWith('Z'),
    tzid: typeof tzid === 'string' ? tzid : null,
    allDay: value.isDate
  }
}

function textOf(event: ICAL.Component, name: string): string {
  return event
    .getAllProperties(name)
    .map((property) => String(property.getFirstValue() ?? ''))
    .join('\n')
}

export function readInvitationIcs(text: string): InvitationReading {
  if (text.length > MAX_INVITATION_CHARACTERS) return refused('This file is too large to be an invitation')
  let calendar: ICAL.Component
  try {
    const parsed = ICAL.parse(text)
    // A file holding several calendars parses to a list of them: read the first.
    calendar = new ICAL.Component((Array.isArray(parsed[0]) ? parsed[0] : parsed) as unknown as unknown[])
  } catch {
    return refused('This is not a calendar file Greenroom can read (.ics)')
  }
  if (calendar.name !== 'vcalendar') return refused('This is not a calendar file Greenroom can read (.ics)')
  if (String(calendar.getFirstPropertyValue('method') ?? '').toUpperCase() === 'CANCEL')
    return refused('This file cancels a meeting rather than inviting to one')

  // Changed single occurrences of a repeating meeting (RECURRENCE-ID) are not the meeting itself.
  const events = calendar.getAllSubcomponents('vevent').filter((event) => !event.hasProperty('recurrence-id'))
  const event = events[0]
  if (!event) return refused('The file holds no event')
  const notes: string[] = []
  if (events.length > 1)
    notes.push(
      `The file holds ${events.length} events; Greenroom read the first, “${String(event.getFirstPropertyValue('summary') ?? '')}”`
    )
  if (event.hasProperty('rrule')) notes.push('The meeting repeats; Greenroom schedules its first time')

  const startProperty = event.getFirstProperty('dtstart')
  if (!startProperty) return refused('No time found: the event has no start', notes)
  const start = timeOf(startProperty)
  if (start.allDay) {
    const day = DateTime.fromISO(start.wallClock).toFormat('cccc d LLLL yyyy')
    return refused(`It is an all-day event on ${day}, with no time of day: ask the client when the call is`, notes)
  }

  const summary = String(event.getFirstPropertyValue('summary') ?? '').trim()
  const linkText = LINK_PROPERTIES.map((name) => textOf(event, name)).join('\n')
  const call = findCallLink(linkText)
  const channel = call?.channel ?? channelNamedIn(linkText) ?? undefined
  if (!call) notes.push(channel ? 'No join link found: add it once you have it' : 'No join link found')

  const zone = start.utc ? { zone: 'UTC' } : start.tzid ? readTzid(start.tzid) : null
  const minutes = lengthOf(event, start, zone?.zone ?? 'UTC')
  const length = minutes === undefined ? undefined : plausibleLength(minutes, notes)
  const details: InvitationDetails = {
    ...(length !== undefined && { durationMinutes: length }),
    ...(call && { link: call.link }),
    ...(channel && { channel }),
    ...(summary && { title: summary.slice(0, 200) })
  }
  if (details.durationMinutes === undefined) notes.push('The invitation does not say how long the call is')

  if (!zone) {
    const why = start.tzid
      ? `Greenroom does not know the file’s zone “${start.tzid.slice(0, 80)}”`
      : 'The time has no zone (the file gives a “floating” time)'
    return askForZone(start.wallClock, details, notes, why)
  }
  if (zone.note) notes.push(zone.note)
  if (start.utc) notes.push('The file gives the time in UTC')
  return placeInZone(start.wallClock, zone.zone, details, notes)
}

/** Minutes from DTSTART to DTEND (each in its own zone), or the DURATION. */
function lengthOf(event: ICAL.Component, start: IcsTime, startZone: string): number | undefined {
  const duration = event.getFirstPropertyValue('duration')
  if (duration instanceof ICAL.Duration) return Math.round(duration.toSeconds() / 60)
  const endProperty = event.getFirstProperty('dtend')
  if (!endProperty) return undefined
  const end = timeOf(endProperty)
  if (end.allDay) return undefined
  const endZone = end.utc ? 'UTC' : end.tzid ? (readTzid(end.tzid)?.zone ?? startZone) : startZone
  const from = DateTime.fromISO(start.wallClock, { zone: startZone })
  const to = DateTime.fromISO(end.wallClock, { zone: endZone })
  return Math.round(to.diff(from, 'minutes').minutes)
}
