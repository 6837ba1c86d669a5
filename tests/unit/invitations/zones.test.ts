import { describe, expect, it } from 'vitest'
import { readTzid, readZoneName } from '../../../src/shared/invitations/zones'

const zoneOf = (name: string) => readZoneName(name)?.zone ?? null

describe('zone names in invitations', () => {
  it('reads the display names Zoom, Teams and Calendly write', () => {
    expect(zoneOf('Eastern Time (US and Canada)')).toBe('America/New_York')
    expect(zoneOf('Eastern Time - US & Canada')).toBe('America/New_York')
    expect(zoneOf('Pacific Time (US and Canada)')).toBe('America/Los_Angeles')
    expect(zoneOf('(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna')).toBe('Europe/Berlin')
    expect(zoneOf('(UTC-05:00) Eastern Time (US & Canada)')).toBe('America/New_York')
    expect(zoneOf('Amsterdam, Berlin, Rom, Stockholm, Wien')).toBe('Europe/Berlin')
    expect(zoneOf('Mumbai, Kolkata, New Delhi')).toBe('Asia/Kolkata')
  })

  it('reads spoken names in several languages, single cities and IANA names', () => {
    expect(zoneOf('Central European Time')).toBe('Europe/Berlin')
    expect(zoneOf('Mitteleuropäische Zeit')).toBe('Europe/Berlin')
    expect(zoneOf('India Standard Time')).toBe('Asia/Kolkata')
    expect(zoneOf('Sydney')).toBe('Australia/Sydney')
    expect(zoneOf('Wien')).toBe('Europe/Vienna')
    expect(zoneOf('America/Sao_Paulo')).toBe('America/Sao_Paulo')
  })

  it('reads fixed offsets as Etc zones, whose sign is reversed', () => {
    expect(zoneOf('GMT+1')).toBe('Etc/GMT-1')
    expect(zoneOf('UTC−05:00')).toBe('Etc/GMT+5')
    expect(zoneOf('GMT+5:30')).toBe('Asia/Kolkata')
    expect(zoneOf('GMT+0')).toBe('UTC')
  })

  it('says how it read an abbreviation that means several zones', () => {
    expect(readZoneName('IST')).toEqual({ zone: 'Asia/Kolkata', note: expect.stringMatching(/India Standard Time.*Irish or Israel/) })
  })

  it('reads .ics TZIDs: Windows ids, IANA names behind a vendor prefix', () => {
    expect(readTzid('W. Europe Standard Time')?.zone).toBe('Europe/Berlin')
    expect(readTzid('Eastern Standard Time')?.zone).toBe('America/New_York')
    expect(readTzid('India Standard Time')?.zone).toBe('Asia/Kolkata')
    expect(readTzid('AUS Eastern Standard Time')?.zone).toBe('Australia/Sydney')
    expect(readTzid('/mozilla.org/20050126_1/Europe/Berlin')?.zone).toBe('Europe/Berlin')
  })

  it('knows nothing of names it has no rule for', () => {
    expect(readZoneName('Middle Earth Time')).toBeNull()
    expect(readZoneName('see you then')).toBeNull()
    expect(readTzid('Custom Zone 1')).toBeNull()
    expect(readZoneName('GMT+15')).toBeNull()
  })
})
