import type { CallInvite } from '@shared/signaling'

/**
 * The guest page's first line: "Sam Rivera invites you to a 15-minute call about Analytics
 * dashboard, 11:00 AM your time", the start in the guest's own zone and words (the browser's),
 * with the day unless it is today. Parts the room does not know are left out.
 */
export function inviteHeadline(call: CallInvite, options: { now: Date; timeZone?: string; locale?: string }): string {
  const who = call.hostName ? `${call.hostName} invites you` : 'You are invited'
  const length = call.durationMinutes ? `a ${call.durationMinutes}-minute call` : 'a call'
  const about = call.title ? ` about ${call.title}` : ''
  const when = call.startsAt ? `, ${startInWords(new Date(call.startsAt), options)} your time` : ''
  return `${who} to ${length}${about}${when}`
}

function startInWords(start: Date, { now, timeZone, locale }: { now: Date; timeZone?: string; locale?: string }): string {
  const zone = timeZone ? { timeZone } : {}
  const day = (date: Date) => new Intl.DateTimeFormat('en-CA', { ...zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date)
  const time = new Intl.DateTimeFormat(locale, { ...zone, hour: 'numeric', minute: '2-digit' }).format(start)
  if (day(start) === day(now)) return `today, ${time}`
  const date = new Intl.DateTimeFormat(locale, { ...zone, weekday: 'short', day: 'numeric', month: 'short' }).format(start)
  return `${date}, ${time}`
}
