import { z } from 'zod'
import type { TimeFormatPreference } from './time-format'

/** The clock's preference (see time-format.ts, which stays free of zod for the app's shell). */
export const timeFormatSchema = z.enum(['system', '24h', '12h']) satisfies z.ZodType<TimeFormatPreference>

/** "HH:mm", 24-hour clock. */
export const clockTimeSchema = z
  .string()
  .max(5, 'Use a 24-hour time such as 09:00')
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 09:00')

/** An IANA zone name the runtime can format in, e.g. "Europe/Berlin". */
export const timeZoneSchema = z
  .string()
  .min(1, 'Choose a time zone')
  .max(100, { message: 'Unknown time zone: use an IANA name such as Europe/Berlin', abort: true })
  .refine(isKnownTimeZone, { error: (issue) => `Unknown time zone '${String(issue.input)}': use an IANA name such as Europe/Berlin` })

/** Zones already found valid: building a formatter costs more than the rest of a settings check together. */
const knownTimeZones = new Set<string>()

function isKnownTimeZone(zone: string): boolean {
  if (knownTimeZones.has(zone)) return true
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    // Only valid names are kept, and there are a few hundred of them.
    knownTimeZones.add(zone)
    return true
  } catch {
    return false
  }
}

/** ISO weekday numbers, Monday = 1 … Sunday = 7 (as luxon counts them). */
export const weekdaySchema = z.number().int().min(1).max(7)

export const workingHoursSchema = z
  .object({
    days: z.array(weekdaySchema).min(1, 'Pick at least one working day').max(7),
    start: clockTimeSchema,
    end: clockTimeSchema
  })
  .refine((hours) => hours.start < hours.end, {
    message: 'Working hours must end after they start',
    path: ['end']
  })

export const CALL_LENGTH_PRESETS = [10, 15, 20, 30] as const
export const callMinutesSchema = z
  .number()
  .int('Whole minutes only')
  .min(5, 'A call lasts at least 5 minutes')
  .max(240, 'A call lasts at most 4 hours')

/** How long before a call reminders ring, in minutes; a week at most. */
export const reminderLeadsSchema = z
  .array(z.number().int('Whole minutes only').min(1, 'At least one minute before').max(10_080, 'A week before at most'))
  .max(6, 'Six reminders per call at most')
  .refine((leads) => new Set(leads).size === leads.length, { message: 'Each reminder time only once' })
  .transform((leads) => [...leads].sort((a, b) => b - a))

export const themePreferenceSchema = z.enum(['system', 'light', 'dark'])

/** A STUN or TURN server for calls and the connection test. */
export const iceServerSchema = z.strictObject({
  url: z
    .string()
    .trim()
    .max(500, 'Keep the address under 500 characters')
    .regex(/^(stun|turn|turns):[^\s]+$/i, 'Use a stun:, turn: or turns: address, e.g. turn:turn.example.com:3478'),
  username: z.string().max(200),
  credential: z.string().max(200)
})
export type IceServer = z.infer<typeof iceServerSchema>

const MIN_ADMIN_SECRET = 16

/** Where call rooms are made: the app's own server, or a standalone one (`npm run signal`) both parties reach. */
export const signalingSettingsSchema = z
  .strictObject({
    mode: z.enum(['embedded', 'remote']),
    /** The app's own server's port; 0 picks a free one and keeps it while rooms live. */
    port: z.number().int('A whole port number').min(0, 'Ports run from 0 to 65535').max(65535, 'Ports run from 0 to 65535'),
    /** A standalone server's public address, e.g. https://signal.example.com. */
    remoteUrl: z.string().trim().max(500),
    /** The standalone server's admin secret, for POST /rooms. */
    adminSecret: z.string().trim().max(500)
  })
  .superRefine((value, context) => {
    if (value.mode !== 'remote') return
    let url: URL | null
    try {
      url = new URL(value.remoteUrl)
    } catch {
      url = null
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
      context.addIssue({
        code: 'custom',
        path: ['remoteUrl'],
        message: 'Use the server’s http(s) address, e.g. https://signal.example.com'
      })
    }
    if (value.adminSecret.length < MIN_ADMIN_SECRET) {
      context.addIssue({
        code: 'custom',
        path: ['adminSecret'],
        message: `The server’s admin secret has at least ${MIN_ADMIN_SECRET} characters`
      })
    }
  })

/**
 * The app's own server listens on 127.0.0.1 only. Settings stored by versions that offered
 * "My local network" (`listen: 'lan'`, a plain-http link where browsers refuse camera and
 * microphone) or this computer (`listen: 'loopback'`) read as this computer; Settings → Call
 * rooms says so (choseRetiredLocalNetwork) while the stored value still names the local network.
 */
export function upgradeStoredSetting(key: string, value: unknown): unknown {
  if (key !== 'signaling' || typeof value !== 'object' || value === null || !('listen' in value)) return value
  const { listen: _retired, ...rest } = value as Record<string, unknown>
  return rest
}

/** True when stored signaling settings chose the local network mode that is gone. */
export function choseRetiredLocalNetwork(stored: unknown): boolean {
  return typeof stored === 'object' && stored !== null && (stored as { listen?: unknown }).listen === 'lan'
}
export type SignalingSettings = z.infer<typeof signalingSettingsSchema>

export const DEFAULT_SIGNALING_SETTINGS: SignalingSettings = {
  mode: 'embedded',
  port: 0,
  remoteUrl: '',
  adminSecret: ''
}

export const settingsSchema = z.object({
  userName: z.string().trim().max(80, 'Keep the name under 80 characters'),
  timeZone: timeZoneSchema,
  workingHours: workingHoursSchema,
  defaultCallMinutes: callMinutesSchema,
  theme: themePreferenceSchema,
  /** 24- or 12-hour clock everywhere; "system" follows the user's locale. */
  timeFormat: timeFormatSchema,
  iceServers: z.array(iceServerSchema).max(10, 'Ten servers at most'),
  /**
   * The TURN server's shared secret (coturn's static-auth-secret), for the app's own call
   * server: TURN addresses above without a user name are handed to both parties with a
   * password minted per call, valid while the room lives. Never leaves this computer.
   */
  turnSecret: z.string().trim().max(500, 'Keep the secret under 500 characters'),
  /** Free time kept before and after each call. */
  bufferMinutes: z.number().int().min(0, 'No negative buffers').max(120, 'Two hours at most'),
  reminderLeadMinutes: reminderLeadsSchema,
  /** How long after a call's start Greenroom asks whether the client came. */
  noShowMarginMinutes: z.number().int().min(1, 'At least one minute').max(120, 'Two hours at most'),
  /** Desktop app only: start Greenroom (in the tray) when the user logs in. */
  startAtLogin: z.boolean(),
  /** Where call rooms are made (the STUN/TURN servers are iceServers above). */
  signaling: signalingSettingsSchema
})

/** Any subset of the settings; unknown keys are refused rather than dropped. */
export const settingsPatchSchema = z
  .object({
    userName: settingsSchema.shape.userName,
    timeZone: timeZoneSchema,
    workingHours: workingHoursSchema,
    defaultCallMinutes: callMinutesSchema,
    theme: themePreferenceSchema,
    timeFormat: timeFormatSchema,
    iceServers: settingsSchema.shape.iceServers,
    turnSecret: settingsSchema.shape.turnSecret,
    bufferMinutes: settingsSchema.shape.bufferMinutes,
    reminderLeadMinutes: reminderLeadsSchema,
    noShowMarginMinutes: settingsSchema.shape.noShowMarginMinutes,
    startAtLogin: z.boolean(),
    signaling: signalingSettingsSchema
  })
  .partial()
  .strict()

export type Settings = z.infer<typeof settingsSchema>
export type SettingsPatch = z.infer<typeof settingsPatchSchema>
export type ThemePreference = z.infer<typeof themePreferenceSchema>

export function defaultSettings(systemTimeZone: string): Settings {
  return {
    userName: '',
    timeZone: systemTimeZone,
    workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
    defaultCallMinutes: 15,
    theme: 'system',
    timeFormat: 'system',
    iceServers: [],
    turnSecret: '',
    bufferMinutes: 10,
    reminderLeadMinutes: [1440, 60, 10],
    noShowMarginMinutes: 10,
    startAtLogin: false,
    signaling: DEFAULT_SIGNALING_SETTINGS
  }
}
