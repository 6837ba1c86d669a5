import type { DateTime } from 'luxon'
import { z } from 'zod'

/**
 * One clock for the whole app: 24-hour ("16:30") or 12-hour ("4:30 PM"), from the user's
 * system or chosen in Settings. Every time shown, typed or written into a message goes
 * through these helpers.
 */
export const timeFormatSchema = z.enum(['system', '24h', '12h'])
export type TimeFormatPreference = z.infer<typeof timeFormatSchema>
export type HourCycle = '24h' | '12h'

/** The system's clock for a locale (the runtime's own when none is given). */
export function systemHourCycle(locale?: string): HourCycle {
  const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle
  return cycle === 'h11' || cycle === 'h12' ? '12h' : '24h'
}

export function resolveHourCycle(preference: TimeFormatPreference, locale?: string): HourCycle {
  return preference === 'system' ? systemHourCycle(locale) : preference
}

/** The luxon pattern of a time of day: "HH:mm" or "h:mm a" (seconds when asked). */
export function clockPattern(cycle: HourCycle, options: { seconds?: boolean } = {}): string {
  const seconds = options.seconds ? ':ss' : ''
  return cycle === '12h' ? `h:mm${seconds} a` : `HH:mm${seconds}`
}

/** "16:30" or "4:30 PM". */
export function formatClock(time: DateTime, cycle: HourCycle, options: { seconds?: boolean } = {}): string {
  return time.toFormat(clockPattern(cycle, options), { locale: 'en-US' })
}

/** "Tue 3 Nov, 16:30" or "Tue 3 Nov, 4:30 PM". */
export function formatDayAndClock(time: DateTime, cycle: HourCycle): string {
  return `${time.toFormat('ccc d LLL', { locale: 'en-US' })}, ${formatClock(time, cycle)}`
}

/** A working day's hours stored as "HH:mm", shown in the chosen clock: "9:00 AM–6:00 PM". */
export function formatClockText(clock: string, cycle: HourCycle): string {
  if (cycle === '24h') return clock
  const [hour, minute] = clock.split(':').map(Number) as [number, number]
  const suffix = hour < 12 ? 'AM' : 'PM'
  return `${hour % 12 === 0 ? 12 : hour % 12}:${String(minute).padStart(2, '0')} ${suffix}`
}
