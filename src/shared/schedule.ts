import { DateTime, Interval } from 'luxon'
import type { Settings } from './settings'

/**
 * Time-zone arithmetic for scheduling, all through luxon. Instants are ISO strings in
 * UTC; zones are IANA names. Nothing here reads the clock: "now" is always passed in.
 */

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
export function describeInBothZones(startIso: string, userZone: string, clientZone: string | null): string {
  const start = DateTime.fromISO(startIso, { zone: 'utc' })
  const mine = start.setZone(userZone)
  const yours = `${mine.toFormat('ccc d LLL, HH:mm')} your time`
  if (!clientZone || clientZone === userZone) return yours
  const theirs = start.setZone(clientZone)
  const theirDay = theirs.toISODate() !== mine.toISODate() ? `${theirs.toFormat('ccc')} ` : ''
  return `${yours} · ${theirDay}${theirs.toFormat('HH:mm')} in ${cityOf(clientZone)}`
}

/** Reads a wall-clock time typed in a zone ("2026-03-29T02:30" in Europe/Berlin) as a UTC instant. */
export function fromWallClock(local: string, zone: string): { start: string } | { error: string } {
  const parsed = DateTime.fromISO(local, { zone })
  if (!parsed.isValid) return { error: 'Enter a date and a time' }
  // A time skipped by a daylight-saving change does not exist; luxon moves it forward.
  const typed = DateTime.fromISO(local, { zone: 'utc' })
  if (parsed.toFormat("yyyy-LL-dd'T'HH:mm") !== typed.toFormat("yyyy-LL-dd'T'HH:mm")) {
    return { error: `${typed.toFormat('HH:mm')} does not exist on that day in ${cityOf(zone)}: the clocks jump forward` }
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

/**
 * Free slots of the given length inside working hours over the next `days` days,
 * starting on the step grid (every 30 minutes by default), clear of busy slots and their
 * buffers, never in the past; at most `perDay` a day and `limit` in all, earliest first.
 */
export function suggestSlots(options: {
  now: string
  days: number
  durationMinutes: number
  workingHours: Settings['workingHours']
  userZone: string
  busy: BusySlot[]
  bufferMinutes: number
  stepMinutes?: number
  limit?: number
  /** Spread the offer over several days rather than filling the first one. */
  perDay?: number
}): Slot[] {
  const step = options.stepMinutes ?? 30
  const limit = options.limit ?? 12
  const perDay = options.perDay ?? 3
  const now = DateTime.fromISO(options.now, { zone: 'utc' }).setZone(options.userZone)
  const slots: Slot[] = []
  for (let day = 0; day < options.days && slots.length < limit; day++) {
    const date = now.startOf('day').plus({ days: day })
    if (!options.workingHours.days.includes(date.weekday)) continue
    const open = date.set(clockParts(options.workingHours.start))
    const close = date.set(clockParts(options.workingHours.end))
    let today = 0
    for (let start = open; start.plus({ minutes: options.durationMinutes }) <= close && slots.length < limit && today < perDay; start = start.plus({ minutes: step })) {
      if (start < now.plus({ minutes: options.bufferMinutes })) continue
      const slot = { start: start.toUTC().toISO()!, durationMinutes: options.durationMinutes }
      if (overlapping(slot, options.busy, options.bufferMinutes).length === 0) {
        slots.push(slot)
        today++
      }
    }
  }
  return slots
}

/** A ready-to-paste message offering times, in the client's zone first and the user's beside it. */
export function alternativesMessage(options: {
  slots: Slot[]
  clientName: string
  clientZone: string | null
  userZone: string
  userName: string
  durationMinutes: number
}): string {
  const zone = options.clientZone ?? options.userZone
  const lines = options.slots.map((slot) => {
    const start = DateTime.fromISO(slot.start, { zone: 'utc' })
    const theirs = start.setZone(zone)
    const theirEnd = theirs.plus({ minutes: options.durationMinutes })
    const mine = start.setZone(options.userZone)
    const mineText = zone === options.userZone ? '' : ` (${mine.toFormat('ccc HH:mm')} for me, ${cityOf(options.userZone)})`
    return `• ${theirs.toFormat('cccc d LLLL, HH:mm')}–${theirEnd.toFormat('HH:mm')} ${cityOf(zone)} time${mineText}`
  })
  const firstName = options.clientName.split(' ')[0] ?? options.clientName
  return [
    `Hi ${firstName},`,
    '',
    `Thanks for your interest. Here are a few times that work for a ${options.durationMinutes}-minute call:`,
    '',
    ...lines,
    '',
    'Let me know which suits you best, or suggest another time.',
    ...(options.userName ? ['', options.userName] : [])
  ].join('\n')
}
