import { z } from 'zod'
import { channelSchema, idSchema, instantSchema } from './pipeline'
import { roomIceServerSchema } from './signaling'

/**
 * The call room's records: where the signaling service runs (a setting), the room each
 * interview calls in (kept while it lives, so the invite link stays the same), and the
 * calls that took place with what was measured and how the user rated them.
 */

export { DEFAULT_SIGNALING_SETTINGS, signalingSettingsSchema, type SignalingSettings } from './settings'

/** An interview's call room, for the host's app: the invite link to share and what the app joins with. */
export const callRoomSchema = z.object({
  interviewId: idSchema,
  room: z.string(),
  /** Kept by the host's app; never shared. */
  hostToken: z.string(),
  inviteUrl: z.url(),
  signalUrl: z.url(),
  expiresAt: instantSchema,
  server: z.enum(['embedded', 'remote']),
  /** The invite link only works on this computer (the app's own server listens on 127.0.0.1 only). */
  localOnly: z.boolean()
})
export type CallRoom = z.infer<typeof callRoomSchema>

/** A guest waiting in an interview's call room while the host's call page is closed: the app rings for them. */
export const waitingGuestSchema = z.object({
  interviewId: idSchema,
  /** The name the guest gave. */
  guestName: z.string().max(200),
  interviewTitle: z.string()
})
export type WaitingGuest = z.infer<typeof waitingGuestSchema>

/** Longest chat message in a call, in characters. */
export const CHAT_TEXT_MAX = 2_000
/** A chat message as it travels over the call's data channel; anything else there is dropped. */
export const chatWireSchema = z.strictObject({
  type: z.literal('chat'),
  id: z.string().regex(/^[\w-]{1,40}$/),
  text: z.string().trim().min(1).max(CHAT_TEXT_MAX)
})
/** One line of a call's chat, as it is saved with the interview. */
export const chatLineSchema = z.strictObject({
  from: z.string().trim().min(1).max(200),
  at: instantSchema,
  text: z.string().trim().min(1).max(CHAT_TEXT_MAX)
})
export type ChatLine = z.infer<typeof chatLineSchema>

export const signalingInfoSchema = z.object({
  mode: z.enum(['embedded', 'remote']),
  /** The app's own server runs now. */
  running: z.boolean(),
  /** The address guests reach (the app's own server once started, or the remote one). */
  baseUrl: z.string().nullable(),
  /**
   * The stored Settings chose "My local network", which is gone (browsers refuse camera and
   * microphone on its plain-http links): they now read as this computer only, until saved.
   */
  retiredLocalNetwork: z.boolean()
})
export type SignalingInfo = z.infer<typeof signalingInfoSchema>

/** One step of Settings → Call rooms → Check this server: what was found, and how to fix it when it failed. */
export const serverCheckStepSchema = z.object({
  /** The address answers over HTTPS; the call socket opens; a room is made; a TURN relay is reached over UDP, and over TCP/TLS. */
  id: z.enum(['https', 'socket', 'room', 'relayUdp', 'relayTcp']),
  status: z.enum(['pass', 'fail', 'skipped']),
  detail: z.string(),
  fix: z.string().nullable()
})
export type ServerCheckStep = z.infer<typeof serverCheckStepSchema>
/** Main's steps, and the TURN servers with the passwords minted for the test room, for the renderer's relay steps. */
export const serverCheckSchema = z.object({ steps: z.array(serverCheckStepSchema), iceServers: z.array(roomIceServerSchema).max(10) })
export type ServerCheck = z.infer<typeof serverCheckSchema>

export const CALL_ISSUES = ['echo', 'choppy_audio', 'frozen_video', 'dropped'] as const
export const callIssueSchema = z.enum(CALL_ISSUES)
export type CallIssue = z.infer<typeof callIssueSchema>
export const CALL_ISSUE_LABELS: Record<CallIssue, string> = {
  echo: 'Echo',
  choppy_audio: 'Choppy audio',
  frozen_video: 'Frozen video',
  dropped: 'Dropped'
}

const ms = z.number().finite().min(0).max(600_000)
const percent = z.number().finite().min(0).max(100)

/** What the app measured over the call (from getStats every few seconds). */
export const callMeasurementsSchema = z.object({
  averageRttMs: ms.nullable(),
  worstRttMs: ms.nullable(),
  averageLossPercent: percent.nullable(),
  worstLossPercent: percent.nullable(),
  averageJitterMs: ms.nullable(),
  /** Expected quality from the averages, 1…4.5 (E-model). */
  mos: z.number().min(1).max(4.5).nullable(),
  /** Readings taken. */
  samples: z.number().int().min(0).max(1_000_000),
  /** Times the connection dropped and came back by itself. */
  reconnects: z.number().int().min(0).max(10_000)
})
export type CallMeasurements = z.infer<typeof callMeasurementsSchema>

/** A call held in another app: Greenroom measured nothing. */
export const NO_MEASUREMENTS: CallMeasurements = {
  averageRttMs: null,
  worstRttMs: null,
  averageLossPercent: null,
  worstLossPercent: null,
  averageJitterMs: null,
  mos: null,
  samples: 0,
  reconnects: 0
}

export const recordCallInputSchema = z
  .strictObject({
    interviewId: idSchema,
    startedAt: instantSchema,
    endedAt: instantSchema,
    /** Where it was held; Greenroom's own call room unless said otherwise. */
    channel: channelSchema.optional(),
    /** What Greenroom measured; none for a call held in another app. */
    measurements: callMeasurementsSchema.strict().optional()
  })
  .refine((input) => Date.parse(input.endedAt) >= Date.parse(input.startedAt), {
    message: 'A call ends after it starts',
    path: ['endedAt']
  })
  .refine((input) => Date.parse(input.endedAt) - Date.parse(input.startedAt) <= 24 * 3_600_000, {
    message: 'A call lasts a day at most',
    path: ['endedAt']
  })

export const rateCallInputSchema = z.strictObject({
  id: idSchema,
  rating: z.number().int('Rate with 1 to 5 stars').min(1, 'Rate with 1 to 5 stars').max(5, 'Rate with 1 to 5 stars'),
  issues: z
    .array(callIssueSchema)
    .max(CALL_ISSUES.length)
    .refine((issues) => new Set(issues).size === issues.length, { message: 'Each issue once' })
})

export const callRecordSchema = z.object({
  id: idSchema,
  interviewId: idSchema,
  startedAt: instantSchema,
  endedAt: instantSchema,
  durationSeconds: z.number().int().min(0),
  channel: channelSchema,
  measurements: callMeasurementsSchema,
  rating: z.number().int().min(1).max(5).nullable(),
  issues: z.array(callIssueSchema),
  ratedAt: instantSchema.nullable()
})
export type CallRecord = z.infer<typeof callRecordSchema>

/** A screen or a window to share, as the desktop app's picker lists it. */
export const screenSourceSchema = z.object({
  id: z.string().max(200),
  name: z.string(),
  kind: z.enum(['screen', 'window']),
  /** A PNG data URL. */
  thumbnail: z.string()
})
export type ScreenSource = z.infer<typeof screenSourceSchema>

export const screenSourcesSchema = z.object({
  /** `app`: pick from `sources` in Greenroom's picker; `browser`: the browser shows its own. */
  picker: z.enum(['app', 'browser']),
  sources: z.array(screenSourceSchema)
})
export type ScreenSources = z.infer<typeof screenSourcesSchema>

/** The call's phases while it is on or being put through: leaving warns, the window stays a call window. */
export const LIVE_CALL_PHASES = ['connecting', 'connected', 'reconnecting'] as const
export type LiveCallPhase = (typeof LIVE_CALL_PHASES)[number]
export function isLiveCall(phase: string): phase is LiveCallPhase {
  return (LIVE_CALL_PHASES as readonly string[]).includes(phase)
}
