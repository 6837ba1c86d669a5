import { DateTime } from 'luxon'

export type ReminderKind = 'before_call' | 'no_show'

export interface PlannedCall {
  interviewId: string
  startsAt: string
}

export interface PlannedReminder {
  interviewId: string
  kind: ReminderKind
  leadMinutes: number
  callStartsAt: string
  dueAt: string
}

const MINUTES_PER_DAY = 1440

/**
 * When a reminder `leadMinutes` before `startsAt` rings. Whole-day leads are counted in
 * calendar days in the user's zone, so "a day before" a 09:00 call rings at 09:00 the day
 * before even when a daylight-saving change lies in between (23 or 25 real hours);
 * shorter leads are exact durations.
 */
export function reminderDueAt(startsAt: string, leadMinutes: number, userZone: string): string {
  const start = DateTime.fromISO(startsAt, { zone: userZone })
  const due =
    leadMinutes % MINUTES_PER_DAY === 0 ? start.minus({ days: leadMinutes / MINUTES_PER_DAY }) : start.minus({ minutes: leadMinutes })
  return due.toUTC().toISO({ suppressMilliseconds: false })!
}

/** Every reminder the scheduled calls should have: one per lead time, and the no-show question. */
export function planReminders(input: {
  calls: PlannedCall[]
  leadMinutes: number[]
  noShowMarginMinutes: number
  userZone: string
}): PlannedReminder[] {
  const planned: PlannedReminder[] = []
  for (const call of input.calls) {
    const callStartsAt = DateTime.fromISO(call.startsAt, { zone: 'utc' }).toISO()!
    for (const leadMinutes of input.leadMinutes) {
      planned.push({
        interviewId: call.interviewId,
        kind: 'before_call',
        leadMinutes,
        callStartsAt,
        dueAt: reminderDueAt(callStartsAt, leadMinutes, input.userZone)
      })
    }
    planned.push({
      interviewId: call.interviewId,
      kind: 'no_show',
      leadMinutes: -input.noShowMarginMinutes,
      callStartsAt,
      dueAt: DateTime.fromISO(callStartsAt, { zone: 'utc' }).plus({ minutes: input.noShowMarginMinutes }).toISO()!
    })
  }
  return planned
}

/** The identity of a reminder: planning the same call again finds the same row. */
export function reminderKey(reminder: Pick<PlannedReminder, 'interviewId' | 'kind' | 'leadMinutes' | 'callStartsAt'>): string {
  return `${reminder.interviewId}|${reminder.kind}|${reminder.leadMinutes}|${reminder.callStartsAt}`
}
