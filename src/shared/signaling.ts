import { z } from 'zod'
import { instantSchema } from './instant'
import { parseJsonWithin } from './json-depth'

/**
 * The call room's signaling protocol: JSON messages over one WebSocket per participant,
 * spoken by the signaling service (src/main/services/signaling) and by both parties' apps.
 *
 * A room belongs to one interview and holds two people at most: the host (the freelancer,
 * whose app created the room) and the guest (the client, who opens the invite link).
 *
 *   guest                      service                       host
 *     | join(guest token)  ->     |     <-  join(host token)    |
 *     | <- joined                 |                 joined ->   |
 *     |                           |   peer-joined, ring ->      |   the host's app rings:
 *     |                           |     <-  accept | decline    |   Accept / Decline
 *     | <- accept                 |                             |
 *     | signal  <->  signal (simple-peer offer, answer, ICE candidates, renegotiation)
 *     | hang-up  ->               |              hang-up ->     |   either side; the call can ring again
 *     | (socket closes)           |              peer-left ->   |
 *
 * The host's app may also *watch* a room while its call page is closed: `watch` with the host
 * token takes no seat (the call page still joins as host), hears `ring` when a guest waits
 * and `waiting-over` when that ends, and may `decline`; the waiting guest hears `host-told`.
 *
 * Rules the service enforces: the first message must be `join` (or `watch`); only the host answers a
 * ring; `signal` is relayed only once the host accepted; a guest may ring again after a
 * decline or a hang-up. Anything else is refused with an `error` naming what went wrong,
 * and nobody else is affected. An error with `fatal: true` is followed by the socket
 * closing with one of SIGNAL_CLOSE_CODES.
 */

/** The WebSocket path on the signaling server. */
export const SIGNAL_PATH = '/signal'
/** Invite links: `<base>/join/<room>#<guest token>`; the token is in the fragment, which browsers never send. */
export const JOIN_PATH_PREFIX = '/join/'
/** Room creation over HTTP (POST, with the server's admin secret). */
export const ROOMS_PATH = '/rooms'

/** A whole WebSocket message, in bytes; larger ones close the connection (WebSocket code 1009). */
export const MAX_MESSAGE_BYTES = 64 * 1024
/** A simple-peer signal object, serialised; larger ones are refused with TOO_LARGE. */
export const MAX_SIGNAL_BYTES = 32 * 1024
export const MAX_NAME_LENGTH = 80
/** How deeply a message's arrays and objects may nest (the deepest real one, a transceiver request, needs 6). */
export const MAX_MESSAGE_DEPTH = 32

const id = z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only')
/** Room ids: 128 random bits, base64url. */
export const roomIdSchema = id.length(22)
/** Room tokens: 256 random bits, base64url. */
export const roomTokenSchema = id.length(43)
export const roleSchema = z.enum(['host', 'guest'])
export type Role = z.infer<typeof roleSchema>

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'a name is needed')
  .max(MAX_NAME_LENGTH)
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'no control characters')

// ---- simple-peer's signal objects (see simple-peer's index.js, every emit('signal', …)) ----

export const sdpSignalSchema = z.object({
  type: z.enum(['offer', 'answer', 'pranswer', 'rollback']),
  sdp: z.string().max(MAX_SIGNAL_BYTES)
})
export const candidateSignalSchema = z.object({
  type: z.literal('candidate'),
  candidate: z.object({
    candidate: z.string().max(2048),
    sdpMLineIndex: z.number().int().min(0).max(1024).nullable().optional(),
    sdpMid: z.string().max(256).nullable().optional(),
    usernameFragment: z.string().max(256).nullable().optional()
  })
})
export const renegotiateSignalSchema = z.object({ type: z.literal('renegotiate'), renegotiate: z.literal(true) })
export const transceiverRequestSignalSchema = z.object({
  type: z.literal('transceiverRequest'),
  transceiverRequest: z.object({
    kind: z.enum(['audio', 'video']),
    init: z.record(z.string(), z.json()).optional()
  })
})

/** What simple-peer emits on 'signal' and accepts in peer.signal(), capped at MAX_SIGNAL_BYTES. */
export const signalDataSchema = z
  .discriminatedUnion('type', [sdpSignalSchema, candidateSignalSchema, renegotiateSignalSchema, transceiverRequestSignalSchema])
  .refine((data) => JSON.stringify(data).length <= MAX_SIGNAL_BYTES, {
    message: `a signal may be at most ${MAX_SIGNAL_BYTES / 1024} KiB`,
    params: { tooLarge: true }
  })
export type SignalData = z.infer<typeof signalDataSchema>

// ---- client -> service ----

export const joinMessageSchema = z.object({
  type: z.literal('join'),
  room: roomIdSchema,
  token: roomTokenSchema,
  role: roleSchema,
  name: displayNameSchema
})
/** The guest rings (again) after a decline or a hang-up; the first ring is the service's, on join. */
export const ringMessageSchema = z.object({ type: z.literal('ring') })
export const acceptMessageSchema = z.object({ type: z.literal('accept') })
export const declineMessageSchema = z.object({ type: z.literal('decline'), reason: z.string().trim().max(200).optional() })
export const signalMessageSchema = z.object({ type: z.literal('signal'), data: signalDataSchema })
export const hangUpMessageSchema = z.object({ type: z.literal('hang-up') })
/** The host's app, with the host token, asks to be told when a guest waits while its call page is closed. */
export const watchMessageSchema = z.object({
  type: z.literal('watch'),
  room: roomIdSchema,
  token: roomTokenSchema,
  /** The host's name, which the waiting guest is told. */
  name: displayNameSchema
})
/** How many of the host's apps may watch one room at once (a reconnect may overlap the old socket's last seconds). */
export const MAX_WATCHERS_PER_ROOM = 4

export const clientMessageSchema = z.discriminatedUnion('type', [
  joinMessageSchema,
  ringMessageSchema,
  acceptMessageSchema,
  declineMessageSchema,
  signalMessageSchema,
  hangUpMessageSchema,
  watchMessageSchema
])
export type ClientMessage = z.infer<typeof clientMessageSchema>
export type ClientMessageType = ClientMessage['type']

// ---- service -> client ----

export const participantSchema = z.object({ role: roleSchema, name: z.string() })
export type Participant = z.infer<typeof participantSchema>

export const signalErrorCodeSchema = z.enum([
  /** Not JSON, or not one of the messages above. */
  'MALFORMED',
  /** A message or signal over its size limit. */
  'TOO_LARGE',
  /** Unknown room, wrong token, or a token for the other role. Fatal. */
  'UNAUTHORIZED',
  /** Both places are taken (or this role's is). Fatal. */
  'ROOM_FULL',
  /** The room's time is over. Fatal. */
  'ROOM_EXPIRED',
  /** The host made a new invite link for the interview; this room is closed. Fatal. */
  'ROOM_REPLACED',
  /** Anything but `join` before joining. */
  'NOT_JOINED',
  'ALREADY_JOINED',
  /** Valid, but not now or not from this role (a signal before the host accepted, a guest accepting…). */
  'NOT_ALLOWED',
  /** Too many messages; fatal when it goes on. */
  'RATE_LIMITED',
  /** No `join` within the time allowed. Fatal. */
  'JOIN_TIMEOUT',
  'INTERNAL'
])
export type SignalErrorCode = z.infer<typeof signalErrorCodeSchema>

const iceUrlSchema = z
  .string()
  .regex(/^(stun|stuns|turn|turns):[^\s]+$/i)
  .max(500)

/**
 * A STUN/TURN server handed to whoever joins a room. TURN credentials in it are short-lived
 * ones the signaling server minted for this room and participant (the TURN REST scheme):
 * long-term credentials from the host's Settings never travel here.
 */
export const roomIceServerSchema = z.strictObject({
  urls: z.union([iceUrlSchema, z.array(iceUrlSchema).min(1).max(10)]),
  username: z.string().max(200).optional(),
  credential: z.string().max(200).optional()
})
export type RoomIceServer = z.infer<typeof roomIceServerSchema>
const roomIceServersSchema = z.array(roomIceServerSchema).max(10)

export const serverMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('joined'),
    room: roomIdSchema,
    role: roleSchema,
    /** Who is already in the room, if anyone. */
    peer: participantSchema.nullable(),
    expiresAt: instantSchema,
    /** STUN/TURN servers for this call (absent from servers older than this field). */
    iceServers: roomIceServersSchema.optional()
  }),
  z.object({ type: z.literal('peer-joined'), peer: participantSchema }),
  z.object({
    type: z.literal('peer-left'),
    peer: participantSchema,
    /** `lost`: the connection dropped or stopped answering heartbeats. */
    reason: z.enum(['left', 'lost'])
  }),
  /** To the host: the guest is here and waiting to be let in. */
  z.object({ type: z.literal('ring'), from: participantSchema }),
  /** To the guest: the host's answer. */
  z.object({ type: z.literal('accept') }),
  z.object({ type: z.literal('decline'), reason: z.string().optional() }),
  z.object({ type: z.literal('signal'), data: signalDataSchema }),
  z.object({ type: z.literal('hang-up') }),
  /** To a watcher: it watches the room until it expires (or is replaced). */
  z.object({ type: z.literal('watching'), room: roomIdSchema, expiresAt: instantSchema }),
  /** To a watcher: the guest who waited left, was declined, or the host's call page joined. */
  z.object({ type: z.literal('waiting-over') }),
  /** To a guest who waits while the host's call page is closed: the host's app rang for them. */
  z.object({ type: z.literal('host-told'), name: z.string().max(200) }),
  z.object({
    type: z.literal('error'),
    code: signalErrorCodeSchema,
    message: z.string(),
    /** The type of the message refused, when there was one. */
    refused: z.string().optional(),
    /** The service closes the connection after this error. */
    fatal: z.boolean()
  })
])
export type ServerMessage = z.infer<typeof serverMessageSchema>
export type ServerMessageType = ServerMessage['type']
export type ServerMessageOf<T extends ServerMessageType> = Extract<ServerMessage, { type: T }>

/** WebSocket close codes the service uses (4000-4999 is the range left to applications). */
export const SIGNAL_CLOSE_CODES = {
  /** The service is shutting down (standard "going away"). */
  SHUTDOWN: 1001,
  /** A message over MAX_MESSAGE_BYTES (standard "message too big", sent by ws itself). */
  TOO_LARGE: 1009,
  UNAUTHORIZED: 4401,
  JOIN_TIMEOUT: 4408,
  ROOM_FULL: 4409,
  ROOM_EXPIRED: 4410,
  ROOM_REPLACED: 4411,
  RATE_LIMITED: 4429
} as const

// ---- what the guest page shows before joining ----

export const MAX_CALL_TITLE_LENGTH = 200

/**
 * Who invites the guest, to what and when, as the host's app tells the server when it
 * makes the room; every field optional (an unscheduled interview has no start).
 */
export const callInviteSchema = z.object({
  hostName: z.string().trim().max(MAX_NAME_LENGTH).optional(),
  title: z.string().trim().max(MAX_CALL_TITLE_LENGTH).optional(),
  startsAt: instantSchema.optional(),
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional()
})
export type CallInvite = z.infer<typeof callInviteSchema>

/**
 * GET here with `Authorization: Bearer <guest token>` (what the invite link holds): the
 * room's invite and the STUN/TURN servers the guest will call through, so the guest page
 * can say whose call it is and check the guest's connection before anyone is rung.
 */
export function roomAboutPath(room: string): string {
  return `${ROOMS_PATH}/${room}/about`
}
export const roomAboutSchema = z.object({
  call: callInviteSchema,
  iceServers: roomIceServersSchema,
  expiresAt: instantSchema
})
export type RoomAbout = z.infer<typeof roomAboutSchema>

// ---- room creation ----

export const DEFAULT_ROOM_TTL_SECONDS = 24 * 60 * 60
export const MAX_ROOM_TTL_SECONDS = 30 * 24 * 60 * 60

/** POST /rooms body (and the in-process createRoom's input). */
export const createRoomInputSchema = z.object({
  /** How long the room lives; an invite is usually sent days before the call. */
  ttlSeconds: z.number().int().min(60).max(MAX_ROOM_TTL_SECONDS).optional(),
  iceServers: roomIceServersSchema.optional(),
  /** What the guest page says of the call (absent from apps older than this field). */
  call: callInviteSchema.optional()
})
export type CreateRoomInput = z.infer<typeof createRoomInputSchema>

export const createdRoomSchema = z.object({
  room: roomIdSchema,
  /** Kept by the host's app; never shared. */
  hostToken: roomTokenSchema,
  /** Travels only inside the invite link's fragment. */
  guestToken: roomTokenSchema,
  /** `http(s)://<host>:<port>/join/<room>#<guest token>`, for the guest. */
  inviteUrl: z.url(),
  /** `ws(s)://<host>:<port>/signal`, for both apps. */
  signalUrl: z.url(),
  expiresAt: instantSchema
})
export type CreatedRoom = z.infer<typeof createdRoomSchema>

/**
 * POST here (with the admin secret, like room creation) retires a room at once: the host
 * made a new invite link, so the old one must stop working and say so.
 */
export function retireRoomPath(room: string): string {
  return `${ROOMS_PATH}/${room}/retire`
}
/** POST /rooms/<room>/retire body: who the guest should ask for the new link. */
export const retireRoomInputSchema = z.object({ hostName: z.string().trim().max(MAX_NAME_LENGTH).optional() })
export type RetireRoomInput = z.infer<typeof retireRoomInputSchema>

/** What an old invite link says once its room was replaced. */
export function replacedRoomMessage(hostName: string | undefined): string {
  return `This invitation was replaced by a newer link. Ask ${hostName?.trim() || 'the person who invited you'} for the new one.`
}

/** The invite link for a room on a server whose public base is `baseUrl` (http or https). */
export function inviteUrl(baseUrl: string, room: string, guestToken: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${JOIN_PATH_PREFIX}${room}#${guestToken}`
}

/** The WebSocket address of the server whose public base is `baseUrl`. */
export function signalUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '').replace(/^http/, 'ws')}${SIGNAL_PATH}`
}

/** Reads an invite link back: the room, the guest token, the server's base address and its WebSocket address. */
export function parseInviteUrl(link: string): { room: string; token: string; baseUrl: string; signalUrl: string } | null {
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  // The server may sit under a path of a larger site (a proxy's /greenroom/join/…).
  const at = url.pathname.lastIndexOf(JOIN_PATH_PREFIX)
  if (at < 0 || url.search) return null
  const room = roomIdSchema.safeParse(url.pathname.slice(at + JOIN_PATH_PREFIX.length))
  const token = roomTokenSchema.safeParse(url.hash.slice(1))
  if (!room.success || !token.success) return null
  const baseUrl = `${url.origin}${url.pathname.slice(0, at)}`
  return { room: room.data, token: token.data, baseUrl, signalUrl: signalUrl(baseUrl) }
}

/** Parses one raw WebSocket message from a client: the message, or the refusal to send back. */
export function parseClientMessage(
  text: string
): { ok: true; message: ClientMessage } | { ok: false; code: 'MALFORMED' | 'TOO_LARGE'; message: string; refused?: string } {
  const read = parseJsonWithin(text, MAX_MESSAGE_DEPTH)
  if (!read.ok) return { ok: false, code: 'MALFORMED', message: read.message }
  const json = read.value
  const parsed = clientMessageSchema.safeParse(json)
  if (parsed.success) return { ok: true, message: parsed.data }
  const type =
    typeof json === 'object' && json !== null && typeof (json as { type?: unknown }).type === 'string'
      ? String((json as { type: string }).type).slice(0, 40)
      : undefined
  const issue = parsed.error.issues[0]
  const tooLarge = parsed.error.issues.some(
    (i) => i.code === 'too_big' || (i.code === 'custom' && (i.params as { tooLarge?: boolean } | undefined)?.tooLarge)
  )
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''
  return {
    ok: false,
    code: tooLarge ? 'TOO_LARGE' : 'MALFORMED',
    message: `${tooLarge ? 'Message too large' : 'Malformed message'}${where}: ${issue?.message ?? 'invalid'}`,
    ...(type ? { refused: type } : {})
  }
}
