import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { formatClock, formatClockText, formatDayAndClock, resolveHourCycle, systemHourCycle } from '../../src/shared/time-format'

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
