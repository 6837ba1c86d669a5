import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import {
  createRoomInputSchema,
  DEFAULT_ROOM_TTL_SECONDS,
  inviteUrl,
  JOIN_PATH_PREFIX,
  MAX_MESSAGE_BYTES,
  ROOMS_PATH,
  SIGNAL_CLOSE_CODES,
  SIGNAL_PATH,
  signalUrl,
  type CreatedRoom,
  type CreateRoomInput
} from '../../../shared/signaling'
import { systemClock, type Clock } from '../clock'
import { SignalingHub, type Connection, type RateLimits, type Session } from './protocol'
import { RoomLimitError, RoomRegistry } from './rooms'
import { systemTimers, type Timers } from './timers'
import { digest, matches } from './tokens'

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
 * - A token grants one role in one room until the room expires. There are no cookies,
 *   so a page on another origin gains nothing by opening the socket: no origin check.
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
  /** Turns on `POST /rooms` for holders of this secret. */
  adminSecret?: string
  clock?: Clock
  timers?: Timers
  limits?: Partial<SignalingLimits>
}

export interface SignalingServer {
  /** The public base address, e.g. http://127.0.0.1:45123 */
  readonly url: string
  /** The WebSocket address, e.g. ws://127.0.0.1:45123/signal */
  readonly signalUrl: string
  readonly port: number
  readonly host: string
  createRoom(input?: CreateRoomInput): CreatedRoom
  /** Closes expired rooms now (the server also does it every sweepIntervalMs). */
  expireRooms(): number
  stats(): { rooms: number; connections: number }
  close(): Promise<void>
}

const TEXT_HEADERS = {
  'Content-Type': 'text/plain; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer'
}
const MAX_BODY_BYTES = 4 * 1024

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
  const hub = new SignalingHub(rooms, clock, limits)
  let base = ''

  function createRoom(input: CreateRoomInput = {}): CreatedRoom {
    const { ttlSeconds = DEFAULT_ROOM_TTL_SECONDS } = createRoomInputSchema.parse(input)
    const made = rooms.create(ttlSeconds)
    return {
      room: made.room,
      hostToken: made.hostToken,
      guestToken: made.guestToken,
      inviteUrl: inviteUrl(base, made.room, made.guestToken),
      signalUrl: signalUrl(base),
      expiresAt: made.expiresAt.toISOString()
    }
  }

  // ---- HTTP ----

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

  async function postRoom(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!adminDigest) {
      text(response, 403, 'Rooms are not created over HTTP on this server.\n')
      return
    }
    const authorization = request.headers.authorization ?? ''
    const secret = authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : ''
    if (!matches(secret, adminDigest)) {
      text(response, 401, 'Creating a room needs this server\'s admin secret: "Authorization: Bearer <secret>".\n', {
        'WWW-Authenticate': 'Bearer'
      })
      return
    }
    const body = await readBody(request)
    if (body === null) {
      text(response, 413, `The request body may be at most ${MAX_BODY_BYTES} bytes.\n`)
      return
    }
    let input: unknown = {}
    try {
      if (body.trim() !== '') input = JSON.parse(body)
    } catch {
      text(response, 400, 'The request body must be JSON, such as {"ttlSeconds": 86400}.\n')
      return
    }
    const parsed = createRoomInputSchema.safeParse(input)
    if (!parsed.success) {
      text(response, 400, `Invalid room request: ${parsed.error.issues[0]?.message ?? 'invalid'}\n`)
      return
    }
    try {
      json(response, 201, createRoom(parsed.data))
    } catch (error) {
      if (error instanceof RoomLimitError) text(response, 503, `${error.message}; try again later.\n`)
      else throw error
    }
  }

  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://signal.invalid').pathname
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
    if (path.startsWith(JOIN_PATH_PREFIX)) {
      // The guest's call page is not served yet: say so plainly rather than show a stand-in.
      text(response, 404, 'The guest call page is not available on this server yet.\n')
      return
    }
    text(response, 404, 'Not found. This is a Greenroom signaling server.\n')
  })

  // ---- WebSocket ----

  const sockets = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes })
  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://signal.invalid').pathname
    if (path !== SIGNAL_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
      return
    }
    if (sockets.clients.size >= limits.maxConnections) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n')
      return
    }
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws))
  })

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
    // Errors (a message over maxPayload, a broken frame) are followed by 'close'.
    ws.on('error', () => undefined)
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
  const stopSweep = timers.every(limits.sweepIntervalMs, () => hub.expire())

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  base = (options.publicUrl ?? `http://${urlHost(host)}:${port}`).replace(/\/+$/, '')

  let closing: Promise<void> | null = null
  return {
    url: base,
    signalUrl: signalUrl(base),
    port,
    host,
    createRoom,
    expireRooms: () => hub.expire(),
    stats: () => ({ rooms: rooms.size, connections: sockets.clients.size }),
    close: () => {
      closing ??= (async () => {
        stopHeartbeat()
        stopSweep()
        for (const ws of sockets.clients) ws.close(SIGNAL_CLOSE_CODES.SHUTDOWN, 'The signaling server is shutting down')
        await new Promise<void>((resolve) => {
          const force = setTimeout(() => {
            for (const ws of sockets.clients) ws.terminate()
          }, 1_000)
          sockets.close(() => {
            clearTimeout(force)
            resolve()
          })
        })
        server.closeAllConnections()
        await new Promise<void>((resolve) => server.close(() => resolve()))
      })()
      return closing
    }
  }
}
