/**
 * The names invitations give their time zones, read as IANA zones. Zoom, Teams, Outlook
 * and Calendly write display names ("Eastern Time (US and Canada)", "(UTC+01:00)
 * Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"), .ics files from Outlook carry
 * Windows zone ids ("W. Europe Standard Time"), people write "CET" or "GMT+1".
 * Anything not listed here is not guessed: the caller asks the user.
 */

export interface ZoneReading {
  zone: string
  /** Said to the user when the name could mean more than one zone. */
  note?: string
}

/** Lower case, accents and punctuation gone, "&" as "and": "Eastern Time - US & Canada" → "eastern time us and canada". */
export function zoneKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replaceAll('&', ' and ')
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim()
}

const NY = 'America/New_York'
const CHICAGO = 'America/Chicago'
const DENVER = 'America/Denver'
const LA = 'America/Los_Angeles'
const BERLIN = 'Europe/Berlin'
const LONDON = 'Europe/London'
const KOLKATA = 'Asia/Kolkata'
const SYDNEY = 'Australia/Sydney'

/** Display names and common spoken names, by zoneKey. */
const NAMED_ZONES: Record<string, string> = {
  // Zoom, Teams, Outlook and Calendly display names (English)
  'eastern time us and canada': NY,
  'central time us and canada': CHICAGO,
  'mountain time us and canada': DENVER,
  'pacific time us and canada': LA,
  'atlantic time canada': 'America/Halifax',
  alaska: 'America/Anchorage',
  'alaska time': 'America/Anchorage',
  hawaii: 'Pacific/Honolulu',
  'hawaii time': 'Pacific/Honolulu',
  arizona: 'America/Phoenix',
  'arizona time': 'America/Phoenix',
  'dublin edinburgh lisbon london': LONDON,
  'edinburgh london': LONDON,
  'uk time': LONDON,
  'amsterdam berlin rome stockholm vienna': BERLIN,
  'amsterdam berlin bern rome stockholm vienna': BERLIN,
  'brussels copenhagen madrid paris': 'Europe/Paris',
  'belgrade bratislava budapest ljubljana prague': 'Europe/Budapest',
  'sarajevo skopje warsaw zagreb': 'Europe/Warsaw',
  'athens bucharest': 'Europe/Bucharest',
  'helsinki kyiv riga sofia tallinn vilnius': 'Europe/Kyiv',
  'moscow st petersburg': 'Europe/Moscow',
  'chennai kolkata mumbai new delhi': KOLKATA,
  'mumbai kolkata new delhi': KOLKATA,
  'canberra melbourne sydney': SYDNEY,
  'osaka sapporo tokyo': 'Asia/Tokyo',
  'beijing chongqing hong kong urumqi': 'Asia/Shanghai',
  'kuala lumpur singapore': 'Asia/Singapore',
  'abu dhabi muscat': 'Asia/Dubai',
  'bogota lima quito rio branco': 'America/Bogota',
  'guadalajara mexico city monterrey': 'America/Mexico_City',
  'coordinated universal time': 'UTC',
  utc: 'UTC',
  gmt: 'UTC',
  'greenwich mean time': 'UTC',
  // The same lists in German, French and Spanish (Zoom and Teams translate them)
  'amsterdam berlin rom stockholm wien': BERLIN,
  'amsterdam berlin bern rom stockholm wien': BERLIN,
  'amsterdam berlin berne rome stockholm vienne': BERLIN,
  'amsterdam berlin berna roma estocolmo viena': BERLIN,
  'brussel kopenhagen madrid paris': 'Europe/Paris',
  'bruxelles copenhague madrid paris': 'Europe/Paris',
  'bruselas copenhague madrid paris': 'Europe/Paris',
  'guadalajara ciudad de mexico monterrey': 'America/Mexico_City',
  'ciudad de mexico': 'America/Mexico_City',
  'hora del este ee uu y canada': NY,
  'hora del pacifico ee uu y canada': LA,
  'heure de l est etats unis et canada': NY,
  'ostliche zeitzone usa und kanada': NY,
  // Spoken names and abbreviations
  'eastern time': NY,
  'eastern standard time': NY,
  'eastern daylight time': NY,
  et: NY,
  est: NY,
  edt: NY,
  'central time': CHICAGO,
  'central standard time': CHICAGO,
  'central daylight time': CHICAGO,
  ct: CHICAGO,
  cdt: CHICAGO,
  'mountain time': DENVER,
  'mountain standard time': DENVER,
  'mountain daylight time': DENVER,
  mt: DENVER,
  mdt: DENVER,
  'pacific time': LA,
  'pacific standard time': LA,
  'pacific daylight time': LA,
  pt: LA,
  pst: LA,
  pdt: LA,
  'british summer time': LONDON,
  'british time': LONDON,
  bst: LONDON,
  'central european time': BERLIN,
  'central european standard time': BERLIN,
  'central european summer time': BERLIN,
  cet: BERLIN,
  cest: BERLIN,
  'mitteleuropaische zeit': BERLIN,
  'mitteleuropaische normalzeit': BERLIN,
  'mitteleuropaische sommerzeit': BERLIN,
  mez: BERLIN,
  mesz: BERLIN,
  'heure d europe centrale': 'Europe/Paris',
  'heure normale d europe centrale': 'Europe/Paris',
  'heure d ete d europe centrale': 'Europe/Paris',
  'hora de europa central': 'Europe/Madrid',
  'hora estandar de europa central': 'Europe/Madrid',
  'hora de verano de europa central': 'Europe/Madrid',
  'eastern european time': 'Europe/Athens',
  'eastern european summer time': 'Europe/Athens',
  eet: 'Europe/Athens',
  eest: 'Europe/Athens',
  'western european time': 'Europe/Lisbon',
  'india standard time': KOLKATA,
  'indian standard time': KOLKATA,
  'australian eastern time': SYDNEY,
  'australian eastern standard time': SYDNEY,
  'australian eastern daylight time': SYDNEY,
  aest: SYDNEY,
  aedt: SYDNEY,
  'japan standard time': 'Asia/Tokyo',
  jst: 'Asia/Tokyo',
  'china standard time': 'Asia/Shanghai',
  'singapore time': 'Asia/Singapore',
  'singapore standard time': 'Asia/Singapore',
  'gulf standard time': 'Asia/Dubai',
  'pakistan standard time': 'Asia/Karachi',
  pkt: 'Asia/Karachi',
  'brasilia time': 'America/Sao_Paulo',
  'horario de brasilia': 'America/Sao_Paulo',
  'new zealand time': 'Pacific/Auckland',
  'new zealand standard time': 'Pacific/Auckland',
  'new zealand daylight time': 'Pacific/Auckland',
  nzst: 'Pacific/Auckland',
  nzdt: 'Pacific/Auckland'
}

/** Abbreviations several places use; read as the most common one, and said so. */
const AMBIGUOUS: Record<string, ZoneReading> = {
  ist: { zone: KOLKATA, note: '“IST” was read as India Standard Time (it can also mean Irish or Israel time)' },
  cst: { zone: CHICAGO, note: '“CST” was read as US Central time (it can also mean China Standard Time)' },
  mst: { zone: DENVER, note: '“MST” was read as US Mountain time (Arizona keeps MST all year: pick Phoenix if so)' }
}

/** City names in the languages Zoom and Teams write them, where they differ from the IANA city. */
const LOCAL_CITIES: Record<string, string> = {
  rom: 'Europe/Rome',
  roma: 'Europe/Rome',
  wien: 'Europe/Vienna',
  viena: 'Europe/Vienna',
  vienne: 'Europe/Vienna',
  londres: LONDON,
  munchen: BERLIN,
  munich: BERLIN,
  lissabon: 'Europe/Lisbon',
  lisboa: 'Europe/Lisbon',
  lisbonne: 'Europe/Lisbon',
  prag: 'Europe/Prague',
  warschau: 'Europe/Warsaw',
  varsovia: 'Europe/Warsaw',
  bruxelles: 'Europe/Brussels',
  brussel: 'Europe/Brussels',
  bruselas: 'Europe/Brussels',
  kiew: 'Europe/Kyiv',
  kiev: 'Europe/Kyiv',
  kyiv: 'Europe/Kyiv',
  kolkata: KOLKATA,
  calcutta: KOLKATA,
  mumbai: KOLKATA,
  'new delhi': KOLKATA,
  bangalore: KOLKATA,
  'san francisco': LA,
  seattle: LA,
  boston: NY,
  washington: NY,
  miami: NY,
  austin: CHICAGO,
  dallas: CHICAGO,
  houston: CHICAGO,
  'mexico city': 'America/Mexico_City',
  'hong kong': 'Asia/Hong_Kong',
  beijing: 'Asia/Shanghai',
  'ho chi minh': 'Asia/Ho_Chi_Minh',
  'saint petersburg': 'Europe/Moscow'
}

/**
 * Windows zone ids as Outlook and Teams put them in .ics TZIDs, with the IANA zone
 * Unicode CLDR's windowsZones table gives for each ("001" territory).
 */
const WINDOWS_ZONES: Record<string, string> = {
  'Dateline Standard Time': 'Etc/GMT+12',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Alaskan Standard Time': 'America/Anchorage',
  'Pacific Standard Time': LA,
  'Pacific Standard Time (Mexico)': 'America/Tijuana',
  'US Mountain Standard Time': 'America/Phoenix',
  'Mountain Standard Time': DENVER,
  'Mountain Standard Time (Mexico)': 'America/Mazatlan',
  'Central Standard Time': CHICAGO,
  'Central Standard Time (Mexico)': 'America/Mexico_City',
  'Canada Central Standard Time': 'America/Regina',
  'Central America Standard Time': 'America/Guatemala',
  'Eastern Standard Time': NY,
  'Eastern Standard Time (Mexico)': 'America/Cancun',
  'US Eastern Standard Time': 'America/Indiana/Indianapolis',
  'SA Pacific Standard Time': 'America/Bogota',
  'Venezuela Standard Time': 'America/Caracas',
  'Atlantic Standard Time': 'America/Halifax',
  'SA Western Standard Time': 'America/La_Paz',
  'Pacific SA Standard Time': 'America/Santiago',
  'Newfoundland Standard Time': 'America/St_Johns',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Argentina Standard Time': 'America/Buenos_Aires',
  'SA Eastern Standard Time': 'America/Cayenne',
  'Montevideo Standard Time': 'America/Montevideo',
  UTC: 'UTC',
  'Coordinated Universal Time': 'UTC',
  'GMT Standard Time': LONDON,
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': BERLIN,
  'Central Europe Standard Time': 'Europe/Budapest',
  'Romance Standard Time': 'Europe/Paris',
  'Central European Standard Time': 'Europe/Warsaw',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'Morocco Standard Time': 'Africa/Casablanca',
  'GTB Standard Time': 'Europe/Bucharest',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kyiv',
  'Israel Standard Time': 'Asia/Jerusalem',
  'Egypt Standard Time': 'Africa/Cairo',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Russian Standard Time': 'Europe/Moscow',
  'Arab Standard Time': 'Asia/Riyadh',
  'E. Africa Standard Time': 'Africa/Nairobi',
  'Iran Standard Time': 'Asia/Tehran',
  'Arabian Standard Time': 'Asia/Dubai',
  'Pakistan Standard Time': 'Asia/Karachi',
  'India Standard Time': KOLKATA,
  'Sri Lanka Standard Time': 'Asia/Colombo',
  'Nepal Standard Time': 'Asia/Kathmandu',
  'Bangladesh Standard Time': 'Asia/Dhaka',
  'Myanmar Standard Time': 'Asia/Yangon',
  'SE Asia Standard Time': 'Asia/Bangkok',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'Taipei Standard Time': 'Asia/Taipei',
  'W. Australia Standard Time': 'Australia/Perth',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Korea Standard Time': 'Asia/Seoul',
  'Cen. Australia Standard Time': 'Australia/Adelaide',
  'AUS Central Standard Time': 'Australia/Darwin',
  'E. Australia Standard Time': 'Australia/Brisbane',
  'AUS Eastern Standard Time': SYDNEY,
  'New Zealand Standard Time': 'Pacific/Auckland'
}
const WINDOWS_BY_KEY = new Map(Object.entries(WINDOWS_ZONES).map(([name, zone]) => [zoneKey(name), zone]))

/** Half-hour and 45-minute offsets belong to one zone each in practice, and keep it all year. */
const ODD_OFFSETS: Record<string, string> = {
  '+05:30': KOLKATA,
  '+05:45': 'Asia/Kathmandu',
  '+06:30': 'Asia/Yangon',
  '+04:30': 'Asia/Kabul'
}

function isIanaZone(name: string): boolean {
  if (name !== 'UTC' && !/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(name)) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

let ianaCities: Map<string, string> | null = null
/** "new york" → America/New_York, from the zones the runtime knows. */
function ianaCity(key: string): string | undefined {
  ianaCities ??= new Map(Intl.supportedValuesOf('timeZone').map((zone) => [zoneKey(zone.split('/').at(-1)!.replaceAll('_', ' ')), zone]))
  return LOCAL_CITIES[key] ?? ianaCities.get(key)
}

/** "GMT+1", "UTC-05:00", "GMT +5:30" as a zone; whole hours become Etc/GMT∓N (whose sign POSIX reverses). */
function offsetZone(text: string): string | undefined {
  const match = /^(?:gmt|utc)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(text.trim().replace('−', '-'))
  if (!match) return undefined
  const [, sign, hoursText, minutesText = '00'] = match
  const hours = Number(hoursText)
  if (hours > 14) return undefined
  if (minutesText === '00') return hours === 0 ? 'UTC' : `Etc/GMT${sign === '+' ? '-' : '+'}${hours}`
  return ODD_OFFSETS[`${sign}${String(hours).padStart(2, '0')}:${minutesText}`]
}

/**
 * The zone a piece of invitation text names, or null. Accepts IANA names, display
 * names, Windows ids, abbreviations, "GMT+1", and city lists ("Amsterdam, Berlin, Rom").
 * A Windows display name's "(UTC+01:00)" prefix is dropped: that offset is the zone's
 * winter offset, and the cities after it say which rules apply.
 */
export function readZoneName(name: string): ZoneReading | null {
  const trimmed = name
    .trim()
    .replace(/^\(+|\)+$/g, '')
    .trim()
  if (!trimmed) return null
  if (isIanaZone(trimmed)) return { zone: trimmed }
  const windows = WINDOWS_ZONES[trimmed]
  if (windows) return { zone: windows }
  const prefixed = /^\(?(?:utc|gmt)\s*[+\-−]?\s*[\d:]*\)\s*(.+)$/i.exec(trimmed)
  if (prefixed) return readZoneName(prefixed[1]!)
  const offset = offsetZone(trimmed)
  if (offset) return { zone: offset }
  const key = zoneKey(trimmed)
  const named = NAMED_ZONES[key] ?? WINDOWS_BY_KEY.get(key)
  if (named) return { zone: named }
  const ambiguous = AMBIGUOUS[key]
  if (ambiguous) return ambiguous
  // A list of cities such as Zoom writes: the first one Greenroom knows decides.
  const cities = trimmed
    .split(/\s*,\s*/)
    .map(zoneKey)
    .filter(Boolean)
  if (cities.length > 0) {
    const zones = cities.map(ianaCity)
    const first = zones.find((zone) => zone !== undefined)
    if (first && (cities.length === 1 || zones.filter(Boolean).length >= Math.ceil(cities.length / 2))) return { zone: first }
  }
  return null
}

/** A .ics TZID: an IANA name (also behind a vendor prefix like "/mozilla.org/…/Europe/Berlin"), a Windows id, or a display name. */
export function readTzid(tzid: string): ZoneReading | null {
  const direct = readZoneName(tzid)
  if (direct) return direct
  const tail = /([A-Za-z]+\/[A-Za-z0-9_+-]+(?:\/[A-Za-z0-9_+-]+)?)$/.exec(tzid.trim())
  return tail && isIanaZone(tail[1]!) ? { zone: tail[1]! } : null
}
