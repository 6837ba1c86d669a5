import type { Channel, Schedule } from './pipeline'

/** Join is offered from this many minutes before the call's start until its end. */
export const JOIN_OPENS_MINUTES_BEFORE = 15

/** Calls held in another app or on the marketplace: Join and the companion, not Greenroom's call room. */
export function isHeldElsewhere(channel: Channel): boolean {
  return channel !== 'builtin'
}

/** From when to when Join is offered for a call. */
export function joinWindowOf(schedule: Pick<Schedule, 'startsAt' | 'durationMinutes'>): { opensAt: Date; closesAt: Date } {
  const start = Date.parse(schedule.startsAt)
  return { opensAt: new Date(start - JOIN_OPENS_MINUTES_BEFORE * 60_000), closesAt: new Date(start + schedule.durationMinutes * 60_000) }
}

/** The call is near: from about 15 minutes before its start to its end. */
export function isJoinOpen(schedule: Pick<Schedule, 'startsAt' | 'durationMinutes'> | null, now: Date): boolean {
  if (!schedule) return false
  const { opensAt, closesAt } = joinWindowOf(schedule)
  return now.getTime() >= opensAt.getTime() && now.getTime() <= closesAt.getTime()
}
