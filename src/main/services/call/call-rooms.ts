import { networkInterfaces } from 'node:os'
import type { CallRoom, SignalingInfo } from '../../../shared/call'
import { ApiError } from '../../../shared/errors'
import type { Settings, SignalingSettings } from '../../../shared/settings'
import { createdRoomSchema, MAX_ROOM_TTL_SECONDS, retireRoomPath, ROOMS_PATH, type CreatedRoom, type RoomIceServer } from '../../../shared/signaling'
import type { Clock } from '../clock'
import type { Database } from '../database'
import { loadSummary } from '../pipeline/interviews'
import { startSignalingServer, type SignalingServer, type SignalingServerOptions } from '../signaling/server'

interface RoomRow {
  interview_id: string
  room: string
  host_token: string
  guest_token: string
  server: 'embedded' | 'remote'
  base_url: string
  invite_url: string
  signal_url: string
  expires_at: string
  created_at: string
}

export interface CallRoomsDeps {
  db: Database
  clock: Clock
  settings: () => Promise<Settings>
  /** The built renderer folder, whose guest.html the app's own server serves at /join/<room>. */
  guestPageDir?: string
  /** The origins of the app's own pages, which the app's signaling server lets open its socket. */
  appOrigins?: () => string[]
  /** Starts the app's own signaling server (tests pass their own clock and timers through it). */
  startServer?: (options: SignalingServerOptions) => Promise<SignalingServer>
  /** Reaches a standalone server's POST /rooms and /rooms/<room>/retire. */
  fetch?: typeof fetch
  /** This computer's IPv4 addresses on the local network. */
  lanAddresses?: () => string[]
}

/** A room is reused while it has at least this long to live; after that a new one is made. */
const REUSE_MARGIN_MS = 30 * 60_000
/** A room lives a day, or until half a day after the scheduled call ends if that is later. */
const DAY_SECONDS = 24 * 3600
const AFTER_CALL_SECONDS = 12 * 3600

export function systemLanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry.address)
}

function toCallRoom(row: RoomRow, localOnly: boolean): CallRoom {
  return {
    interviewId: row.interview_id,
    room: row.room,
    hostToken: row.host_token,
    inviteUrl: row.invite_url,
    signalUrl: row.signal_url,
    expiresAt: row.expires_at,
    server: row.server,
    localOnly
  }
}

const trimSlash = (url: string) => url.replace(/\/+$/, '')

/**
 * Call rooms per interview, on the signaling server chosen in Settings: the app's own
 * (started on first use, on 127.0.0.1 or the local network) or a standalone one reached
 * with its admin secret. Each interview's room is stored, so its invite link stays the
 * same while the room lives, across restarts too: the app's own server takes its stored
 * rooms back when it starts, on the port they were made on when that port is free.
 */
export function createCallRoomsService(deps: CallRoomsDeps) {
  const { db, clock } = deps
  const start = deps.startServer ?? startSignalingServer
  const lan = deps.lanAddresses ?? systemLanAddresses
  let embedded: { key: string; server: Promise<SignalingServer> } | null = null

  const keyOf = (signaling: SignalingSettings) => `${signaling.listen}:${signaling.port}`

  async function liveRows(server: 'embedded' | 'remote'): Promise<RoomRow[]> {
    return db.all<RoomRow>('SELECT * FROM call_rooms WHERE server = ? AND julianday(expires_at) > julianday(?) ORDER BY created_at DESC', [
      server,
      clock.now().toISOString()
    ])
  }

  async function startEmbedded(signaling: SignalingSettings): Promise<SignalingServer> {
    const host = signaling.listen === 'lan' ? '0.0.0.0' : '127.0.0.1'
    const publicHost = signaling.listen === 'lan' ? (lan()[0] ?? '127.0.0.1') : '127.0.0.1'
    const rows = await liveRows('embedded')
    // With no port set, the one the live rooms were made on keeps their invite links working.
    const stored = rows
      .map((row) => new URL(row.base_url))
      .find((url) => url.hostname === publicHost && url.port !== '')
    const preferred = signaling.port || (stored ? Number(stored.port) : 0)
    const options: SignalingServerOptions = {
      host,
      publicHost,
      port: preferred,
      clock,
      allowedOrigins: deps.appOrigins?.() ?? [],
      ...(deps.guestPageDir ? { guestPageDir: deps.guestPageDir } : {})
    }
    let server: SignalingServer
    try {
      server = await start(options)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (signaling.port !== 0) {
        throw new ApiError(
          'CONFLICT',
          code === 'EADDRINUSE'
            ? `Port ${signaling.port} is in use by another program: choose another in Settings → Call rooms, or 0 for any free port`
            : `The call server could not start on port ${signaling.port}: ${(error as Error).message}`
        )
      }
      if (preferred === 0) throw error
      // The rooms' old port is taken now: a free one, and new links.
      server = await start({ ...options, port: 0 })
    }
    // Replaced rooms come back retired, so their links still say they were replaced.
    await db.run('DELETE FROM retired_call_rooms WHERE julianday(expires_at) <= julianday(?)', [clock.now().toISOString()])
    const retired = await db.all<{ room: string; host_token: string; guest_token: string; base_url: string; host_name: string; expires_at: string }>(
      'SELECT room, host_token, guest_token, base_url, host_name, expires_at FROM retired_call_rooms'
    )
    for (const row of retired) {
      if (trimSlash(row.base_url) !== server.url) continue
      if (server.restoreRoom({ room: row.room, hostToken: row.host_token, guestToken: row.guest_token, expiresAt: row.expires_at })) {
        server.retireRoom(row.room, row.host_name || undefined)
      }
    }
    for (const row of rows) {
      const restored =
        trimSlash(row.base_url) === server.url &&
        server.restoreRoom({ room: row.room, hostToken: row.host_token, guestToken: row.guest_token, expiresAt: row.expires_at, iceServers: await roomIceServers() })
      // A room the server cannot take back has a dead link: forget it, the next open makes a new one.
      if (!restored) await db.run('DELETE FROM call_rooms WHERE interview_id = ?', [row.interview_id])
    }
    return server
  }

  function embeddedServer(signaling: SignalingSettings): Promise<SignalingServer> {
    const key = keyOf(signaling)
    if (embedded?.key === key) return embedded.server
    const previous = embedded
    const server = (async () => {
      if (previous) await (await previous.server.catch(() => null))?.close()
      return startEmbedded(signaling)
    })()
    embedded = { key, server }
    server.catch(() => {
      if (embedded?.server === server) embedded = null // a failed start may be tried again
    })
    return server
  }

  async function createRemote(signaling: SignalingSettings, ttlSeconds: number): Promise<CreatedRoom> {
    const base = trimSlash(signaling.remoteUrl)
    let response: Response
    try {
      response = await (deps.fetch ?? fetch)(`${base}${ROOMS_PATH}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${signaling.adminSecret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ ttlSeconds, iceServers: await roomIceServers() }),
        signal: AbortSignal.timeout(10_000)
      })
    } catch (error) {
      const why = error instanceof Error && error.name === 'TimeoutError' ? 'no answer within 10 seconds' : error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error)
      throw new ApiError('INTERNAL', `Could not reach the signaling server at ${base} (${why}). Check its address in Settings → Call rooms.`)
    }
    if (response.status === 401 || response.status === 403) {
      throw new ApiError('UNAUTHORIZED', `The signaling server at ${base} refused to make a room: check its admin secret in Settings → Call rooms.`)
    }
    const body = await response.text().catch(() => '')
    if (response.status !== 201) {
      throw new ApiError('INTERNAL', `The signaling server at ${base} could not make a room (HTTP ${response.status}${body.trim() ? `: ${body.trim().slice(0, 200)}` : ''}).`)
    }
    let parsed
    try {
      parsed = createdRoomSchema.safeParse(JSON.parse(body))
    } catch {
      parsed = null
    }
    if (!parsed?.success) throw new ApiError('INTERNAL', `The server at ${base} answered, but not as a Greenroom signaling server.`)
    return parsed.data
  }

  /**
   * Closes the room an interview's new one replaces, on the server it lives on, so its
   * link stops working at once and says it was replaced. A room on a server no longer in
   * use (Settings changed) is left to expire there.
   */
  async function retire(old: RoomRow, signaling: SignalingSettings, server: SignalingServer | null, base: string, hostName: string): Promise<void> {
    if (old.server !== signaling.mode || trimSlash(old.base_url) !== base) return
    if (server) {
      server.retireRoom(old.room, hostName || undefined)
      await db.run(
        'INSERT OR REPLACE INTO retired_call_rooms (room, interview_id, host_token, guest_token, base_url, host_name, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [old.room, old.interview_id, old.host_token, old.guest_token, old.base_url, hostName, old.expires_at]
      )
      return
    }
    let response: Response
    try {
      response = await (deps.fetch ?? fetch)(`${base}${retireRoomPath(old.room)}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${signaling.adminSecret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(hostName ? { hostName } : {}),
        signal: AbortSignal.timeout(10_000)
      })
    } catch (error) {
      const why = error instanceof Error && error.name === 'TimeoutError' ? 'no answer within 10 seconds' : error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error)
      throw new ApiError('INTERNAL', `Could not reach the signaling server at ${base} to switch off the old invite link (${why}). The old link still works; try again.`)
    }
    // 404: the server no longer has it (expired, or restarted): nothing left to retire.
    if (response.status === 204 || response.status === 404) return
    if (response.status === 401 || response.status === 403) {
      throw new ApiError('UNAUTHORIZED', `The signaling server at ${base} refused to switch off the old invite link: check its admin secret in Settings → Calls.`)
    }
    throw new ApiError('INTERNAL', `The signaling server at ${base} could not switch off the old invite link (HTTP ${response.status}). The old link still works; try again.`)
  }

  /** The STUN/TURN servers from Settings, for the guest to use too. */
  async function roomIceServers(): Promise<RoomIceServer[]> {
    return (await deps.settings()).iceServers.map((server) => ({
      urls: server.url,
      ...(server.username ? { username: server.username, credential: server.credential } : {})
    }))
  }

  function ttlFor(schedule: { startsAt: string; durationMinutes: number } | null): number {
    if (!schedule) return DAY_SECONDS
    const endsAt = Date.parse(schedule.startsAt) + schedule.durationMinutes * 60_000
    const untilAfter = Math.ceil((endsAt - clock.now().getTime()) / 1000) + AFTER_CALL_SECONDS
    return Math.min(MAX_ROOM_TTL_SECONDS, Math.max(DAY_SECONDS, untilAfter))
  }

  async function openRoom(interviewId: string, renew: boolean): Promise<CallRoom> {
    const summary = await loadSummary(db, interviewId)
    const { signaling, userName } = await deps.settings()
    const localOnly = signaling.mode === 'embedded' && signaling.listen === 'loopback'
    const server = signaling.mode === 'embedded' ? await embeddedServer(signaling) : null
    const base = server ? server.url : trimSlash(signaling.remoteUrl)

    const row = await db.get<RoomRow>('SELECT * FROM call_rooms WHERE interview_id = ?', [interviewId])
    const fresh = row && Date.parse(row.expires_at) - clock.now().getTime() > REUSE_MARGIN_MS
    if (!renew && row && fresh && row.server === signaling.mode && trimSlash(row.base_url) === base) return toCallRoom(row, localOnly)

    const ttlSeconds = ttlFor(summary.schedule)
    const made = server ? server.createRoom({ ttlSeconds, iceServers: await roomIceServers() }) : await createRemote(signaling, ttlSeconds)
    // The new room replaces the old one: its link must not join any more.
    if (row) await retire(row, signaling, server, base, userName)
    const stored: RoomRow = {
      interview_id: interviewId,
      room: made.room,
      host_token: made.hostToken,
      guest_token: made.guestToken,
      server: signaling.mode,
      base_url: base,
      invite_url: made.inviteUrl,
      signal_url: made.signalUrl,
      expires_at: new Date(made.expiresAt).toISOString(),
      created_at: clock.now().toISOString()
    }
    await db.run(
      `INSERT INTO call_rooms (interview_id, room, host_token, guest_token, server, base_url, invite_url, signal_url, expires_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (interview_id) DO UPDATE SET room = excluded.room, host_token = excluded.host_token, guest_token = excluded.guest_token,
         server = excluded.server, base_url = excluded.base_url, invite_url = excluded.invite_url, signal_url = excluded.signal_url,
         expires_at = excluded.expires_at, created_at = excluded.created_at`,
      [stored.interview_id, stored.room, stored.host_token, stored.guest_token, stored.server, stored.base_url, stored.invite_url, stored.signal_url, stored.expires_at, stored.created_at]
    )
    return toCallRoom(stored, localOnly)
  }

  async function info(): Promise<SignalingInfo> {
    const { signaling } = await deps.settings()
    let baseUrl: string | null = null
    if (signaling.mode === 'remote') baseUrl = trimSlash(signaling.remoteUrl)
    else if (embedded?.key === keyOf(signaling)) baseUrl = (await embedded.server.catch(() => null))?.url ?? null
    return { mode: signaling.mode, running: embedded !== null && baseUrl !== null && signaling.mode === 'embedded', baseUrl, lanAddresses: lan() }
  }

  /** Settings changed: the app's own server stops if it no longer listens as they say (a LAN server switched off at once). */
  async function settingsChanged(settings: Settings): Promise<void> {
    if (!embedded) return
    if (settings.signaling.mode === 'embedded' && embedded.key === keyOf(settings.signaling)) return
    const current = embedded
    embedded = null
    await (await current.server.catch(() => null))?.close()
  }

  async function close(): Promise<void> {
    const current = embedded
    embedded = null
    await (await current?.server.catch(() => null))?.close()
  }

  return { openRoom, info, settingsChanged, close }
}

export type CallRoomsService = ReturnType<typeof createCallRoomsService>
