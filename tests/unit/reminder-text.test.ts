import { describe, expect, it } from 'vitest'
import { clockStartingAt } from '../../src/shared/time-source'
import { leadText, startsText } from '../../src/shared/reminder-text'

describe('reminder wording', () => {
  it('says lead times as people do', () => {
    expect([2880, 1440, 180, 60, 90, 10, 1].map(leadText)).toEqual([
      '2 days',
      '1 day',
      '3 hours',
      '1 hour',
      '90 minutes',
      '10 minutes',
      '1 minute'
    ])
  })

  it('says when the call starts, seen from now', () => {
    const now = new Date('2026-11-24T13:50:00.000Z')
    expect(startsText('2026-11-24T14:00:00.000Z', now)).toBe('in 10 minutes')
    expect(startsText('2026-11-24T13:50:20.000Z', now)).toBe('now')
    expect(startsText('2026-11-24T13:47:00.000Z', now)).toBe('started 3 minutes ago')
    expect(startsText('2026-11-25T14:00:00.000Z', now)).toBe('in 1 day')
  })
})

describe('the browser host’s --clock-start clock', () => {
  it('starts at the given time and then runs at real speed', () => {
    let real = 1_000_000
    const clock = clockStartingAt('2026-11-24T13:49:55.000Z', () => real)
    expect(clock.now().toISOString()).toBe('2026-11-24T13:49:55.000Z')
    real += 5_000
    expect(clock.now().toISOString()).toBe('2026-11-24T13:50:00.000Z')
  })

  it('refuses what is not a date', () => {
    expect(() => clockStartingAt('tomorrow-ish')).toThrow('Not a date and time: "tomorrow-ish"')
  })
})
