import { describe, expect, it } from 'vitest'
import { planReminders, reminderDueAt } from '../../src/main/services/reminders/plan'

describe('when a reminder rings', () => {
  it('is an exact duration before the call for leads shorter than a day', () => {
    expect(reminderDueAt('2026-11-24T14:00:00.000Z', 10, 'Europe/Berlin')).toBe('2026-11-24T13:50:00.000Z')
    expect(reminderDueAt('2026-11-24T14:00:00.000Z', 60, 'Europe/Berlin')).toBe('2026-11-24T13:00:00.000Z')
  })

  it('is the same wall-clock time the day before, even across the autumn clock change', () => {
    // Sunday 25 October 2026, 09:00 in Berlin (CET, UTC+1); the clocks went back at 03:00 that night.
    const call = '2026-10-25T08:00:00.000Z'
    // Saturday 09:00 was still summer time (UTC+2): 25 real hours earlier.
    expect(reminderDueAt(call, 1440, 'Europe/Berlin')).toBe('2026-10-24T07:00:00.000Z')
  })

  it('is the same wall-clock time the day before across the spring change too', () => {
    // Monday 9 March 2026, 09:00 in New York (EDT, UTC−4); the clocks went forward on Sunday.
    expect(reminderDueAt('2026-03-09T13:00:00.000Z', 1440, 'America/New_York')).toBe('2026-03-08T13:00:00.000Z')
    expect(reminderDueAt('2026-03-09T13:00:00.000Z', 2880, 'America/New_York')).toBe('2026-03-07T14:00:00.000Z')
  })

  it('counts short leads in real minutes across the change', () => {
    // 03:30 CET on 25 October is 02:30Z; an hour earlier is 01:30Z, which Berlin shows as 02:30 CEST.
    expect(reminderDueAt('2026-10-25T02:30:00.000Z', 60, 'Europe/Berlin')).toBe('2026-10-25T01:30:00.000Z')
  })
})

describe('planning reminders', () => {
  it('plans one per lead time and the no-show question after the margin', () => {
    const planned = planReminders({
      calls: [{ interviewId: 'a', startsAt: '2026-11-24T14:00:00Z' }],
      leadMinutes: [1440, 60, 10],
      noShowMarginMinutes: 15,
      userZone: 'Europe/Berlin'
    })
    expect(planned.map((reminder) => [reminder.kind, reminder.leadMinutes, reminder.dueAt])).toEqual([
      ['before_call', 1440, '2026-11-23T14:00:00.000Z'],
      ['before_call', 60, '2026-11-24T13:00:00.000Z'],
      ['before_call', 10, '2026-11-24T13:50:00.000Z'],
      ['no_show', -15, '2026-11-24T14:15:00.000Z']
    ])
    expect(new Set(planned.map((reminder) => reminder.callStartsAt))).toEqual(new Set(['2026-11-24T14:00:00.000Z']))
  })

  it('plans nothing but the no-show question when reminders are switched off', () => {
    const planned = planReminders({
      calls: [{ interviewId: 'a', startsAt: '2026-11-24T14:00:00.000Z' }],
      leadMinutes: [],
      noShowMarginMinutes: 10,
      userZone: 'UTC'
    })
    expect(planned.map((reminder) => reminder.kind)).toEqual(['no_show'])
  })
})
