import { describe, expect, it } from 'vitest'
import { DateTime } from 'luxon'
import {
  alternativesMessage,
  describeInBothZones,
  fromWallClock,
  offerSlots,
  overlapping,
  withinWorkingHours,
  type OfferedSlot
} from '../../src/shared/schedule'

const weekdays = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }

describe('times in two zones', () => {
  it('show the user’s time with the client’s beside it', () => {
    expect(describeInBothZones('2026-11-24T14:00:00.000Z', 'Europe/Berlin', 'America/New_York', '24h')).toBe(
      'Tue 24 Nov, 15:00 your time · 09:00 in New York'
    )
  })

  it('use the 12-hour clock when that is the chosen format, on both sides', () => {
    expect(describeInBothZones('2026-11-24T14:00:00.000Z', 'Europe/Berlin', 'America/New_York', '12h')).toBe(
      'Tue 24 Nov, 3:00 PM your time · 9:00 AM in New York'
    )
  })

  it('name the client’s day when it differs', () => {
    expect(describeInBothZones('2026-11-24T01:00:00.000Z', 'Asia/Tokyo', 'America/Los_Angeles', '24h')).toBe(
      'Tue 24 Nov, 10:00 your time · Mon 17:00 in Los Angeles'
    )
  })

  it('follow daylight-saving changes on each side: Berlin and New York are 5 hours apart for one week in autumn', () => {
    // Europe leaves summer time on 25 Oct 2026, the United States on 1 Nov 2026.
    expect(describeInBothZones('2026-10-28T14:00:00.000Z', 'Europe/Berlin', 'America/New_York', '24h')).toBe(
      'Wed 28 Oct, 15:00 your time · 10:00 in New York'
    )
    expect(describeInBothZones('2026-11-04T14:00:00.000Z', 'Europe/Berlin', 'America/New_York', '24h')).toBe(
      'Wed 4 Nov, 15:00 your time · 09:00 in New York'
    )
  })

  it('read a time typed in the client’s zone as the right instant', () => {
    expect(fromWallClock('2026-11-24T09:00', 'America/New_York', '24h')).toEqual({ start: '2026-11-24T14:00:00.000Z' })
    expect(fromWallClock('2026-07-01T09:00', 'America/New_York', '24h')).toEqual({ start: '2026-07-01T13:00:00.000Z' })
  })

  it('refuse a time the clocks skip when summer time starts', () => {
    expect(fromWallClock('2026-03-29T02:30', 'Europe/Berlin', '24h')).toEqual({
      error: '02:30 does not exist on that day in Berlin: the clocks jump forward'
    })
    expect(fromWallClock('2026-03-29T02:30', 'Europe/Berlin', '12h')).toEqual({
      error: '2:30 AM does not exist on that day in Berlin: the clocks jump forward'
    })
    expect(fromWallClock('not a time', 'Europe/Berlin', '24h')).toEqual({ error: 'Enter a date and a time' })
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
    limit: 4,
    client: null
  }

  it('skip the past, the weekend and busy time with its buffer', () => {
    const busy = [{ id: 'a', start: '2026-11-30T08:00:00.000Z', durationMinutes: 30 }] // Monday 09:00–09:30 Berlin
    const { slots } = offerSlots({ ...base, busy })
    // Friday 16:30 would end at 17:00 but starts within the 15-minute buffer of "now" → 16:30 is fine (20 min away)
    expect(slots.map((slot) => slot.start)).toEqual([
      '2026-11-27T15:30:00.000Z', // Fri 16:30
      '2026-11-30T09:00:00.000Z', // Mon 10:00: 09:30 is inside the buffer after the busy call
      '2026-11-30T09:30:00.000Z',
      '2026-11-30T10:00:00.000Z'
    ])
  })

  it('spread over several days, a few a day', () => {
    const { slots } = offerSlots({ ...base, days: 5, busy: [], limit: 6, perDay: 2 })
    const days = slots.map((slot) => slot.start.slice(0, 10))
    expect(days).toEqual(['2026-11-27', '2026-11-30', '2026-11-30', '2026-12-01', '2026-12-01'])
  })

  it('without a client zone, are all marked good and earliest first', () => {
    const { overlap, slots } = offerSlots({ ...base, busy: [] })
    expect(overlap).toBe(true)
    expect(slots.every((slot) => slot.fit === 'good' && slot.client === null)).toBe(true)
    expect([...slots].sort((a, b) => a.start.localeCompare(b.start))).toEqual(slots)
  })

  it('turn chosen slots into a message in the client’s zone, with the user’s beside it', () => {
    const message = alternativesMessage({
      slots: [{ start: '2026-11-30T14:00:00.000Z', durationMinutes: 20 }],
      clientName: 'Maya Chen',
      clientZone: 'America/Los_Angeles',
      userZone: 'Europe/Berlin',
      userName: 'Ana',
      durationMinutes: 20,
      cycle: '24h'
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

describe('the message offering times', () => {
  const options = {
    clientName: 'Liam Walker',
    clientZone: 'Australia/Sydney',
    userZone: 'Europe/Berlin',
    userName: '',
    durationMinutes: 30
  }

  it('lists the client’s time first, in time order, in the chosen clock', () => {
    const message = alternativesMessage({
      ...options,
      cycle: '12h',
      slots: [
        { start: '2027-04-06T07:30:00.000Z', durationMinutes: 30 },
        { start: '2027-04-05T07:00:00.000Z', durationMinutes: 30 }
      ]
    })
    expect(message.split('\n').filter((line) => line.startsWith('•'))).toEqual([
      '• Monday 5 April, 5:00 PM–5:30 PM Sydney time (Mon 9:00 AM for me, Berlin)',
      '• Tuesday 6 April, 5:30 PM–6:00 PM Sydney time (Tue 9:30 AM for me, Berlin)'
    ])
    expect(message).not.toContain('edge of the usual hours')
  })

  it('says so when the times fall outside someone’s working day', () => {
    const message = alternativesMessage({
      ...options,
      cycle: '24h',
      slots: [{ start: '2027-03-30T06:30:00.000Z', durationMinutes: 30, fit: 'outside' }]
    })
    expect(message).toContain('Our working days barely meet across the time difference, so these sit at the edge of the usual hours.')
    expect(message).toContain('• Tuesday 30 March, 17:30–18:00 Sydney time (Tue 08:30 for me, Berlin)')
  })
})

describe('times offered to a client in another zone', () => {
  const clientDay = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' }
  const wall = (slot: OfferedSlot, zone: string) => DateTime.fromISO(slot.start).setZone(zone).toFormat('ccc dd HH:mm')
  const offerFromBerlin = (now: string, days: number, zone: string) =>
    offerSlots({
      now,
      days,
      durationMinutes: 30,
      workingHours: weekdays,
      userZone: 'Europe/Berlin',
      client: { zone, workingHours: clientDay },
      busy: [],
      bufferMinutes: 0,
      perDay: 2,
      limit: 12
    })

  it('fall in both working days for New York, spread over the days, across the US change to summer time', () => {
    // Wed 10 March 2027, 08:00 in Berlin. New York moves its clocks on Sunday 14 March,
    // Berlin not until the 28th: Berlin is 6 hours ahead until then, 5 after.
    const { overlap, slots } = offerFromBerlin('2027-03-10T07:00:00.000Z', 7, 'America/New_York')
    expect(overlap).toBe(true)
    for (const slot of slots) {
      const mine = DateTime.fromISO(slot.start).setZone('Europe/Berlin')
      const theirs = DateTime.fromISO(slot.start).setZone('America/New_York')
      expect(
        mine.toFormat('HH:mm') >= '09:00' && mine.plus({ minutes: 30 }).toFormat('HH:mm') <= '17:00',
        wall(slot, 'Europe/Berlin')
      ).toBe(true)
      expect(
        theirs.toFormat('HH:mm') >= '09:00' && theirs.plus({ minutes: 30 }).toFormat('HH:mm') <= '18:00',
        wall(slot, 'America/New_York')
      ).toBe(true)
    }
    // Best first: a 5-hour gap leaves more room, so Monday and Tuesday lead, an hour inside both days.
    expect(slots.slice(0, 4).map((slot) => wall(slot, 'Europe/Berlin'))).toEqual([
      'Mon 15 15:00',
      'Mon 15 15:30',
      'Tue 16 15:00',
      'Tue 16 15:30'
    ])
    expect(slots.slice(0, 4).map((slot) => wall(slot, 'America/New_York'))).toEqual([
      'Mon 15 10:00',
      'Mon 15 10:30',
      'Tue 16 10:00',
      'Tue 16 10:30'
    ])
    expect(slots.slice(0, 4).every((slot) => slot.fit === 'good')).toBe(true)
    // Before the change only 09:00–11:00 New York overlaps, the edge of the client's day.
    expect(slots.slice(4).map((slot) => wall(slot, 'Europe/Berlin'))).toEqual([
      'Wed 10 15:30',
      'Wed 10 16:00',
      'Thu 11 15:30',
      'Thu 11 16:00',
      'Fri 12 15:30',
      'Fri 12 16:00'
    ])
    expect(slots.slice(4).every((slot) => slot.fit === 'edge' && Math.min(slot.user.edgeMinutes, slot.client!.edgeMinutes) === 30)).toBe(
      true
    )
    expect(new Set(slots.map((slot) => slot.start.slice(0, 10))).size).toBe(5)
  })

  it('say there is no overlap with Sydney in the week the clocks go opposite ways, and offer the least bad hours, marked', () => {
    // Mon 29 March 2027: Berlin is on summer time since the 28th, Sydney on its summer
    // time until 4 April. 9 hours apart: Sydney's 09:00–18:00 is Berlin's 00:00–09:00.
    const { overlap, slots } = offerFromBerlin('2027-03-29T07:00:00.000Z', 5, 'Australia/Sydney')
    expect(overlap).toBe(false)
    expect(slots.every((slot) => slot.fit === 'outside')).toBe(true)
    // Half an hour outside someone's day is as close as it gets; worse ones come last.
    expect(slots.map((slot) => slot.user.outsideMinutes + slot.client!.outsideMinutes)).toEqual([30, 30, 30, 30, 30, 30, 30, 30, 30, 60])
    expect(slots.slice(0, 3).map((slot) => `${wall(slot, 'Europe/Berlin')} / ${wall(slot, 'Australia/Sydney')}`)).toEqual([
      'Mon 29 09:00 / Mon 29 18:00',
      'Tue 30 08:30 / Tue 30 17:30',
      'Tue 30 09:00 / Tue 30 18:00'
    ])
  })

  it('find the overlap with Sydney again once Sydney leaves summer time', () => {
    // From Monday 5 April, 8 hours apart: Berlin 09:00–10:00 is Sydney 17:00–18:00.
    const { overlap, slots } = offerFromBerlin('2027-03-29T07:00:00.000Z', 10, 'Australia/Sydney')
    expect(overlap).toBe(true)
    expect(slots.map((slot) => wall(slot, 'Europe/Berlin'))).toEqual([
      'Mon 05 09:00',
      'Mon 05 09:30',
      'Tue 06 09:00',
      'Tue 06 09:30',
      'Wed 07 09:00',
      'Wed 07 09:30'
    ])
    expect(slots.map((slot) => wall(slot, 'Australia/Sydney'))[0]).toBe('Mon 05 17:00')
  })

  it('leave out busy time on the offered days', () => {
    const busy = [{ id: 'a', start: '2027-03-15T14:00:00.000Z', durationMinutes: 60 }] // Mon 15:00–16:00 Berlin
    const { slots } = offerSlots({
      now: '2027-03-10T07:00:00.000Z',
      days: 7,
      durationMinutes: 30,
      workingHours: weekdays,
      userZone: 'Europe/Berlin',
      client: { zone: 'America/New_York', workingHours: clientDay },
      busy,
      bufferMinutes: 0,
      perDay: 2
    })
    expect(slots.filter((slot) => slot.start.startsWith('2027-03-15')).map((slot) => wall(slot, 'Europe/Berlin'))).toEqual([
      'Mon 15 14:30',
      'Mon 15 16:00'
    ])
  })
})
