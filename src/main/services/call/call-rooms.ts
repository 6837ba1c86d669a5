import type { CallRoom, SignalingInfo, WaitingGuest } from '../../../shared/call'
import { ApiError } from '../../../shared/errors'
import { choseRetiredLocalNetwork, type Settings, type SignalingSettings } from '../../../shared/settings'
import { ownServerIce, stunOnly } from '../../../shared/guest-ice'
import type { InterviewSummary } from '../../../shared/pipeline'
import {
  createdRoomSchema,
  MAX_CALL_TITLE_LENGTH,
  MAX_NAME_LENGTH,
  MAX_ROOM_TTL_SECONDS,
  retireRoomPath,
  ROOMS_PATH,
  type CallInvite,
  type CreatedRoom
} from '../../../shared/signaling'
import { systemTimers, type CancelTimer, type Clock, type Timers } from '../../../shared/time-source'
import type { Database } from '../database'
import { loadSummary } from '../pipeline/interviews'
import { startSignalingServer, type SignalingServer, type SignalingServerOptions } from '../signaling/server'
import { NO_ICE, type IceConfig } from '../signaling/turn-credentials'
import { watchRoom, type RoomWatcher, type RoomWatcherOptions } from './room-watcher'

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
  /** For the watchers' reconnect backoff and their rooms' expiry. */
  timers?: Timers
  settings: () => Promise<Settings>
  /** The built renderer folder, whose guest.html the app's own server serves at /join/<room>. */
  guestPageDir?: string
  /** The origins of the app's own pages, which the app's signaling server lets open its socket. */
  appOrigins?: () => string[]
  /** Starts the app's own signaling server (tests pass their own clock and timers through it). */
  startServer?: (options: SignalingServerOptions) => Promise<SignalingServer>
  /** Reaches a standalone server's POST /rooms and /rooms/<room>/retire. */
  fetch?: typeof fetch
  /**
   * The guests waiting while their call page is closed changed (one came, or one stopped
   * waiting): the app rings (ring dialog, notification, tray). The list is whole each time.
   */
  onWaiting?: (waiting: WaitingGuest[], arrived: WaitingGuest | null) => void
  /** Watches a room on a standalone server (tests shorten its backoff through it). */
  watchRoom?: (options: RoomWatcherOptions) => RoomWatcher
}

/** Node's timers take at most about 24.8 days; a room may live 30: its expiry timer is set again when it fires early. */
const MAX_TIMER_MS = 2 ** 31 - 1

/** A room is reused while it has at least this long to live; after that a new one is made. */
const REUSE_MARGIN_MS = 30 * 60_000
/** A room lives a day, or until half a day after the scheduled call ends if that is later. */
const DAY_SECONDS = 24 * 3600
const AFTER_CALL_SECONDS = 12 * 3600

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

/** What the guest page says before joining: who invites, about which interview, when and for how long. */
export function callInvite(summary: InterviewSummary, settings: Pick<Settings, 'userName' | 'defaultCallMinutes'>): CallInvite {
  const hostName = settings.userName.trim().slice(0, MAX_NAME_LENGTH)
  const title = summary.title.trim().slice(0, MAX_CALL_TITLE_LENGTH)
  return {
    ...(hostName ? { hostName } : {}),
    ...(title ? { title } : {}),
    ...(summary.schedule
      ? { startsAt: summary.schedule.startsAt, durationMinutes: summary.schedule.durationMinutes }
      : { durationMinutes: settings.defaultCallMinutes })
  }
}

/** Why a request to the signaling server failed, in a few words for the message around it. */
function whyUnreachable(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'no answer within 10 seconds'
  if (error instanceof Error) return (error.cause as Error | undefined)?.message ?? error.message
  return String(error)
}

/**
 * Call rooms per interview, on the signaling server chosen in Settings: the app's own
 * (started on first use, on 127.0.0.1) or a standalone one reached
 * with its admin secret. Each interview's room is stored, so its invite link stays the
 * same while the room lives, across restarts too: the app's own server takes its stored
 * rooms back when it starts, on the port they were made on when that port is free.
 */
export function createCallRoomsService(deps: CallRoomsDeps) {
  const { db, clock } = deps
  const start = deps.startServer ?? startSignalingServer
  let embedded: { key: string; server: Promise<SignalingServer> } | null = null
  /** Guests waiting with the host's call page closed, by room (the app's own server, or a watched standalone one). */
  const waiting = new Map<string, WaitingGuest>()
  const waitingList = () => [...waiting.values()]
  /** How many waiting notices each room has had, to drop a stale one (see guestWaiting). */
  const turns = new Map<string, number>()

  /** The app's own server or a room's watcher says a guest waits in `room` (or no longer does); answers the host's name once rung. */
  async function guestWaiting(room: string, guest: { name: string } | null): Promise<string | null> {
    // Each notice outdates the ones before it, so a wait that ended while its guest was being looked up stays ended.
    const turn = (turns.get(room) ?? 0) + 1
    turns.set(room, turn)
    if (!guest) {
      if (waiting.delete(room)) deps.onWaiting?.(waitingList(), null)
      return null
    }
    const row = await db.get<{ interview_id: string }>('SELECT interview_id FROM call_rooms WHERE room = ?', [room])
    if (!row) return null
    const summary = await loadSummary(db, row.interview_id)
    if (turns.get(room) !== turn) return null
    const arrived: WaitingGuest = { interviewId: row.interview_id, guestName: guest.name, interviewTitle: summary.title }
    waiting.set(room, arrived)
    deps.onWaiting?.(waitingList(), arrived)
    return (await deps.settings()).userName.trim() || 'The host'
  }
  /** What the app's own server hands each participant, from Settings as last read (TURN passwords minted per join). */
  let ownIce: IceConfig = NO_ICE

  const keyOf = (signaling: SignalingSettings) => String(signaling.port)

  async function liveRows(server: 'embedded' | 'remote'): Promise<RoomRow[]> {
    return db.all<RoomRow>('SELECT * FROM call_rooms WHERE server = ? AND julianday(expires_at) > julianday(?) ORDER BY created_at DESC', [
      server,
      clock.now().toISOString()
    ])
  }

  async function startEmbedded(signaling: SignalingSettings): Promise<SignalingServer> {
    // This computer only: guests elsewhere reach a server of the user's (README: Calling clients over the internet).
    const host = '127.0.0.1'
    const publicHost = '127.0.0.1'
    const rows = await liveRows('embedded')
    // With no port set, the one the live rooms were made on keeps their invite links working.
    const stored = rows.map((row) => new URL(row.base_url)).find((url) => url.hostname === publicHost && url.port !== '')
    const preferred = signaling.port || (stored ? Number(stored.port) : 0)
    const options: SignalingServerOptions = {
      host,
      publicHost,
      port: preferred,
      clock,
      ice: () => ownIce,
      allowedOrigins: deps.appOrigins?.() ?? [],
      onWaiting: guestWaiting,
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
    const retired = await db.all<{
      room: string
      host_token: string
      guest_token: string
      base_url: string
      host_name: string
      expires_at: string
    }>('SELECT room, host_token, guest_token, base_url, host_name, expires_at FROM retired_call_rooms')
    for (const row of retired) {
      if (trimSlash(row.base_url) !== server.url) continue
      if (server.restoreRoom({ room: row.room, hostToken: row.host_token, guestToken: row.guest_token, expiresAt: row.expires_at })) {
        server.retireRoom(row.room, row.host_name || undefined)
      }
    }
    const settings = await deps.settings()
    for (const row of rows) {
      const invite = await loadSummary(db, row.interview_id).then(
        (summary) => callInvite(summary, settings),
        () => ({})
      )
      const restored =
        trimSlash(row.base_url) === server.url &&
        server.restoreRoom({ room: row.room, hostToken: row.host_token, guestToken: row.guest_token, expiresAt: row.expires_at, invite })
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

  async function createRemote(signaling: SignalingSettings, ttlSeconds: number, call: CallInvite): Promise<CreatedRoom> {
    const base = trimSlash(signaling.remoteUrl)
    let response: Response
    try {
      response = await (deps.fetch ?? fetch)(`${base}${ROOMS_PATH}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${signaling.adminSecret}`, 'Content-Type': 'application/json' },
        // STUN only: the server's own TURN secret gives the relay; the host's TURN account stays here.
        body: JSON.stringify({ ttlSeconds, iceServers: stunOnly((await deps.settings()).iceServers), call }),
        signal: AbortSignal.timeout(10_000)
      })
    } catch (error) {
      const why = whyUnreachable(error)
      throw new ApiError(
        'INTERNAL',
        `Could not reach the signaling server at ${base} (${why}). Check its address in Settings → Call rooms.`
      )
    }
    if (response.status === 401 || response.status === 403) {
      throw new ApiError(
        'UNAUTHORIZED',
        `The signaling server at ${base} refused to make a room: check its admin secret in Settings → Call rooms.`
      )
    }
    const body = await response.text().catch(() => '')
    if (response.status !== 201) {
      throw new ApiError(
        'INTERNAL',
        `The signaling server at ${base} could not make a room (HTTP ${response.status}${body.trim() ? `: ${body.trim().slice(0, 200)}` : ''}).`
      )
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
  async function retire(
    old: RoomRow,
    signaling: SignalingSettings,
    server: SignalingServer | null,
    base: string,
    hostName: string
  ): Promise<void> {
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
      const why = whyUnreachable(error)
      throw new ApiError(
        'INTERNAL',
        `Could not reach the signaling server at ${base} to switch off the old invite link (${why}). The old link still works; try again.`
      )
    }
    // 404: the server no longer has it (expired, or restarted): nothing left to retire.
    if (response.status === 204 || response.status === 404) return
    if (response.status === 401 || response.status === 403) {
      throw new ApiError(
        'UNAUTHORIZED',
        `The signaling server at ${base} refused to switch off the old invite link: check its admin secret in Settings → Calls.`
      )
    }
    throw new ApiError(
      'INTERNAL',
      `The signaling server at ${base} could not switch off the old invite link (HTTP ${response.status}). The old link still works; try again.`
    )
  }

  function ttlFor(schedule: { startsAt: string; durationMinutes: number } | null): number {
    if (!schedule) return DAY_SECONDS
    const endsAt = Date.parse(schedule.startsAt) + schedule.durationMinutes * 60_000
    const untilAfter = Math.ceil((endsAt - clock.now().getTime()) / 1000) + AFTER_CALL_SECONDS
    return Math.min(MAX_ROOM_TTL_SECONDS, Math.max(DAY_SECONDS, untilAfter))
  }

  async function openRoom(interviewId: string, renew: boolean): Promise<CallRoom> {
    const summary = await loadSummary(db, interviewId)
    const settings = await deps.settings()
    const { signaling, userName } = settings
    ownIce = ownServerIce(settings)
    const localOnly = signaling.mode === 'embedded'
    const server = signaling.mode === 'embedded' ? await embeddedServer(signaling) : null
    const base = server ? server.url : trimSlash(signaling.remoteUrl)

    const row = await db.get<RoomRow>('SELECT * FROM call_rooms WHERE interview_id = ?', [interviewId])
    const fresh = row && Date.parse(row.expires_at) - clock.now().getTime() > REUSE_MARGIN_MS
    if (!renew && row && fresh && row.server === signaling.mode && trimSlash(row.base_url) === base) return toCallRoom(row, localOnly)

    const ttlSeconds = ttlFor(summary.schedule)
    const call = callInvite(summary, settings)
    const made = server ? server.createRoom({ ttlSeconds, call }) : await createRemote(signaling, ttlSeconds, call)
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
      [
        stored.interview_id,
        stored.room,
        stored.host_token,
        stored.guest_token,
        stored.server,
        stored.base_url,
        stored.invite_url,
        stored.signal_url,
        stored.expires_at,
        stored.created_at
      ]
    )
    if (stored.server === 'remote') await syncWatchers(settings)
    return toCallRoom(stored, localOnly)
  }

  async function info(): Promise<SignalingInfo> {
    const { signaling } = await deps.settings()
    let baseUrl: string | null = null
    if (signaling.mode === 'remote') baseUrl = trimSlash(signaling.remoteUrl)
    else if (embedded?.key === keyOf(signaling)) baseUrl = (await embedded.server.catch(() => null))?.url ?? null
    return {
      mode: signaling.mode,
      running: embedded !== null && baseUrl !== null && signaling.mode === 'embedded',
      baseUrl,
      retiredLocalNetwork: await storedRetiredLocalNetwork()
    }
  }

  /**
   * Whether the stored Settings (not yet saved again) still choose the local network mode
   * that is gone: read from the row itself, as the settings service reads it as this computer.
   */
  async function storedRetiredLocalNetwork(): Promise<boolean> {
    const row = await db.get<{ value: string }>("SELECT value FROM settings WHERE key = 'signaling'")
    try {
      return row !== undefined && choseRetiredLocalNetwork(JSON.parse(row.value))
    } catch {
      return false
    }
  }

  /** Settings changed: the app's own server stops if it no longer listens as they say. */
  async function settingsChanged(settings: Settings): Promise<void> {
    ownIce = ownServerIce(settings)
    await syncWatchers(settings)
    if (!embedded) return
    if (settings.signaling.mode === 'embedded' && embedded.key === keyOf(settings.signaling)) return
    const current = embedded
    embedded = null
    await (await current.server.catch(() => null))?.close()
    if (waiting.size > 0) {
      waiting.clear()
      deps.onWaiting?.([], null)
    }
  }

  /** Not now, from outside the call page: the waiting guest hears the host cannot take the call. */
  async function declineWaiting(interviewId: string): Promise<void> {
    const row = await db.get<{ room: string }>('SELECT room FROM call_rooms WHERE interview_id = ?', [interviewId])
    const server = await embedded?.server.catch(() => null)
    if (row && server?.declineWaiting(row.room)) return
    if (row && watchers.get(row.room)?.watcher.decline()) return
    throw new ApiError('NOT_FOUND', 'Nobody is waiting in that call any more')
  }

  // ---- watching rooms on a standalone server (remote mode), so the host is rung on any page ----

  const timers = deps.timers ?? systemTimers
  const watch = deps.watchRoom ?? watchRoom
  /** One watcher per live room on the standalone server in Settings; `key` says what it was opened with. */
  const watchers = new Map<string, { watcher: RoomWatcher; key: string; cancelExpiry: CancelTimer }>()
  let closed = false
  let syncing: Promise<void> = Promise.resolve()

  function stopWatching(room: string): void {
    const watched = watchers.get(room)
    if (!watched) return
    watchers.delete(room)
    watched.cancelExpiry()
    watched.watcher.close()
  }

  function startWatching(row: RoomRow, hostName: string, key: string): void {
    const watcher = watch({
      signalUrl: row.signal_url,
      room: row.room,
      hostToken: row.host_token,
      hostName,
      timers,
      onWaiting: (guest) => void guestWaiting(row.room, guest).catch(() => undefined),
      onGone: () => {
        if (watchers.get(row.room)?.watcher === watcher) stopWatching(row.room)
      }
    })
    const expiresAt = Date.parse(row.expires_at)
    let cancelExpiry: CancelTimer = () => undefined
    const armExpiry = (): void => {
      const left = expiresAt - clock.now().getTime()
      cancelExpiry = timers.after(Math.max(0, Math.min(left, MAX_TIMER_MS)), () => {
        if (expiresAt > clock.now().getTime()) armExpiry()
        else if (watchers.get(row.room)?.watcher === watcher) stopWatching(row.room)
      })
    }
    armExpiry()
    watchers.set(row.room, { watcher, key, cancelExpiry: () => cancelExpiry() })
  }

  /** Watches exactly the live rooms on the standalone server Settings name (none in embedded mode, or once closed). */
  function syncWatchers(given?: Settings): Promise<void> {
    syncing = syncing.then(async () => {
      const settings = given ?? (await deps.settings())
      const wanted = new Map<string, RoomRow>()
      if (!closed && settings.signaling.mode === 'remote') {
        const base = trimSlash(settings.signaling.remoteUrl)
        for (const row of await liveRows('remote')) if (trimSlash(row.base_url) === base) wanted.set(row.room, row)
      }
      const hostName = settings.userName.trim().slice(0, MAX_NAME_LENGTH) || 'The host'
      const keyOfRow = (row: RoomRow) => `${row.signal_url} ${row.host_token} ${hostName}`
      for (const [room, watched] of watchers) {
        const row = wanted.get(room)
        if (!row || watched.key !== keyOfRow(row)) stopWatching(room)
      }
      for (const row of wanted.values()) if (!watchers.has(row.room)) startWatching(row, hostName, keyOfRow(row))
    })
    return syncing
  }

  /** At the app's start: watch the standalone server's live rooms made earlier. */
  function watchLiveRooms(): Promise<void> {
    return syncWatchers()
  }

  async function close(): Promise<void> {
    closed = true
    await syncWatchers().catch(() => undefined)
    const current = embedded
    embedded = null
    await (await current?.server.catch(() => null))?.close()
  }

  return { start: watchLiveRooms, openRoom, info, settingsChanged, close, declineWaiting, waitingGuests: waitingList }
}

export type CallRoomsService = ReturnType<typeof createCallRoomsService>
