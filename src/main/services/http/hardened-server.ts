import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type RequestListener,
  type Server as HttpServer,
  type ServerResponse
} from 'node:http'
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https'
import type { SecureContextOptions } from 'node:tls'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'

/**
 * What Greenroom's HTTP servers (the browser host, the signaling server) share: every
 * response carries the security headers below, a request target that cannot be read is
 * answered 400 (never thrown), and broken requests and sockets end that connection alone.
 */

/**
 * Sent with every response: no page of ours may be framed by another (a page on the same
 * site would otherwise get the browser host's cookie sent along), nor sniffed or referred.
 * A response that sets its own Content-Security-Policy keeps `frame-ancestors 'none'` in it.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer'
}

export interface HardenedServerHandlers {
  /** A request whose target parsed; `url` is relative to a placeholder origin, so read its path and query only. */
  request(request: IncomingMessage, response: ServerResponse, url: URL): void
  /** A WebSocket upgrade whose target parsed; refuse with refuseUpgrade or accept with acceptWebSocket. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void
  /** Told of errors that ended one request or connection (the server goes on). */
  onError?(error: unknown): void
}

/** A plain HTTP server, or HTTPS when it was given a certificate. */
export type Server = HttpServer | HttpsServer

/** A certificate chain and its private key (PEM), for a server that speaks HTTPS and WSS itself. */
export interface TlsFiles {
  cert: string | Buffer
  key: string | Buffer
}

const PLACEHOLDER_ORIGIN = 'http://request.invalid'

/** The request's target as a URL, or null when it cannot be read (`//a:port`, `//[`, `//:99999`). */
export function requestTarget(request: IncomingMessage): URL | null {
  const target = request.url ?? '/'
  return URL.canParse(target, PLACEHOLDER_ORIGIN) ? new URL(target, PLACEHOLDER_ORIGIN) : null
}

/** An HTTP response written straight to a socket that never became a request/response pair. */
function rawResponse(status: number, body = `${STATUS_CODES[status] ?? 'Error'}\n`): string {
  const headers = {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close'
  }
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`)
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n${lines.join('\r\n')}\r\n\r\n${body}`
}

/** Answers an upgrade request with `status` and closes its socket. */
export function refuseUpgrade(socket: Duplex, status: number, body?: string): void {
  if (socket.writable) socket.end(rawResponse(status, body))
  else socket.destroy()
}

/** A WebSocketServer for upgrades the server hands it; a handshake ws refuses (no key, a bad version) is answered with our headers too. */
export function createWebSocketServer(maxPayload: number): WebSocketServer {
  const sockets = new WebSocketServer({ noServer: true, maxPayload })
  sockets.on('wsClientError', (error: Error, socket: Duplex) => refuseUpgrade(socket, 400, `${error.message}\n`))
  return sockets
}

/**
 * Completes an upgrade on `sockets` (from createWebSocketServer) and emits its 'connection'.
 * A protocol error (a message over maxPayload, invalid UTF-8, an unmasked frame, a reserved
 * opcode) makes ws close that socket; the listener here keeps it from ending the process.
 */
export function acceptWebSocket(sockets: WebSocketServer, request: IncomingMessage, socket: Duplex, head: Buffer): void {
  sockets.handleUpgrade(request, socket, head, (ws: WebSocket) => {
    ws.on('error', () => undefined)
    sockets.emit('connection', ws, request)
  })
}

/** `tls` makes it an HTTPS server (and its WebSockets WSS); without it, plain HTTP (behind a proxy, or on loopback). */
export function createHardenedServer(handlers: HardenedServerHandlers, tls?: TlsFiles & SecureContextOptions): Server {
  const onError = handlers.onError ?? ((error: unknown) => console.error('Greenroom server:', error))

  const handle: RequestListener = (request, response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value)
    const url = requestTarget(request)
    if (!url) {
      response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request: its address could not be read.\n')
      return
    }
    try {
      handlers.request(request, response, url)
    } catch (error) {
      onError(error)
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
      response.end()
    }
  }
  const server: Server = tls ? createHttpsServer(tls, handle) : createServer(handle)

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node leaves an upgrading socket without an error listener: a reset would end the process.
    socket.on('error', () => socket.destroy())
    const url = requestTarget(request)
    if (!url) {
      refuseUpgrade(socket, 400, 'Bad request: its address could not be read.\n')
      return
    }
    try {
      handlers.upgrade(request, socket, head, url)
    } catch (error) {
      onError(error)
      refuseUpgrade(socket, 500)
    }
  })

  // A request Node's parser refused (bad headers, too large, timed out): answer it if the socket still can.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy()
      return
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
    socket.end(rawResponse(status))
  })

  return server
}

/** Listens on `port` and `host`; errors after that are logged rather than thrown. */
export function listen(
  server: Server,
  port: number,
  host: string,
  onError: (error: unknown) => void = (error) => console.error('Greenroom server:', error)
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      server.on('error', onError)
      resolve()
    })
  })
}
