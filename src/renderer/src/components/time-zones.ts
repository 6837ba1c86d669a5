import { DateTime } from 'luxon'

export interface TimeZoneOption {
  value: string
  label: string
}

let cached: TimeZoneOption[] | null = null

/** Every IANA zone the runtime knows, labelled with its current UTC offset. */
export function timeZoneOptions(): TimeZoneOption[] {
  if (cached) return cached
  const zones = new Set(Intl.supportedValuesOf('timeZone'))
  zones.add('UTC')
  const now = DateTime.now()
  cached = [...zones].sort().map((zone) => ({
    value: zone,
    label: `${zone.replaceAll('_', ' ')} (UTC${now.setZone(zone).toFormat('ZZ')})`
  }))
  return cached
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}
