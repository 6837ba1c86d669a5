import { DateTime } from 'luxon'
import { formatClock, formatDayAndClock, type HourCycle } from '@shared/time-format'

/** "3 h", "2 d 4 h", "12 min": how long something has waited. */
export function formatWait(fromIso: string, to: DateTime = DateTime.now()): string {
  const minutes = Math.max(0, Math.floor(to.diff(DateTime.fromISO(fromIso), 'minutes').minutes))
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} h`
  const days = Math.floor(hours / 24)
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`
}

export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${Math.round(minutes)} min`
  const hours = minutes / 60
  return hours < 48 ? `${Math.round(hours * 10) / 10} h` : `${Math.round(hours / 24)} d`
}

/** A date and time in the user's zone, e.g. "Tue 3 Nov, 15:00" (or "3:00 PM"). */
export function formatInstant(iso: string, zone: string, cycle: HourCycle): string {
  return formatDayAndClock(DateTime.fromISO(iso).setZone(zone), cycle)
}

export function formatDate(iso: string, zone: string): string {
  return DateTime.fromISO(iso).setZone(zone).toFormat('d LLL yyyy')
}

/** The client's current local time, for the "it's 03:12 for them" hint. */
export function localTimeIn(zone: string | null, cycle: HourCycle): string | null {
  if (!zone) return null
  return formatClock(DateTime.now().setZone(zone), cycle)
}

export function formatMoney(amount: number | null, type: 'fixed' | 'hourly'): string {
  if (amount === null) return type === 'hourly' ? 'Hourly' : 'Fixed price'
  const value = amount.toLocaleString('en-US', { maximumFractionDigits: 2 })
  return type === 'hourly' ? `$${value}/h` : `$${value} fixed`
}
