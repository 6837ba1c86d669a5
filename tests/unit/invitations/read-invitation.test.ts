import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readInvitation, type FoundInvitation, type InvitationReading } from '../../../src/shared/invitations'

const NOW = '2026-12-01T09:00:00.000Z'
const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/invitations', name), 'utf8')
const read = (name: string, now = NOW) => readInvitation(fixture(name), { now })

function found(reading: InvitationReading): FoundInvitation {
  if (reading.kind !== 'found') throw new Error(`Expected a call, got ${JSON.stringify(reading)}`)
  return reading.found
}

const ZOOM_LINK = 'https://us06web.zoom.us/j/81234567890?pwd=Yk9hS2t5dE1hQ3ZqRmRBQT09'

describe('reading pasted invitations', () => {
  describe('Zoom', () => {
    it('reads an English invitation in US Eastern time, with its link and topic but no length (Zoom gives none)', () => {
      const reading = read('zoom-en-new-york.txt')
      expect(found(reading)).toEqual({
        startsAt: '2026-12-03T16:00:00.000Z',
        timeZone: 'America/New_York',
        link: ZOOM_LINK,
        channel: 'zoom',
        title: 'Analytics dashboard – intro call'
      })
      expect(reading.notes).toContain('The invitation does not say how long the call is')
    })

    it('reads New York time on the day the clocks go forward (8 March 2026, EDT from 2:00)', () => {
      expect(found(read('zoom-en-new-york-dst.txt'))).toMatchObject({
        startsAt: '2026-03-08T14:00:00.000Z',
        timeZone: 'America/New_York',
        channel: 'zoom'
      })
    })

    it('reads Pacific time the day after the clocks go back (PST, UTC−8)', () => {
      expect(found(read('zoom-en-pacific-dst-end.txt'))).toMatchObject({
        startsAt: '2026-11-02T17:30:00.000Z',
        timeZone: 'America/Los_Angeles',
        link: 'https://zoom.us/j/93456781234?pwd=cXdlcnR5dWlvcA',
        channel: 'zoom'
      })
    })

    it('reads a German invitation ("25.Okt..2026 05:00 PM Amsterdam, Berlin, Rom, Stockholm, Wien") on the day Berlin goes back to CET', () => {
      expect(found(read('zoom-de-berlin-dst-end.txt'))).toEqual({
        startsAt: '2026-10-25T16:00:00.000Z',
        timeZone: 'Europe/Berlin',
        link: 'https://us06web.zoom.us/j/89876543210?pwd=TmVpbldpcmRHZWhlaW0',
        channel: 'zoom',
        title: 'Shop-Relaunch – Kennenlernen'
      })
    })

    it('reads a numeric German date with a 24-hour time in "Mitteleuropäische Zeit"', () => {
      expect(found(read('zoom-de-numeric.txt'))).toMatchObject({
        startsAt: '2026-12-03T16:00:00.000Z',
        timeZone: 'Europe/Berlin',
        channel: 'zoom'
      })
    })

    it('reads a Spanish invitation ("3 dic 2026 10:00 a. m. Ciudad de México")', () => {
      expect(found(read('zoom-es-mexico.txt'))).toEqual({
        startsAt: '2026-12-03T16:00:00.000Z',
        timeZone: 'America/Mexico_City',
        link: 'https://us02web.zoom.us/j/85512349876?pwd=UmV1bmlvblRpZW5kYQ',
        channel: 'zoom',
        title: 'Tienda en línea – entrevista'
      })
    })

    it('reads a French invitation ("Heure : 3 déc. 2026 05:00 PM Paris")', () => {
      expect(found(read('zoom-fr-paris.txt'))).toMatchObject({
        startsAt: '2026-12-03T16:00:00.000Z',
        timeZone: 'Europe/Paris',
        channel: 'zoom',
        title: 'Refonte du site – entretien'
      })
    })
  })

  it('reads Google Meet’s joining info: a range without a year, the "Time zone:" line and the meet.google.com link', () => {
    const reading = read('google-meet.txt')
    expect(found(reading)).toEqual({
      startsAt: '2026-12-03T16:00:00.000Z',
      timeZone: 'America/New_York',
      durationMinutes: 30,
      link: 'https://meet.google.com/abc-defg-hij',
      channel: 'meet',
      title: 'Analytics dashboard intro'
    })
    expect(reading.notes).toContain('The invitation gives no year: read as 2026')
  })

  it('gives a date without a year the next year when this year’s has passed, on the weekday the invitation names', () => {
    const meet = 'Friday, December 3 · 11:00 – 11:30am\nTime zone: America/New_York'
    expect(found(readInvitation(meet, { now: '2026-12-05T09:00:00.000Z' })).startsAt).toBe('2027-12-03T16:00:00.000Z')
    expect(read('google-meet.txt', '2026-12-05T09:00:00.000Z')).toMatchObject({
      kind: 'refused',
      reason: '“Thursday, December 3” has no year, and no such day is coming soon: which year is it?'
    })
  })

  describe('Microsoft Teams', () => {
    it('reads a forwarded Outlook invitation: the "When:" line with a Windows zone, not the e-mail’s "Sent:" date', () => {
      const reading = read('teams-outlook.txt')
      const call = found(reading)
      expect(call).toMatchObject({
        startsAt: '2026-12-03T16:00:00.000Z',
        timeZone: 'Europe/Berlin',
        durationMinutes: 30,
        channel: 'teams',
        title: 'Shop relaunch – interview'
      })
      expect(call.link).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3ameeting_NjM2ZTk4YjMt.*%7d$/)
      expect(reading.notes.join(' ')).not.toMatch(/dates and times/)
    })

    it('reads "(UTC-05:00) Eastern Time (US & Canada)" and a 45-minute range', () => {
      expect(found(read('teams-new-york.txt'))).toMatchObject({
        startsAt: '2026-12-03T16:00:00.000Z',
        timeZone: 'America/New_York',
        durationMinutes: 45,
        channel: 'teams',
        link: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_ZGF0YXBpcGVsaW5l%40thread.v2/0?context=%7b%22Tid%22%3a%2211112222%22%7d'
      })
    })
  })

  describe('Calendly', () => {
    it('reads the invitee’s confirmation ("11:00am - 11:30am, Thursday, December 3, 2026 (Eastern Time - US & Canada)") and its Zoom location', () => {
      expect(found(read('calendly-invitee.txt'))).toEqual({
        startsAt: '2026-12-03T16:00:00.000Z',
        timeZone: 'America/New_York',
        durationMinutes: 30,
        link: 'https://us02web.zoom.us/j/84561237890?pwd=dGhpc2lzYXRlc3Q',
        channel: 'zoom',
        title: 'Intro call'
      })
    })

    it('reads the host’s notification, whose labels stand on lines of their own, with the length from the event’s name', () => {
      const reading = read('calendly-host.txt')
      expect(found(reading)).toEqual({
        startsAt: '2026-12-03T16:00:00.000Z',
        timeZone: 'Asia/Kolkata',
        durationMinutes: 30,
        link: 'https://meet.google.com/xyz-abcd-efg',
        channel: 'meet',
        title: '30 Minute Meeting'
      })
      expect(reading.notes).toContain('The length comes from the event’s name')
    })
  })

  it('asks for the zone of a time that has none, offering nothing in its place', () => {
    const reading = read('no-zone.txt')
    expect(reading).toEqual({
      kind: 'needs_zone',
      wallClock: '2026-12-03T11:00',
      details: { channel: 'zoom' },
      question: 'The time has no zone: which zone is 11:00 in?',
      notes: ['No join link found: add it once you have it', 'The invitation does not say how long the call is']
    })
  })

  it('refuses text with no date and time in it, saying so', () => {
    const reading = read('garbage.txt')
    expect(reading.kind).toBe('refused')
    expect(reading.kind === 'refused' && reading.reason).toMatch(/^No date and time found in the invitation/)
  })

  it('says when the time has already passed', () => {
    expect(read('zoom-en-new-york.txt', '2026-12-04T09:00:00.000Z').notes).toContain(
      'This time has already passed: is this the latest invitation?'
    )
    expect(read('zoom-en-new-york.txt').notes).not.toContain('This time has already passed: is this the latest invitation?')
  })

  it('refuses empty and oversized text', () => {
    expect(readInvitation('   ', { now: NOW })).toMatchObject({ kind: 'refused', reason: 'Paste the invitation’s text first' })
    expect(readInvitation('x'.repeat(200_001), { now: NOW })).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/too long/) })
  })

  it('refuses a time the clocks skip, rather than moving it', () => {
    const reading = readInvitation('Time: Mar 8, 2026 02:30 AM Eastern Time (US and Canada)', { now: NOW })
    expect(reading).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/^02:30 does not exist on 8 March 2026 in New York/) })
  })

  it('says when a time happens twice because the clocks go back', () => {
    const reading = readInvitation('Zeit: 25.10.2026 02:30 Mitteleuropäische Zeit', { now: NOW })
    expect(found(reading).startsAt).toBe('2026-10-25T01:30:00.000Z')
    expect(reading.notes.join(' ')).toMatch(/02:30 happens twice on 25 October in Berlin/)
  })

  it('says when the weekday and the date disagree', () => {
    const reading = readInvitation('When: Friday, December 3, 2026 11:00 AM Eastern Time', { now: NOW })
    expect(found(reading).startsAt).toBe('2026-12-03T16:00:00.000Z')
    expect(reading.notes).toContain('The invitation says Friday, but 3 December 2026 is a Thursday: check the date with the client')
  })

  it('asks about a zone name it does not know instead of guessing', () => {
    const reading = readInvitation('Time: Dec 3, 2026 11:00 AM Middle Earth Time', { now: NOW })
    expect(reading).toMatchObject({
      kind: 'needs_zone',
      wallClock: '2026-12-03T11:00',
      question: 'Greenroom does not know the zone “Middle Earth Time”: which zone is 11:00 in?'
    })
  })
})

describe('reading .ics files', () => {
  it('reads a Zoom file with an IANA TZID, its 20-minute length and the LOCATION link', () => {
    expect(found(read('zoom-tzid-iana.ics'))).toEqual({
      startsAt: '2026-12-03T16:00:00.000Z',
      timeZone: 'America/New_York',
      durationMinutes: 20,
      link: ZOOM_LINK,
      channel: 'zoom',
      title: 'Analytics dashboard - intro call'
    })
  })

  it('reads an Outlook file whose TZID is a Windows zone, on the day Berlin goes back to CET, with the Teams link', () => {
    expect(found(read('outlook-windows-tzid.ics'))).toEqual({
      startsAt: '2026-10-25T16:00:00.000Z',
      timeZone: 'Europe/Berlin',
      durationMinutes: 45,
      link: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_U2hvcFJlbGF1bmNo%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf%22%7d',
      channel: 'teams',
      title: 'Shop relaunch - interview'
    })
  })

  it('reads a Google file in UTC with its Meet conference link', () => {
    const reading = read('google-utc.ics')
    expect(found(reading)).toEqual({
      startsAt: '2026-12-03T16:00:00.000Z',
      timeZone: 'UTC',
      durationMinutes: 30,
      link: 'https://meet.google.com/abc-defg-hij',
      channel: 'meet',
      title: 'Analytics dashboard intro'
    })
    expect(reading.notes).toContain('The file gives the time in UTC')
  })

  it('asks for the zone of a floating time, keeping what else it found', () => {
    expect(read('floating.ics')).toMatchObject({
      kind: 'needs_zone',
      wallClock: '2026-12-03T11:00',
      details: { durationMinutes: 15, link: 'https://us06web.zoom.us/j/87654321098', channel: 'zoom', title: 'Quick intro' },
      question: 'The time has no zone (the file gives a “floating” time): which zone is 11:00 in?'
    })
  })

  it('refuses an all-day event, saying it has no time', () => {
    expect(read('all-day.ics')).toMatchObject({
      kind: 'refused',
      reason: 'It is an all-day event on Thursday 3 December 2026, with no time of day: ask the client when the call is'
    })
  })

  it('refuses a file that is not a calendar, and one that cancels the meeting', () => {
    expect(readInvitation('BEGIN:VCALENDAR\r\nthis is not\r\n', { now: NOW })).toMatchObject({
      kind: 'refused',
      reason: 'This is not a calendar file Greenroom can read (.ics)'
    })
    const cancel = fixture('zoom-tzid-iana.ics').replace('METHOD:PUBLISH', 'METHOD:CANCEL')
    expect(readInvitation(cancel, { now: NOW })).toMatchObject({
      kind: 'refused',
      reason: 'This file cancels a meeting rather than inviting to one'
    })
  })
})

describe('dates in a sentence', () => {
  it('reads the date and time out of a sentence around them', () => {
    expect(found(readInvitation('Could we talk on 3 Dec 2026 at 17:00 CET?', { now: NOW }))).toMatchObject({
      startsAt: '2026-12-03T16:00:00.000Z',
      timeZone: 'Europe/Berlin'
    })
    expect(found(readInvitation('Let’s do Dec 3, 2026, 11am - 11:30am ET', { now: NOW }))).toMatchObject({
      startsAt: '2026-12-03T16:00:00.000Z',
      timeZone: 'America/New_York',
      durationMinutes: 30
    })
  })
})

describe('slashed dates', () => {
  it('reads one whose day cannot be a month, and refuses one that could be either', () => {
    expect(found(readInvitation('When: 12/23/2026 11:00 AM-11:30 AM (UTC-05:00) Eastern Time (US & Canada)', { now: NOW }))).toMatchObject({
      startsAt: '2026-12-23T16:00:00.000Z',
      durationMinutes: 30
    })
    expect(found(readInvitation('When: 23/12/2026 17:00-17:30 GMT+1', { now: NOW }))).toMatchObject({
      startsAt: '2026-12-23T16:00:00.000Z',
      timeZone: 'Etc/GMT-1'
    })
    expect(readInvitation('When: 12/3/2026 11:00 AM-11:30 AM (UTC-05:00) Eastern Time (US & Canada)', { now: NOW })).toMatchObject({
      kind: 'refused',
      reason: '“12/3/2026” could be 3 December or 12 March: write the month as a word, e.g. 3 December 2026'
    })
  })
})
