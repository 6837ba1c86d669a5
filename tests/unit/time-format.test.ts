import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import {
  formatClock,
  formatClockText,
  formatDayAndClock,
  resolveHourCycle,
  systemHourCycle,
  zonedClock
} from '../../src/shared/time-format'

describe('the clock format', () => {
  const afternoon = DateTime.fromISO('2026-11-24T16:30:00', { zone: 'Europe/Berlin' })

  it('follows the system’s locale until the user chooses one', () => {
    expect(systemHourCycle('en-US')).toBe('12h')
    expect(systemHourCycle('de-DE')).toBe('24h')
    expect(systemHourCycle('en-GB')).toBe('24h')
    expect(resolveHourCycle('system', 'en-US')).toBe('12h')
    expect(resolveHourCycle('24h', 'en-US')).toBe('24h')
    expect(resolveHourCycle('12h', 'de-DE')).toBe('12h')
  })

  it('writes times one way: 16:30 or 4:30 PM, midnight and noon included', () => {
    expect(formatClock(afternoon, '24h')).toBe('16:30')
    expect(formatClock(afternoon, '12h')).toBe('4:30 PM')
    expect(formatClock(afternoon, '12h', { seconds: true })).toBe('4:30:00 PM')
    expect(formatDayAndClock(afternoon, '12h')).toBe('Tue 24 Nov, 4:30 PM')
    expect(formatClockText('00:15', '12h')).toBe('12:15 AM')
    expect(formatClockText('12:00', '12h')).toBe('12:00 PM')
    expect(formatClockText('09:05', '24h')).toBe('09:05')
    expect(formatClock(DateTime.fromISO('2026-11-24T00:15:00'), '12h')).toBe(formatClockText('00:15', '12h'))
  })
})

describe('the header’s clock (Intl alone, drawn before Luxon loads)', () => {
  const zones = ['UTC', 'Europe/Berlin', 'America/Sao_Paulo', 'Asia/Kolkata', 'Pacific/Chatham', 'America/New_York']
  // Midnight, noon, an afternoon and a summer-time day, so both day periods and offsets change.
  const instants = ['2026-11-24T00:15:00Z', '2026-11-24T12:00:00Z', '2026-11-24T16:30:00Z', '2026-07-05T23:59:00Z']

  it('words the time as Luxon and formatClock do, in every zone, on both clocks', () => {
    for (const zone of zones) {
      for (const iso of instants) {
        const luxon = DateTime.fromISO(iso).setZone(zone)
        for (const cycle of ['24h', '12h'] as const) {
          expect(zonedClock(new Date(iso), zone, cycle)).toEqual({
            weekday: luxon.toFormat('ccc'),
            longWeekday: luxon.toFormat('cccc'),
            clock: formatClock(luxon, cycle),
            offset: luxon.toFormat('ZZ')
          })
        }
      }
    }
  })

  it('reads "Tue", "16:30" and "+01:00" for an afternoon in Berlin', () => {
    expect(zonedClock(new Date('2026-11-24T15:30:00Z'), 'Europe/Berlin', '24h')).toEqual({
      weekday: 'Tue',
      longWeekday: 'Tuesday',
      clock: '16:30',
      offset: '+01:00'
    })
    expect(zonedClock(new Date('2026-11-24T00:15:00Z'), 'UTC', '12h').clock).toBe('12:15 AM')
    expect(zonedClock(new Date('2026-11-24T00:15:00Z'), 'UTC', '12h').offset).toBe('+00:00')
  })
})
