import { describe, expect, it } from 'vitest'
import { alternativesMessage, describeInBothZones, fromWallClock, overlapping, suggestSlots, withinWorkingHours } from '../../src/shared/schedule'

const weekdays = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }

describe('times in two zones', () => {
  it('show the user’s time with the client’s beside it', () => {
    expect(describeInBothZones('2026-11-24T14:00:00.000Z', 'Europe/Berlin', 'America/New_York')).toBe('Tue 24 Nov, 15:00 your time · 09:00 in New York')
  })

  it('name the client’s day when it differs', () => {
    expect(describeInBothZones('2026-11-24T01:00:00.000Z', 'Asia/Tokyo', 'America/Los_Angeles')).toBe('Tue 24 Nov, 10:00 your time · Mon 17:00 in Los Angeles')
  })

  it('follow daylight-saving changes on each side: Berlin and New York are 5 hours apart for one week in autumn', () => {
    // Europe leaves summer time on 25 Oct 2026, the United States on 1 Nov 2026.
    expect(describeInBothZones('2026-10-28T14:00:00.000Z', 'Europe/Berlin', 'America/New_York')).toBe('Wed 28 Oct, 15:00 your time · 10:00 in New York')
    expect(describeInBothZones('2026-11-04T14:00:00.000Z', 'Europe/Berlin', 'America/New_York')).toBe('Wed 4 Nov, 15:00 your time · 09:00 in New York')
  })

  it('read a time typed in the client’s zone as the right instant', () => {
    expect(fromWallClock('2026-11-24T09:00', 'America/New_York')).toEqual({ start: '2026-11-24T14:00:00.000Z' })
    expect(fromWallClock('2026-07-01T09:00', 'America/New_York')).toEqual({ start: '2026-07-01T13:00:00.000Z' })
  })

  it('refuse a time the clocks skip when summer time starts', () => {
    expect(fromWallClock('2026-03-29T02:30', 'Europe/Berlin')).toEqual({ error: '02:30 does not exist on that day in Berlin: the clocks jump forward' })
    expect(fromWallClock('not a time', 'Europe/Berlin')).toEqual({ error: 'Enter a date and a time' })
  })
})

describe('working hours and overlaps', () => {
  it('accept a call inside working hours and refuse one that runs past the end', () => {
    expect(withinWorkingHours({ start: '2026-11-24T15:30:00.000Z', durationMinutes: 30 }, weekdays, 'Europe/Berlin')).toBe(true) // 16:30–17:00
    expect(withinWorkingHours({ start: '2026-11-24T15:45:00.000Z', durationMinutes: 30 }, weekdays, 'Europe/Berlin')).toBe(false) // ends 17:15
    expect(withinWorkingHours({ start: '2026-11-28T10:00:00.000Z', durationMinutes: 15 }, weekdays, 'Europe/Berlin')).toBe(false) // Saturday
  })

  it('find collisions, counting the buffer on either side', () => {
    const busy = [{ id: 'a', start: '2026-11-24T10:00:00.000Z', durationMinutes: 30 }]
    expect(overlapping({ start: '2026-11-24T10:30:00.000Z', durationMinutes: 15 }, busy, 0)).toEqual([])
    expect(overlapping({ start: '2026-11-24T10:30:00.000Z', durationMinutes: 15 }, busy, 10).map((slot) => slot.id)).toEqual(['a'])
    expect(overlapping({ start: '2026-11-24T09:45:00.000Z', durationMinutes: 20 }, busy, 0).map((slot) => slot.id)).toEqual(['a'])
  })
})

describe('suggested slots', () => {
  const base = {
    now: '2026-11-27T15:10:00.000Z', // Friday 16:10 in Berlin
    days: 4,
    durationMinutes: 30,
    workingHours: weekdays,
    userZone: 'Europe/Berlin',
    bufferMinutes: 15,
    limit: 4
  }

  it('skip the past, the weekend and busy time with its buffer', () => {
    const busy = [{ id: 'a', start: '2026-11-30T08:00:00.000Z', durationMinutes: 30 }] // Monday 09:00–09:30 Berlin
    const slots = suggestSlots({ ...base, busy })
    // Friday 16:30 would end at 17:00 but starts within the 15-minute buffer of "now" → 16:30 is fine (20 min away)
    expect(slots.map((slot) => slot.start)).toEqual([
      '2026-11-27T15:30:00.000Z', // Fri 16:30
      '2026-11-30T09:00:00.000Z', // Mon 10:00: 09:30 is inside the buffer after the busy call
      '2026-11-30T09:30:00.000Z',
      '2026-11-30T10:00:00.000Z'
    ])
  })

  it('spread over several days, a few a day', () => {
    const slots = suggestSlots({ ...base, days: 5, busy: [], limit: 6, perDay: 2 })
    const days = slots.map((slot) => slot.start.slice(0, 10))
    expect(days).toEqual(['2026-11-27', '2026-11-30', '2026-11-30', '2026-12-01', '2026-12-01'])
  })

  it('turn chosen slots into a message in the client’s zone, with the user’s beside it', () => {
    const message = alternativesMessage({
      slots: [{ start: '2026-11-30T14:00:00.000Z', durationMinutes: 20 }],
      clientName: 'Maya Chen',
      clientZone: 'America/Los_Angeles',
      userZone: 'Europe/Berlin',
      userName: 'Ana',
      durationMinutes: 20
    })
    expect(message).toBe(
      [
        'Hi Maya,',
        '',
        'Thanks for your interest. Here are a few times that work for a 20-minute call:',
        '',
        '• Monday 30 November, 06:00–06:20 Los Angeles time (Mon 15:00 for me, Berlin)',
        '',
        'Let me know which suits you best, or suggest another time.',
        '',
        'Ana'
      ].join('\n')
    )
  })
})
