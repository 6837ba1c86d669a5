import type { DateTime } from 'luxon'

/**
 * One clock for the whole app: 24-hour ("16:30") or 12-hour ("4:30 PM"), from the user's
 * system or chosen in Settings. Every time shown, typed or written into a message goes
 * through these helpers. No runtime imports: the app's shell shows its clock from here
 * before Luxon or zod have loaded.
 */
export type TimeFormatPreference = 'system' | '24h' | '12h'
export type HourCycle = '24h' | '12h'

// Making an Intl.DateTimeFormat is slow (it loads the locale's data) and every time on screen asks: make each once.
const systemCycles = new Map<string, HourCycle>()
const formats = new Map<string, Intl.DateTimeFormat>()

function formatFor(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([locale, options])
  let format = formats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options)
    formats.set(key, format)
  }
  return format
}

/** The system's clock for a locale (the runtime's own when none is given). */
export function systemHourCycle(locale?: string): HourCycle {
  let cycle = systemCycles.get(locale ?? '')
  if (!cycle) {
    const resolved = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle
    cycle = resolved === 'h11' || resolved === 'h12' ? '12h' : '24h'
    systemCycles.set(locale ?? '', cycle)
  }
  return cycle
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

/** What the header's clock shows for an instant in a zone: "Tue", "Tuesday", "16:30" (or "4:30 PM"), "+01:00". */
export interface ZonedClock {
  weekday: string
  longWeekday: string
  clock: string
  offset: string
}

/**
 * The header's clock with the platform's Intl alone, worded as formatClock and Luxon's
 * "ccc", "cccc" and "ZZ" word it (the weekday in the user's locale, as Luxon's default).
 */
export function zonedClock(at: Date, timeZone: string, cycle: HourCycle): ZonedClock {
  const part = (parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? ''
  const time = formatFor('en-US', {
    timeZone,
    hour: cycle === '12h' ? 'numeric' : '2-digit',
    minute: '2-digit',
    hourCycle: cycle === '12h' ? 'h12' : 'h23',
    timeZoneName: 'longOffset'
  }).formatToParts(at)
  const clock = `${part(time, 'hour')}:${part(time, 'minute')}${cycle === '12h' ? ` ${part(time, 'dayPeriod').toUpperCase()}` : ''}`
  // "GMT+05:30", or "GMT" alone at UTC itself.
  const offset = part(time, 'timeZoneName').replace('GMT', '') || '+00:00'
  const weekday = (style: 'short' | 'long') => formatFor(undefined, { timeZone, weekday: style }).format(at)
  return { weekday: weekday('short'), longWeekday: weekday('long'), clock, offset }
}
