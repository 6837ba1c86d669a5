import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Server as HttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { extname, join, resolve, sep } from 'node:path'
import type { RawData, WebSocket } from 'ws'
import {
  createRoomInputSchema,
  DEFAULT_ROOM_TTL_SECONDS,
  inviteUrl,
  JOIN_PATH_PREFIX,
  MAX_MESSAGE_BYTES,
  callInviteSchema,
  replacedRoomMessage,
  retireRoomInputSchema,
  retireRoomPath,
  roomAboutPath,
  roomIceServerSchema,
  roomIdSchema,
  ROOMS_PATH,
  roomTokenSchema,
  SIGNAL_CLOSE_CODES,
  SIGNAL_PATH,
  signalUrl,
  type CreatedRoom,
  type CallInvite,
  type CreateRoomInput,
  type RoomAbout,
  type RoomIceServer
} from '../../../shared/signaling'
import { z } from 'zod'
import { systemClock, systemTimers, type Clock, type Timers } from '../../../shared/time-source'
import {
  acceptWebSocket,
  createHardenedServer,
  createWebSocketServer,
  listen,
  refuseUpgrade,
  type Server,
  type TlsFiles
} from '../http/hardened-server'
import { CONTENT_TYPES, fileInside, sendFile } from '../http/static-files'
import { SignalingHub, type Connection, type RateLimits, type Session, type WaitingListener } from './protocol'
import { RoomLimitError, RoomRegistry } from './rooms'
import { digest, matches } from './tokens'
import type { RoomStore } from './room-store'
import { iceServersFor, NO_ICE, type IceConfig } from './turn-credentials'

/**
 * The signaling server: HTTP for room creation, a WebSocket at SIGNAL_PATH for the
 * protocol. The same code runs inside the app's main process (started on demand, see
 * on-demand.ts) and on its own (`npm run signal`, src/main/signal-main.ts).
 *
 * How rooms are made, and why this way:
 * - Only the host's app creates rooms; guests only join them. Inside the app that is a
 *   plain call, `server.createRoom()`. For a standalone server on another host the app
 *   sends `POST /rooms` with `Authorization: Bearer <admin secret>`, the secret the
 *   server's operator set (or was shown) at start; without `adminSecret` the endpoint is
 *   off. So nobody else can fill a public server with rooms, and no room exists before
 *   the host asked for it (no squatting on a room id, unlike rooms made by a first join).
 * - The server draws the room id (128 random bits) and one token per role (256 bits)
 *   from crypto.randomBytes, answers them once, and keeps only the tokens' SHA-256.
 *   The host keeps its token; the guest's travels in the invite link's fragment
 *   (`/join/<room>#<token>`), which browsers never send to a server, so it stays out of
 *   access logs and Referer headers.
 * - A token grants one role in one room until the room expires.
 * - The socket accepts only the pages that use it: the guest page, served from this
 *   server's public origin, and the host's app (allowedOrigins). Clients that send no
 *   Origin at all are not browsers, and an Origin check could not stop them anyway.
 */

export interface SignalingLimits extends RateLimits {
  maxRooms: number
  /** Open WebSockets, joined or not. */
  maxConnections: number
  /** One WebSocket message (ws maxPayload); bigger ones close the connection with 1009. */
  maxMessageBytes: number
  /** A connection must join within this time. */
  joinTimeoutMs: number
  /** Pings go out this often; a connection that has not answered the last one is dropped. */
  heartbeatIntervalMs: number
  /** Expired rooms are closed this often. */
  sweepIntervalMs: number
  /** A connection that falls this far behind in reading is dropped. */
  maxBufferedBytes: number
}

export const DEFAULT_LIMITS: SignalingLimits = {
  maxRooms: 1000,
  maxConnections: 2500,
  maxMessageBytes: MAX_MESSAGE_BYTES,
  rateBurst: 100,
  ratePerSecond: 20,
  joinTimeoutMs: 15_000,
  heartbeatIntervalMs: 15_000,
  sweepIntervalMs: 60_000,
  maxBufferedBytes: 4 * 1024 * 1024
}

export interface SignalingServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  /** The interface to listen on; 127.0.0.1 unless told. */
  host?: string
  /** The address both parties reach the server at (`https://signal.example.com`); by default http://<host>:<port>. */
  publicUrl?: string
  /** With no publicUrl: the host name or address in the default one (a LAN address when listening on 0.0.0.0). */
  publicHost?: string
  /** Turns on `POST /rooms` for holders of this secret. */
  adminSecret?: string
  clock?: Clock
  timers?: Timers
  limits?: Partial<SignalingLimits>
  /**
   * The built renderer folder holding guest.html and its assets (out/renderer): the guest's
   * call page is served at /join/<room>. Without it the page answers a plain 404.
   */
  guestPageDir?: string
  /**
   * Page origins besides this server's public one that may open the signaling socket: the
   * host's app (`file://` in the desktop app, the browser host's `http://127.0.0.1:<port>`).
   * Read when the server starts.
   */
  allowedOrigins?: readonly string[]
  /** Rings the host's app for a guest who waits while its call page is closed (see WaitingListener). */
  onWaiting?: WaitingListener
  /**
   * STUN servers and the TURN server's shared secret: each participant gets TURN credentials
   * minted for them, valid until their room expires. A function is read at every join (the
   * app's own server follows Settings).
   */
  ice?: IceConfig | (() => IceConfig)
  /**
   * Where rooms made over HTTP are kept (a standalone server's SQLite file): they are read
   * back on start, so a restart keeps every live invite link. The server closes it.
   */
  store?: RoomStore
  /** A certificate and key: the server speaks HTTPS and WSS itself (without them, plain HTTP, e.g. behind a TLS proxy). */
  tls?: TlsFiles
}

/** A room the server answered earlier, as the host's app stored it, to take back after a restart. */
export interface RestorableRoom {
  room: string
  hostToken: string
  guestToken: string
  expiresAt: string
  iceServers?: RoomIceServer[]
  invite?: CallInvite
}

export interface SignalingServer {
  /** The public base address, e.g. http://127.0.0.1:45123 */
  readonly url: string
  /** The WebSocket address, e.g. ws://127.0.0.1:45123/signal */
  readonly signalUrl: string
  readonly port: number
  readonly host: string
  createRoom(input?: CreateRoomInput): CreatedRoom
  /** Takes back a room made before a restart; false when expired, taken or malformed. */
  restoreRoom(room: RestorableRoom): boolean
  /** Closes a room the host replaced with a new one; its link then says so. False when there is no such room. */
  retireRoom(room: string, hostName?: string): boolean
  /** Closes expired rooms now (the server also does it every sweepIntervalMs). */
  expireRooms(): number
  /** Tells a guest who waits with the host away that the host cannot take the call now. False when nobody waits. */
  declineWaiting(room: string, reason?: string): boolean
  stats(): { rooms: number; connections: number }
  /** Takes a renewed certificate and key for new connections (HTTPS servers only). */
  reloadTls(files: TlsFiles): void
  close(): Promise<void>
}

const TEXT_HEADERS = {
  'Content-Type': 'text/plain; charset=utf-8',
  'Cache-Control': 'no-store'
}
const MAX_BODY_BYTES = 4 * 1024
const RETIRE_PATH = new RegExp(`^${retireRoomPath('([A-Za-z0-9_-]{22})')}$`)
const ABOUT_PATH = new RegExp(`^${roomAboutPath('([A-Za-z0-9_-]{22})')}$`)

/**
 * The guest page's policy, sent as a header: its own scripts and styles only, media from
 * the camera and the call, and connections back to this server (its WebSocket) alone.
 * It has no window.greenroom and nothing of the app's.
 */
export const GUEST_PAGE_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "media-src 'self' blob: mediastream:; font-src 'self' data:; connect-src 'self'; manifest-src 'none'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'"
const GUEST_PAGE = 'guest.html'
/** The kinds of file the guest page loads (types in static-files.ts): noise suppression's and blur's WebAssembly, MediaPipe's model and graph too. */
const GUEST_ASSET_EXTENSIONS = new Set(['.js', '.css', '.svg', '.png', '.woff2', '.wav', '.mp3', '.wasm', '.tflite', '.binarypb'])

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host
}

export async function startSignalingServer(options: SignalingServerOptions = {}): Promise<SignalingServer> {
  const limits: SignalingLimits = { ...DEFAULT_LIMITS, ...options.limits }
  const clock = options.clock ?? systemClock
  const timers = options.timers ?? systemTimers
  const host = options.host ?? '127.0.0.1'
  const adminDigest = options.adminSecret ? digest(options.adminSecret) : null
  const rooms = new RoomRegistry<Session>({ clock, maxRooms: limits.maxRooms })
  const ice = options.ice ?? NO_ICE
  const hub = new SignalingHub(
    rooms,
    clock,
    limits,
    (room, role) => iceServersFor(typeof ice === 'function' ? ice() : ice, room.id, role, room.expiresAt),
    options.onWaiting ?? null
  )
  let base = ''

  function createRoom(input: CreateRoomInput = {}): CreatedRoom {
    const { ttlSeconds = DEFAULT_ROOM_TTL_SECONDS, iceServers = [], call = {} } = createRoomInputSchema.parse(input)
    const made = rooms.create(ttlSeconds, iceServers, call)
    return {
      room: made.room,
      hostToken: made.hostToken,
      guestToken: made.guestToken,
      inviteUrl: inviteUrl(base, made.room, made.guestToken),
      signalUrl: signalUrl(base),
      expiresAt: made.expiresAt.toISOString()
    }
  }

  function restoreRoom(stored: RestorableRoom): boolean {
    const room = roomIdSchema.safeParse(stored.room)
    const hostToken = roomTokenSchema.safeParse(stored.hostToken)
    const guestToken = roomTokenSchema.safeParse(stored.guestToken)
    const expiresAt = new Date(stored.expiresAt)
    if (!room.success || !hostToken.success || !guestToken.success || Number.isNaN(expiresAt.getTime())) return false
    const iceServers = z
      .array(roomIceServerSchema)
      .max(10)
      .safeParse(stored.iceServers ?? [])
    const invite = callInviteSchema.safeParse(stored.invite ?? {})
    if (!iceServers.success || !invite.success) return false
    return rooms.restore({
      room: room.data,
      hostToken: hostToken.data,
      guestToken: guestToken.data,
      expiresAt,
      iceServers: iceServers.data,
      invite: invite.data
    })
  }

  const store = options.store
  /** Store failures are logged: the room in memory still works until a restart. */
  const logStoreError = (error: unknown): void => console.error('Greenroom signaling: the rooms file could not be written:', error)
  if (store) {
    await store.forgetExpired(clock.now())
    for (const kept of await store.load(clock.now())) rooms.adopt(kept)
  }

  function retireRoom(room: string, hostName?: string): boolean {
    const retired = hub.retire(room, hostName)
    if (retired) store?.retire(room, hostName).catch(logStoreError)
    return retired
  }

  // ---- HTTP ----

  const guestRoot = options.guestPageDir ? resolve(options.guestPageDir) : null

  /** The guest page at /join/<room>; its assets at /join/assets/… (relative to the page). */
  async function serveGuest(request: IncomingMessage, response: ServerResponse, rest: string): Promise<void> {
    if (!guestRoot) {
      text(response, 404, 'The guest call page is not available on this server: it was started without the built app.\n')
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      text(response, 405, 'Use GET.\n', { Allow: 'GET, HEAD' })
      return
    }
    const isPage = roomIdSchema.safeParse(rest).success
    let file: string
    if (isPage) {
      file = join(guestRoot, GUEST_PAGE)
    } else {
      const found = fileInside(guestRoot, rest)
      if (!found.ok && found.refused === 'bad-address') {
        text(response, 400, 'Bad address.\n')
        return
      }
      // Only the page's own assets (scripts, styles, images, sounds), never the app's other pages.
      const asset =
        found.ok &&
        (found.file.startsWith(join(guestRoot, 'assets') + sep) || found.file === join(guestRoot, 'greenroom.svg')) &&
        GUEST_ASSET_EXTENSIONS.has(extname(found.file))
      if (!asset) {
        text(response, 404, 'Not found. Check the invite link: it ends in /join/ and the room, then # and the key.\n')
        return
      }
      file = found.file
    }
    const sent = await sendFile(request, response, file, {
      'Content-Type': CONTENT_TYPES[extname(file)]!,
      'Cache-Control': isPage ? 'no-store' : 'public, max-age=3600',
      'Content-Security-Policy': GUEST_PAGE_CSP,
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Permissions-Policy': 'camera=(self), microphone=(self), display-capture=(self)'
    })
    if (!sent) text(response, 404, isPage ? 'The guest call page is missing from this server’s build.\n' : 'Not found.\n')
  }

  function text(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
    response.writeHead(status, { ...TEXT_HEADERS, ...headers }).end(body)
  }

  function json(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { ...TEXT_HEADERS, 'Content-Type': 'application/json' }).end(JSON.stringify(body))
  }

  function readBody(request: IncomingMessage): Promise<string | null> {
    return new Promise((resolve) => {
      const chunks: Buffer[] = []
      let size = 0
      // Past the limit the rest is read and dropped (not kept), so the refusal reaches the client.
      request.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size <= MAX_BODY_BYTES) chunks.push(chunk)
      })
      request.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')))
      request.on('error', () => resolve(null))
    })
  }

  /** The admin secret's holder's request body as JSON, or null once the refusal was sent. */
  async function adminRequest(request: IncomingMessage, response: ServerResponse, what: string): Promise<unknown> {
    if (!adminDigest) {
      text(response, 403, `Rooms are not ${what} over HTTP on this server.\n`)
      return null
    }
    const authorization = request.headers.authorization ?? ''
    const secret = authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : ''
    if (!matches(secret, adminDigest)) {
      text(response, 401, `A room is ${what} only with this server's admin secret: "Authorization: Bearer <secret>".\n`, {
        'WWW-Authenticate': 'Bearer'
      })
      return null
    }
    const body = await readBody(request)
    if (body === null) {
      text(response, 413, `The request body may be at most ${MAX_BODY_BYTES} bytes.\n`)
      return null
    }
    try {
      return body.trim() === '' ? {} : (JSON.parse(body) as unknown)
    } catch {
      text(response, 400, 'The request body must be JSON, such as {"ttlSeconds": 86400}.\n')
      return null
    }
  }

  async function postRetire(request: IncomingMessage, response: ServerResponse, room: string): Promise<void> {
    const input = await adminRequest(request, response, 'retired')
    if (input === null) return
    const parsed = retireRoomInputSchema.safeParse(input)
    if (!parsed.success) {
      text(response, 400, `Invalid request: ${parsed.error.issues[0]?.message ?? 'invalid'}\n`)
      return
    }
    if (!hub.retire(room, parsed.data.hostName)) {
      text(response, 404, 'There is no such room on this server (it may have expired).\n')
      return
    }
    // Answered once on disk, so a restart cannot bring the old link back to life.
    await store?.retire(room, parsed.data.hostName).catch(logStoreError)
    response.writeHead(204, TEXT_HEADERS).end()
  }

  /** GET /rooms/<room>/about with the guest's token: what the guest page shows before joining. */
  function getAbout(request: IncomingMessage, response: ServerResponse, id: string): void {
    const authorization = request.headers.authorization ?? ''
    const token = roomTokenSchema.safeParse(authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : '')
    const opened = rooms.open(id, 'guest', token.success ? token.data : '')
    if (!opened.ok) {
      const why =
        opened.reason === 'replaced'
          ? replacedRoomMessage(opened.hostName)
          : opened.reason === 'expired'
            ? "This call's room has expired."
            : 'This invite link is not valid, or its room no longer exists.'
      text(response, opened.reason === 'unauthorized' ? 404 : 410, `${why}\n`)
      return
    }
    // The same servers and minted TURN credential the guest gets on joining, so the page's check tests the real path.
    const iceServers = [...opened.room.iceServers, ...hub.iceServersFor(opened.room, 'guest')].slice(0, 10)
    const about: RoomAbout = { call: opened.room.invite, iceServers, expiresAt: opened.room.expiresAt.toISOString() }
    json(response, 200, about)
  }

  async function postRoom(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const input = await adminRequest(request, response, 'created')
    if (input === null) return
    const parsed = createRoomInputSchema.safeParse(input)
    if (!parsed.success) {
      text(response, 400, `Invalid room request: ${parsed.error.issues[0]?.message ?? 'invalid'}\n`)
      return
    }
    let made: CreatedRoom
    try {
      made = createRoom(parsed.data)
    } catch (error) {
      if (error instanceof RoomLimitError) text(response, 503, `${error.message}; try again later.\n`)
      else throw error
      return
    }
    // The link is handed out only once it is on disk, so a restart cannot lose it.
    const kept = rooms.keep(made.room)
    if (store && kept) {
      try {
        await store.put(kept)
      } catch (error) {
        rooms.delete(made.room)
        logStoreError(error)
        text(response, 500, 'The room could not be saved on this server; nothing was made. Check the server’s disk and its log.\n')
        return
      }
    }
    json(response, 201, made)
  }

  const sockets = createWebSocketServer(limits.maxMessageBytes)
  let allowedOrigins = new Set<string>()

  const server: Server = createHardenedServer({ request: serve, upgrade }, options.tls)

  function serve(request: IncomingMessage, response: ServerResponse, url: URL): void {
    const path = url.pathname
    if (path === ROOMS_PATH) {
      if (request.method !== 'POST') {
        text(response, 405, 'Use POST to create a room.\n', { Allow: 'POST' })
        return
      }
      postRoom(request, response).catch(() => {
        if (!response.headersSent) text(response, 500, 'The room could not be created.\n')
      })
      return
    }
    const about = ABOUT_PATH.exec(path)
    if (about) {
      if (request.method !== 'GET') text(response, 405, 'Use GET to read a room.\n', { Allow: 'GET' })
      else getAbout(request, response, about[1]!)
      return
    }
    const retiring = RETIRE_PATH.exec(path)
    if (retiring) {
      if (request.method !== 'POST') {
        text(response, 405, 'Use POST to retire a room.\n', { Allow: 'POST' })
        return
      }
      postRetire(request, response, retiring[1]!).catch(() => {
        if (!response.headersSent) text(response, 500, 'The room could not be retired.\n')
      })
      return
    }
    if (path.startsWith(JOIN_PATH_PREFIX)) {
      serveGuest(request, response, path.slice(JOIN_PATH_PREFIX.length)).catch(() => {
        if (!response.headersSent) text(response, 500, 'The guest call page could not be served.\n')
      })
      return
    }
    text(response, 404, 'Not found. This is a Greenroom signaling server.\n')
  }

  // ---- WebSocket ----

  function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void {
    if (url.pathname !== SIGNAL_PATH) {
      refuseUpgrade(socket, 404)
      return
    }
    const origin = request.headers.origin
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      refuseUpgrade(socket, 403, 'This call server only talks to its own call page and to Greenroom.\n')
      return
    }
    if (sockets.clients.size >= limits.maxConnections) {
      refuseUpgrade(socket, 503)
      return
    }
    acceptWebSocket(sockets, request, socket, head)
  }

  const alive = new WeakMap<WebSocket, boolean>()
  const lost = new WeakSet<WebSocket>()

  sockets.on('connection', (ws: WebSocket) => {
    alive.set(ws, true)
    const connection: Connection = {
      send(message) {
        if (ws.readyState !== ws.OPEN) return
        if (ws.bufferedAmount > limits.maxBufferedBytes) {
          // It stopped reading: treat it as gone rather than hold its messages.
          lost.add(ws)
          ws.terminate()
          return
        }
        ws.send(JSON.stringify(message))
      },
      close(code, reason) {
        ws.close(code, reason)
        // Should it not answer the close, let it go after a moment.
        timers.after(2_000, () => ws.terminate())
      }
    }
    const session = hub.connect(connection)
    const cancelJoinTimeout = timers.after(limits.joinTimeoutMs, () => {
      if (!session.joined) {
        session.fail('JOIN_TIMEOUT', 'No join received in time', SIGNAL_CLOSE_CODES.JOIN_TIMEOUT)
      }
    })
    ws.on('pong', () => alive.set(ws, true))
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) session.receiveBinary()
      else session.receive(data.toString())
    })
    // Errors (a message over maxPayload, a broken frame) are followed by 'close' (see acceptWebSocket).
    ws.on('close', (code: number) => {
      cancelJoinTimeout()
      session.disconnected(lost.has(ws) || code === 1006 ? 'lost' : 'left')
    })
  })

  const stopHeartbeat = timers.every(limits.heartbeatIntervalMs, () => {
    for (const ws of sockets.clients) {
      if (!alive.get(ws)) {
        lost.add(ws)
        ws.terminate()
        continue
      }
      alive.set(ws, false)
      ws.ping()
    }
  })
  const stopSweep = timers.every(limits.sweepIntervalMs, () => {
    hub.expire()
    store?.forgetExpired(clock.now()).catch(logStoreError)
  })

  await listen(server, options.port ?? 0, host)
  const port = (server.address() as AddressInfo).port
  const scheme = options.tls ? 'https' : 'http'
  base = (options.publicUrl ?? `${scheme}://${urlHost(options.publicHost ?? host)}:${port}`).replace(/\/+$/, '')
  allowedOrigins = new Set([new URL(base).origin, ...(options.allowedOrigins ?? [])])

  let closing: Promise<void> | null = null
  return {
    url: base,
    signalUrl: signalUrl(base),
    port,
    host,
    createRoom,
    restoreRoom,
    retireRoom,
    expireRooms: () => hub.expire(),
    declineWaiting: (room, reason) => hub.declineWaiting(room, reason),
    stats: () => ({ rooms: rooms.size, connections: sockets.clients.size }),
    reloadTls: (files) => {
      if (!options.tls) throw new Error('This server speaks plain HTTP: it has no certificate to renew')
      ;(server as HttpsServer).setSecureContext(files)
    },
    close: () => {
      closing ??= (async () => {
        stopHeartbeat()
        stopSweep()
        for (const ws of sockets.clients) ws.close(SIGNAL_CLOSE_CODES.SHUTDOWN, 'The signaling server is shutting down')
        await new Promise<void>((resolve) => {
          const cancelForce = timers.after(1_000, () => {
            for (const ws of sockets.clients) ws.terminate()
          })
          sockets.close(() => {
            cancelForce()
            resolve()
          })
        })
        server.closeAllConnections()
        await new Promise<void>((resolve) => server.close(() => resolve()))
        await store?.close()
      })()
      return closing
    }
  }
}
