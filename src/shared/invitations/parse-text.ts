import { DateTime, type WeekdayNumbers } from 'luxon'
import { CHANNELS } from '../pipeline'
import { channelNamedIn, findCallLink } from './links'
import {
  askForZone,
  MAX_INVITATION_CHARACTERS,
  placeInZone,
  plausibleLength,
  refused,
  WALL_CLOCK_FORMAT,
  type InvitationDetails,
  type InvitationReading
} from './reading'
import { readZoneName, zoneKey, type ZoneReading } from './zones'

/**
 * Reads the text of a Zoom, Google Meet, Teams/Outlook or Calendly invitation, by small
 * rules: a line with a date and a time ("Dec 3, 2026 11:00 AM", "03.12.2026 17:00",
 * "Thursday, December 3 · 11:00 – 11:30am", "3 dic 2026 11:00 a. m."), the zone named
 * after it or on a "Time zone:" line, the length from a time range or a "Duration:"
 * line, and the first join link of a known call app.
 */

/** The languages whose month and weekday names are read, through Intl, so no list is typed by hand. */
const LOCALES = ['en', 'de', 'es', 'fr', 'pt', 'it', 'nl']

/** Lower case, no accents, no dots: "déc." → "dec". */
function wordKey(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replaceAll('.', '')
}

function namesOf(style: 'month' | 'weekday', count: number, dateOf: (index: number) => Date): Map<string, number> {
  const names = new Map<string, number>()
  for (const locale of LOCALES) {
    for (const width of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(locale, { [style]: width, timeZone: 'UTC' })
      for (let index = 1; index <= count; index++) names.set(wordKey(format.format(dateOf(index))), index)
    }
  }
  return names
}

const MONTHS = namesOf('month', 12, (month) => new Date(Date.UTC(2026, month - 1, 15)))
MONTHS.set('sept', 9)
/** ISO weekdays, Monday = 1; 5 January 2026 is a Monday. */
const WEEKDAYS = namesOf('weekday', 7, (weekday) => new Date(Date.UTC(2026, 0, 4 + weekday)))

const monthOf = (word: string | undefined) => (word ? MONTHS.get(wordKey(word)) : undefined)
const weekdayOf = (word: string | undefined) => (word ? WEEKDAYS.get(wordKey(word)) : undefined)

/** Labels whose line is the meeting's time, read before any other line. */
const TIME_LABELS = new Set([
  'time',
  'when',
  'date and time',
  'date time',
  'event date time',
  'zeit',
  'uhrzeit',
  'wann',
  'datum und uhrzeit',
  'hora',
  'fecha y hora',
  'cuando',
  'heure',
  'date et heure',
  'quand',
  'data e hora',
  'horario',
  'quando',
  'tijd',
  'wanneer'
])
/** Labels of an e-mail's own dates (a forwarded invitation), never the meeting's. */
const SKIPPED_LABELS = new Set(['sent', 'gesendet', 'envoye', 'enviado', 'received', 'created', 'updated', 'last updated'])
const TITLE_LABELS = new Set([
  'topic',
  'thema',
  'tema',
  'sujet',
  'subject',
  'betreff',
  'asunto',
  'objet',
  'assunto',
  'event',
  'event name',
  'event type',
  'nombre del evento'
])
const ZONE_LABELS = new Set(['time zone', 'timezone', 'zeitzone', 'zona horaria', 'fuseau horaire', 'fuso horario', 'tijdzone'])
const DURATION_LABELS = new Set(['duration', 'length', 'dauer', 'duree', 'duracion', 'duracao', 'durata', 'duur'])

interface Line {
  index: number
  label: string | null
  body: string
}

const LABEL = /^([\p{L}][\p{L} &/'’.]{0,30}?)\s*:(?:\s+(.*))?$/u

/** Lines with their "Label:" split off; a label alone on its line (Calendly's "Event Date/Time:") takes the next line as its value. */
function splitLines(text: string): Line[] {
  const raw = text.split(/\r?\n/).map((line) => line.trim())
  const lines: Line[] = []
  for (let index = 0; index < raw.length; index++) {
    const labelled = LABEL.exec(raw[index]!)
    if (!labelled) {
      lines.push({ index, label: null, body: raw[index]! })
      continue
    }
    let body = labelled[2]?.trim() ?? ''
    if (!body) {
      const next = raw.findIndex((line, at) => at > index && line !== '')
      if (next !== -1 && !LABEL.exec(raw[next]!)) {
        body = raw[next]!
        for (; index < next; index++) lines.push({ index, label: null, body: '' })
      }
    }
    lines.push({ index, label: zoneKey(labelled[1]!), body })
  }
  return lines
}

/** Spaces and direction marks as Google, Outlook and Zoom write them, made plain. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f\u2007\u2009\u200a]/g, ' ').replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
}

/** Dashes of every width as "-", one character for one, so positions stay. */
const plainDashes = (text: string) => text.replace(/[\u2012\u2013\u2014\u2015\u2212]/g, '-')

interface DateMatch {
  start: number
  end: number
  year?: number
  month: number
  day: number
  weekday?: number
}

const L = '\\p{L}'
const DATE_PATTERNS: RegExp[] = [
  // Dec 3, 2026 · Thursday, December 3, 2026 · Thursday, December 3
  new RegExp(
    `(?:(?<wd>${L}+)\\.?,?\\s+)?(?<mon>${L}+)\\.?\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])(?:,?\\s+(?<y>\\d{4})(?!\\d))?`,
    'giu'
  ),
  // 3 dic 2026 · 3 déc. 2026 · 3.Dez..2026 · Donnerstag, 3. Dezember 2026 · 3 de diciembre de 2026
  new RegExp(
    `(?:(?<wd>${L}+)\\.?,?\\s+)?(?<![\\d:.])(?<d>\\d{1,2})\\.?\\s*(?:de\\s+)?(?<mon>${L}+)\\.{0,2}(?:,?\\s*(?:de\\s+)?(?<y>\\d{4})(?!\\d))?`,
    'giu'
  ),
  // 03.12.2026 · Do., 03.12.2026
  new RegExp(`(?:(?<wd>${L}+)\\.?,?\\s+)?(?<![\\d.])(?<d>\\d{1,2})\\.(?<mo>\\d{1,2})\\.(?<y>\\d{4})(?!\\d)`, 'gu'),
  // 2026-12-03
  /(?<![\d-])(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})(?![\d])/g
]
/** 12/3/2026 (US) or 3/12/2026 (most elsewhere): read only when one of the numbers cannot be a month. */
const SLASHED = /(?<![\d/])(?<a>\d{1,2})\/(?<b>\d{1,2})\/(?<y>\d{4})(?![\d/])/g

function findDate(body: string): DateMatch | { problem: string } | null {
  const matches: DateMatch[] = []
  for (const match of body.matchAll(SLASHED)) {
    const [a, b] = [Number(match.groups!.a), Number(match.groups!.b)]
    const [month, day] = a > 12 ? [b, a] : b > 12 || a === b ? [a, b] : [0, 0]
    if (!month) {
      const as = (m: number, d: number) => DateTime.fromObject({ month: m, day: d }).toFormat('d LLLL')
      return {
        problem: `“${match[0]}” could be ${as(a, b)} or ${as(b, a)}: write the month as a word, e.g. ${as(a, b)} ${match.groups!.y}`
      }
    }
    if (month <= 12 && day <= 31)
      matches.push({ start: match.index, end: match.index + match[0].length, year: Number(match.groups!.y), month, day })
    break
  }
  for (const pattern of DATE_PATTERNS) {
    for (const match of body.matchAll(pattern)) {
      const groups = match.groups!
      const month = groups.mo ? Number(groups.mo) : monthOf(groups.mon)
      const day = Number(groups.d)
      if (!month || month > 12 || day < 1 || day > 31) continue
      const weekday = weekdayOf(groups.wd)
      // A word before the date that is no weekday is not part of it.
      const lead = pattern === DATE_PATTERNS[0] ? groups.mon! : groups.d!
      const start = groups.wd && !weekday ? match.index + match[0].indexOf(lead, groups.wd.length) : match.index
      matches.push({ start, end: match.index + match[0].length, year: groups.y ? Number(groups.y) : undefined, month, day, weekday })
      break
    }
  }
  matches.sort((a, b) => a.start - b.start || b.end - a.end)
  return matches[0] ?? null
}

interface ClockMatch {
  start: number
  end: number
  hour: number
  minute: number
  meridiem?: 'am' | 'pm'
}

const CLOCK = /(?<![\d:.])(?<h>\d{1,2})(?:[:.h](?<m>\d{2}))?\s*(?<ap>[ap]\.?\s?m\.?(?!\p{L}))?/giu
const RANGE_JOIN = /^\s*(?:-|to|bis|a|à|hasta|até|tot)\s*/i

function clockAt(text: string, from: number): ClockMatch | null {
  CLOCK.lastIndex = from
  for (let match = CLOCK.exec(text); match; match = CLOCK.exec(text)) {
    const { h, m, ap } = match.groups!
    if (m === undefined && ap === undefined) continue
    const hour = Number(h)
    const minute = Number(m ?? 0)
    const meridiem = ap ? (ap.toLowerCase().startsWith('a') ? 'am' : 'pm') : undefined
    if (minute > 59 || hour > 23 || (meridiem && (hour < 1 || hour > 12))) continue
    return { start: match.index, end: match.index + match[0].trimEnd().length, hour, minute, meridiem }
  }
  return null
}

function hour24(clock: ClockMatch, meridiem: 'am' | 'pm' | undefined): number {
  if (!meridiem) return clock.hour
  return (clock.hour % 12) + (meridiem === 'pm' ? 12 : 0)
}

interface Candidate {
  line: Line
  wallClock: string
  durationMinutes?: number
  zoneText: string
  notes: string[]
}

/** The line's date and time, or why a date it has cannot be read, or null for a line without one. */
function readLine(line: Line, now: DateTime): Candidate | { problem: string } | null {
  const body = plainDashes(line.body)
  const date = findDate(body)
  if (!date || 'problem' in date) return date
  // Times are looked for with the date blanked out, so "03.12" is never read as 03:12.
  const blanked = body.slice(0, date.start) + ' '.repeat(date.end - date.start) + body.slice(date.end)
  const first = clockAt(blanked, 0)
  if (!first) return null
  const join = RANGE_JOIN.exec(blanked.slice(first.end))
  const second = join ? clockAt(blanked, first.end + join[0].length) : null
  const end = second && second.start === first.end + join![0].length ? second : null
  // "11:00 – 11:30am": the start takes the end's am/pm unless that would put it after the end.
  let startHour = hour24(first, first.meridiem ?? end?.meridiem)
  const endHour = end ? hour24(end, end.meridiem ?? first.meridiem) : undefined
  if (end && !first.meridiem && end.meridiem === 'pm' && endHour !== undefined && startHour * 60 + first.minute > endHour * 60 + end.minute)
    startHour -= 12

  const notes: string[] = []
  let year = date.year
  if (year === undefined) {
    const inferred = inferYear(date, now)
    if (!inferred)
      return { problem: `“${body.slice(date.start, date.end)}” has no year, and no such day is coming soon: which year is it?` }
    year = inferred
    notes.push(`The invitation gives no year: read as ${year}`)
  }
  const day = DateTime.fromObject({ year, month: date.month, day: date.day, hour: startHour, minute: first.minute }, { zone: 'utc' })
  if (!day.isValid) return null
  if (date.weekday && date.weekday !== day.weekday) {
    notes.push(
      `The invitation says ${day.set({ weekday: date.weekday as WeekdayNumbers }).toFormat('cccc')}, but ${day.toFormat('d LLLL yyyy')} is a ${day.toFormat('cccc')}: check the date with the client`
    )
  }
  let durationMinutes: number | undefined
  if (end && endHour !== undefined) {
    const minutes = endHour * 60 + end.minute - (startHour * 60 + first.minute)
    durationMinutes = minutes > 0 ? minutes : minutes + 24 * 60
  }
  const consumed = Math.max(date.end, end?.end ?? first.end)
  return { line, wallClock: day.toFormat(WALL_CLOCK_FORMAT), durationMinutes, zoneText: body.slice(consumed), notes }
}

/** A date without a year is the next one to come (on the weekday given, when one is). */
function inferYear(date: DateMatch, now: DateTime): number | undefined {
  const today = now.startOf('day')
  return [now.year, now.year + 1].find((year) => {
    const day = DateTime.fromObject({ year, month: date.month, day: date.day }, { zone: now.zone })
    return day.isValid && day >= today.minus({ days: 1 }) && (!date.weekday || day.weekday === date.weekday)
  })
}

/** The zone in the text after the time: all of it, a part in brackets, or its first words. */
function zoneAfterTime(rest: string): ZoneReading | null {
  const cleaned = rest.replace(/^[\s.,;:·|-]+/, '').replace(/[\s.,;]+$/, '')
  if (!cleaned) return null
  const whole = readZoneName(cleaned)
  if (whole) return whole
  for (const [, inside] of cleaned.matchAll(/\(([^()]+)\)/g)) {
    const zone = readZoneName(inside!)
    if (zone) return zone
  }
  const words = cleaned.split(/\s+/)
  for (let count = Math.min(words.length - 1, 8); count >= 1; count--) {
    const zone = readZoneName(words.slice(0, count).join(' '))
    if (zone) return zone
  }
  return null
}

/** The words after the time when they look like a zone's name (a few words before any sentence ends), for the question. */
function zoneNameLike(rest: string): string | null {
  const phrase = rest
    .replace(/^[\s.,;:·|-]+/, '')
    .split(/[?!;]|\.(?:\s|$)/)[0]!
    .trim()
  return phrase && phrase.split(/\s+/).length <= 6 ? phrase : null
}

function durationFrom(lines: Line[], title: string | undefined, notes: string[]): number | undefined {
  for (const line of lines) {
    if (!line.label || !DURATION_LABELS.has(line.label)) continue
    const match = /(\d+)\s*(min|minutes?|minuten|minutos|minuti|h|hours?|stunden?|horas?|heures?)\b/i.exec(line.body)
    if (match) return Number(match[1]) * (/^(h|hour|stunde|hora|heure)/i.test(match[2]!) ? 60 : 1)
  }
  const named = title && /\b(\d+)[- ]?min(ute)?s?\b/i.exec(title)
  if (named) {
    notes.push('The length comes from the event’s name')
    return Number(named[1])
  }
  return undefined
}

function titleFrom(lines: Line[], timeLine: Line | undefined): string | undefined {
  const labelled = lines.find((line) => line.label && TITLE_LABELS.has(line.label) && line.body)
  if (labelled) return labelled.body.slice(0, 200)
  // Google Meet puts the event's name on the line above its time.
  if (!timeLine || timeLine.label) return undefined
  const above = lines
    .slice(0, timeLine.index)
    .reverse()
    .find((line) => line.body)
  return above && !above.label && !/https?:/.test(above.body) && above.body.length <= 200 ? above.body : undefined
}

export function readInvitationText(text: string, options: { now: string }): InvitationReading {
  if (text.length > MAX_INVITATION_CHARACTERS) return refused('This is too long to be an invitation: paste only the invitation’s text')
  const source = plain(text)
  if (!source.trim()) return refused('Paste the invitation’s text first')
  const now = DateTime.fromISO(options.now)
  const lines = splitLines(source)

  const call = findCallLink(source)
  const channel = call?.channel ?? channelNamedIn(source) ?? undefined
  const notes: string[] = []
  if (!call) notes.push(channel ? 'No join link found: add it once you have it' : 'No join link found')

  const readable = lines.filter((line) => !(line.label && SKIPPED_LABELS.has(line.label)))
  const ranked = [
    ...readable.filter((line) => line.label && TIME_LABELS.has(line.label)),
    ...readable.filter((line) => !line.label || !TIME_LABELS.has(line.label))
  ]
  const readings = ranked.map((line) => readLine(line, now))
  const candidates = readings.filter((reading): reading is Candidate => reading !== null && !('problem' in reading))
  const chosen = candidates[0]
  const problem = readings.find((reading) => reading !== null && 'problem' in reading)
  if (!chosen && problem && 'problem' in problem) return refused(problem.problem, notes)
  if (!chosen) {
    const only = call ? ` (only the ${CHANNELS[call.channel]} link)` : ''
    return refused(
      `No date and time found in the invitation${only}. Paste the part that says when the call is, or open the invitation’s .ics file.`,
      notes
    )
  }
  const others = new Set(
    candidates
      .slice(1)
      .map((candidate) => candidate.wallClock)
      .filter((wallClock) => wallClock !== chosen.wallClock)
  )
  if (others.size > 0)
    notes.push(`The invitation mentions ${others.size + 1} dates and times; Greenroom read “${chosen.line.body}”. Check it is the call’s.`)
  notes.push(...chosen.notes)

  const title = titleFrom(lines, chosen.line)
  const length = chosen.durationMinutes ?? durationFrom(lines, title, notes)
  const details: InvitationDetails = {
    ...(length !== undefined && { durationMinutes: plausibleLength(length, notes) }),
    ...(call && { link: call.link }),
    ...(channel && { channel }),
    ...(title && { title })
  }
  if (details.durationMinutes === undefined) {
    delete details.durationMinutes
    notes.push('The invitation does not say how long the call is')
  }

  const zoneLine = lines.find((line) => line.label && ZONE_LABELS.has(line.label))
  const zone = zoneAfterTime(chosen.zoneText) ?? (zoneLine ? readZoneName(zoneLine.body) : null)
  if (!zone) {
    const named = zoneNameLike(chosen.zoneText) ?? zoneLine?.body
    return askForZone(chosen.wallClock, details, notes, named ? `Greenroom does not know the zone “${named.slice(0, 80)}”` : undefined)
  }
  if (zone.note) notes.push(zone.note)
  return placeInZone(chosen.wallClock, zone.zone, details, notes)
}
