import { DateTime, Interval } from 'luxon'
import { z } from 'zod'
import { instantSchema } from './instant'
import type { Settings } from './settings'
import { formatClock, formatDayAndClock, type HourCycle } from './time-format'

/**
 * Time-zone arithmetic for scheduling, all through luxon. Instants are ISO strings in
 * UTC; zones are IANA names. Nothing here reads the clock: "now" is always passed in.
 */

/** A note on a booking or a cancellation, kept in the schedule's history. */
export const scheduleNoteSchema = z.string().max(2000, 'The note must be under 2000 characters')

const dayFitSchema = z.object({
  outsideMinutes: z.number().int().min(0),
  edgeMinutes: z.number().int().min(0),
  nearer: z.enum(['start', 'end'])
})
export const offeredSlotSchema = z.object({
  start: instantSchema,
  durationMinutes: z.number().int().positive(),
  fit: z.enum(['good', 'edge', 'outside']),
  user: dayFitSchema,
  client: dayFitSchema.nullable()
})

export interface Slot {
  /** UTC instant, ISO. */
  start: string
  durationMinutes: number
}

export interface BusySlot extends Slot {
  id: string
}

export function cityOf(zone: string): string {
  const city = zone.split('/').at(-1) ?? zone
  return city.replaceAll('_', ' ')
}

/** "Tue 15:00 your time · 09:00 in New York" (the client's day too, when it differs). */
export function describeInBothZones(startIso: string, userZone: string, clientZone: string | null, cycle: HourCycle): string {
  const start = DateTime.fromISO(startIso, { zone: 'utc' })
  const mine = start.setZone(userZone)
  const yours = `${formatDayAndClock(mine, cycle)} your time`
  if (!clientZone || clientZone === userZone) return yours
  const theirs = start.setZone(clientZone)
  const theirDay = theirs.toISODate() !== mine.toISODate() ? `${theirs.toFormat('ccc')} ` : ''
  return `${yours} · ${theirDay}${formatClock(theirs, cycle)} in ${cityOf(clientZone)}`
}

/** Reads a wall-clock time typed in a zone ("2026-03-29T02:30" in Europe/Berlin) as a UTC instant. */
export function fromWallClock(local: string, zone: string, cycle: HourCycle): { start: string } | { error: string } {
  const parsed = DateTime.fromISO(local, { zone })
  if (!parsed.isValid) return { error: 'Enter a date and a time' }
  // A time skipped by a daylight-saving change does not exist; luxon moves it forward.
  const typed = DateTime.fromISO(local, { zone: 'utc' })
  if (parsed.toFormat("yyyy-LL-dd'T'HH:mm") !== typed.toFormat("yyyy-LL-dd'T'HH:mm")) {
    return { error: `${formatClock(typed, cycle)} does not exist on that day in ${cityOf(zone)}: the clocks jump forward` }
  }
  return { start: parsed.toUTC().toISO()! }
}

function intervalOf(slot: Slot, paddingMinutes = 0): Interval {
  const start = DateTime.fromISO(slot.start, { zone: 'utc' })
  return Interval.fromDateTimes(start.minus({ minutes: paddingMinutes }), start.plus({ minutes: slot.durationMinutes + paddingMinutes }))
}

/** The busy slots a candidate collides with, counting a buffer on each side. */
export function overlapping(candidate: Slot, busy: BusySlot[], bufferMinutes: number): BusySlot[] {
  const wanted = intervalOf(candidate, bufferMinutes)
  return busy.filter((slot) => intervalOf(slot).overlaps(wanted))
}

/** Whether the whole slot falls inside the user's working hours, on a working day, in the user's zone. */
export function withinWorkingHours(slot: Slot, hours: Settings['workingHours'], userZone: string): boolean {
  const start = DateTime.fromISO(slot.start, { zone: 'utc' }).setZone(userZone)
  const end = start.plus({ minutes: slot.durationMinutes })
  if (!hours.days.includes(start.weekday)) return false
  const dayStart = start.set(clockParts(hours.start))
  const dayEnd = start.set(clockParts(hours.end))
  return start >= dayStart && end <= dayEnd
}

function clockParts(clock: string): { hour: number; minute: number; second: 0; millisecond: 0 } {
  const [hour, minute] = clock.split(':').map(Number) as [number, number]
  return { hour, minute, second: 0, millisecond: 0 }
}

/** How a slot sits in one side's working day. */
export interface DayFit {
  /** Minutes the call would have to move to fit inside the working hours; 0 when it fits. */
  outsideMinutes: number
  /** Inside: minutes to the nearer edge of the working day (its start or its end). */
  edgeMinutes: number
  /** Inside: which edge is nearer; outside: which side of the day the call falls on. */
  nearer: 'start' | 'end'
}

/** An offered slot and how good it is for each side. */
export interface OfferedSlot extends Slot {
  /**
   * good: well inside both working days; edge: inside both, but within an hour of the
   * start or end of one; outside: outside someone's working hours (offered only when the
   * two working days do not overlap at all).
   */
  fit: 'good' | 'edge' | 'outside'
  user: DayFit
  /** Null when the client's zone is unknown. */
  client: DayFit | null
}

/** An hour from either edge of a working day counts as comfortably inside it. */
const COMFORT_MINUTES = 60
/** A slot on no working day nearby: worse than any hour on a working day. */
const NO_WORKING_DAY = 24 * 60

/** Where a slot falls against working hours kept in a zone (the day before, of and after count). */
export function fitIn(slot: Slot, hours: Settings['workingHours'], zone: string): DayFit {
  const start = DateTime.fromISO(slot.start, { zone: 'utc' }).setZone(zone)
  const end = start.plus({ minutes: slot.durationMinutes })
  let best: DayFit = { outsideMinutes: NO_WORKING_DAY, edgeMinutes: 0, nearer: 'start' }
  for (const offset of [-1, 0, 1]) {
    const date = start.startOf('day').plus({ days: offset })
    if (!hours.days.includes(date.weekday)) continue
    const open = date.set(clockParts(hours.start))
    const close = date.set(clockParts(hours.end))
    const before = Math.max(0, open.diff(start, 'minutes').minutes)
    const after = Math.max(0, end.diff(close, 'minutes').minutes)
    const outsideMinutes = Math.round(before + after)
    const fromStart = start.diff(open, 'minutes').minutes
    const toEnd = close.diff(end, 'minutes').minutes
    const edgeMinutes = outsideMinutes === 0 ? Math.round(Math.min(fromStart, toEnd)) : 0
    const nearer = fromStart <= toEnd ? 'start' : 'end'
    if (outsideMinutes < best.outsideMinutes || (outsideMinutes === best.outsideMinutes && edgeMinutes > best.edgeMinutes))
      best = { outsideMinutes, edgeMinutes, nearer }
  }
  return best
}

/**
 * Times to offer a client: free slots of the call's length where both working days
 * overlap (yours in your zone, theirs in theirs), ranked by how comfortably they sit in
 * both days and spread over the coming days (at most `perDay` a day). When the two
 * working days never overlap in the period, the least bad slots instead, each marked
 * `outside`: the fewest minutes outside either side's hours, then the fairest split.
 * Without a client zone, your own working hours alone, earliest first.
 */
export function offerSlots(options: {
  now: string
  days: number
  durationMinutes: number
  workingHours: Settings['workingHours']
  userZone: string
  client: { zone: string; workingHours: Settings['workingHours'] } | null
  busy: BusySlot[]
  bufferMinutes: number
  stepMinutes?: number
  limit?: number
  perDay?: number
}): { overlap: boolean; slots: OfferedSlot[] } {
  const step = options.stepMinutes ?? 30
  const limit = options.limit ?? 12
  const perDay = options.perDay ?? 3
  const now = DateTime.fromISO(options.now, { zone: 'utc' }).setZone(options.userZone)
  const earliest = now.plus({ minutes: options.bufferMinutes })
  // Candidates on the step grid of the user's day, from today's midnight on.
  const first = now.startOf('day')
  const last = first.plus({ days: options.days })
  const candidates: (OfferedSlot & { day: string })[] = []
  for (let start = first; start < last; start = start.plus({ minutes: step })) {
    if (start < earliest) continue
    const slot = { start: start.toUTC().toISO()!, durationMinutes: options.durationMinutes }
    if (overlapping(slot, options.busy, options.bufferMinutes).length > 0) continue
    const user = fitIn(slot, options.workingHours, options.userZone)
    const client = options.client ? fitIn(slot, options.client.workingHours, options.client.zone) : null
    const inside = user.outsideMinutes === 0 && (client?.outsideMinutes ?? 0) === 0
    const comfort = client ? Math.min(user.edgeMinutes, client.edgeMinutes) : COMFORT_MINUTES
    const fit = !inside ? 'outside' : comfort >= COMFORT_MINUTES ? 'good' : 'edge'
    candidates.push({ ...slot, fit, user, client, day: start.toISODate()! })
  }

  const inBoth = candidates.filter((slot) => slot.fit !== 'outside')
  const overlap = inBoth.length > 0 || !options.client
  const pool = overlap ? inBoth : candidates
  const outside = (slot: OfferedSlot) => slot.user.outsideMinutes + (slot.client?.outsideMinutes ?? 0)
  const unfairness = (slot: OfferedSlot) => Math.max(slot.user.outsideMinutes, slot.client?.outsideMinutes ?? 0)
  const comfort = (slot: OfferedSlot) => Math.min(COMFORT_MINUTES, slot.user.edgeMinutes, slot.client?.edgeMinutes ?? COMFORT_MINUTES)
  // Sorting is stable, so equally good slots stay in time order: the earlier day first.
  const ranked = options.client
    ? [...pool].sort((a, b) => (overlap ? comfort(b) - comfort(a) : outside(a) - outside(b) || unfairness(a) - unfairness(b)))
    : pool

  const perDayCount = new Map<string, number>()
  const chosen: OfferedSlot[] = []
  for (const { day, ...slot } of ranked) {
    if (chosen.length >= limit) break
    const count = perDayCount.get(day) ?? 0
    if (count >= perDay) continue
    perDayCount.set(day, count + 1)
    chosen.push(slot)
  }
  return { overlap, slots: chosen }
}

/** A ready-to-paste message offering times, in the client's zone first and the user's beside it. */
export function alternativesMessage(options: {
  slots: (Slot & { fit?: OfferedSlot['fit'] })[]
  clientName: string
  clientZone: string | null
  userZone: string
  userName: string
  durationMinutes: number
  cycle: HourCycle
}): string {
  const zone = options.clientZone ?? options.userZone
  const clock = (time: DateTime) => formatClock(time, options.cycle)
  const lines = [...options.slots]
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((slot) => {
      const start = DateTime.fromISO(slot.start, { zone: 'utc' })
      const theirs = start.setZone(zone)
      const theirEnd = theirs.plus({ minutes: options.durationMinutes })
      const mine = start.setZone(options.userZone)
      const mineText = zone === options.userZone ? '' : ` (${mine.toFormat('ccc')} ${clock(mine)} for me, ${cityOf(options.userZone)})`
      return `• ${theirs.toFormat('cccc d LLLL')}, ${clock(theirs)}–${clock(theirEnd)} ${cityOf(zone)} time${mineText}`
    })
  const firstName = options.clientName.split(' ')[0] ?? options.clientName
  // Said plainly when the offer goes outside someone's working day.
  const stretched = options.slots.some((slot) => slot.fit === 'outside')
  return [
    `Hi ${firstName},`,
    '',
    `Thanks for your interest. Here are a few times that work for a ${options.durationMinutes}-minute call:`,
    ...(stretched ? ['', 'Our working days barely meet across the time difference, so these sit at the edge of the usual hours.'] : []),
    '',
    ...lines,
    '',
    'Let me know which suits you best, or suggest another time.',
    ...(options.userName ? ['', options.userName] : [])
  ].join('\n')
}
