import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import type { RawData, WebSocket } from 'ws'
import { MAX_RPC_DEPTH, MAX_RPC_MESSAGE_BYTES, RPC_PATH } from '../shared/browser-rpc'
import type { Envelope } from '../shared/errors'
import { parseJsonWithin } from '../shared/json-depth'
import type { Core } from './core'
import { dispatch } from './rpc'
import { acceptWebSocket, createHardenedServer, createWebSocketServer, listen, refuseUpgrade } from './services/http/hardened-server'
import { fileInside, sendFile } from './services/http/static-files'

/**
 * Browser mode: the same handlers as the Electron IPC adapter, behind a WebSocket on
 * 127.0.0.1, plus the built renderer. Every request needs the per-launch token, either
 * in the URL (the printed link) or in the cookie that link sets.
 */
export interface BrowserHostOptions {
  core: Core
  rendererDir: string
  port?: number
  token?: string
}

export interface BrowserHost {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

export { RPC_PATH }
/** Sample files are served at /samples/<id>/<file name>, so a new tab shows them with the system's viewer. */
export const SAMPLES_PATH = '/samples/'

const REFUSAL_PAGE = `<!doctype html><meta charset="utf-8"><title>Greenroom</title>
<body style="font-family:system-ui;max-width:36rem;margin:4rem auto;line-height:1.5">
<h1>This link is missing its key</h1>
<p>Greenroom's browser mode only answers the link it printed when it started, which ends in
<code>?token=…</code>. Copy that whole link from the terminal, or restart Greenroom to get a new one.</p>`

function tokenCookieName(port: number): string {
  // Cookies ignore ports, so the name carries it: two hosts on one machine never collide.
  return `greenroom_token_${port}`
}

function sameToken(candidate: string | null | undefined, token: string): boolean {
  if (!candidate) return false
  const a = Buffer.from(candidate)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return null
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const rendererRoot = resolve(options.rendererDir)
  let port = 0

  const isAuthorised = (request: IncomingMessage, url: URL): boolean =>
    sameToken(url.searchParams.get('token'), token) || sameToken(cookieValue(request.headers.cookie, tokenCookieName(port)), token)

  async function serveFile(request: IncomingMessage, url: URL, response: ServerResponse): Promise<void> {
    const found = fileInside(rendererRoot, url.pathname === '/' ? 'index.html' : url.pathname.slice(1))
    if (!found.ok) {
      response.writeHead(found.refused === 'bad-address' ? 400 : 404).end()
      return
    }
    const headers = { 'Content-Type': found.contentType ?? 'application/octet-stream', 'Cache-Control': 'no-store' }
    if (!(await sendFile(request, response, found.file, headers))) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')
    }
  }

  /**
   * Browser mode's "open with the system's app": the sample opens in a new tab of the
   * user's browser, which shows PDFs, images, video and text itself and downloads office
   * documents for their app. Only files the samples service type-checked are served.
   */
  async function serveSample(url: URL, response: ServerResponse): Promise<void> {
    const id = url.pathname.slice(SAMPLES_PATH.length).split('/')[0] ?? ''
    const file = /^[0-9a-f-]{36}$/.test(id) ? await options.core.samples.fileFor(id) : null
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('This sample’s file is not on this computer.')
      return
    }
    const inline = /^(application\/pdf|image\/|video\/|audio\/|text\/plain)/.test(file.mediaType)
    response.writeHead(200, {
      'Content-Type': file.mediaType,
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'no-store'
    })
    createReadStream(file.path)
      .on('error', () => response.destroy())
      .pipe(response)
  }

  const sockets = createWebSocketServer(MAX_RPC_MESSAGE_BYTES)

  const server: Server = createHardenedServer({
    request: (request, response, url) => serve(request, response, url),
    upgrade(request, socket, head, url) {
      const origin = request.headers.origin
      const originAllowed = origin === undefined || origin === `http://127.0.0.1:${port}`
      if (url.pathname !== RPC_PATH || !originAllowed || !isAuthorised(request, url)) {
        refuseUpgrade(socket, 401)
        return
      }
      acceptWebSocket(sockets, request, socket, head)
    }
  })

  function serve(request: IncomingMessage, response: ServerResponse, url: URL): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end()
      return
    }
    if (!isAuthorised(request, url)) {
      response.writeHead(403, { 'Content-Type': 'text/html; charset=utf-8' }).end(REFUSAL_PAGE)
      return
    }
    if (url.searchParams.has('token')) {
      // Trade the token in the address bar for a cookie, so it stays out of history.
      response.writeHead(303, {
        Location: url.pathname,
        'Set-Cookie': `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`
      })
      response.end()
      return
    }
    const served = url.pathname.startsWith(SAMPLES_PATH) ? serveSample(url, response) : serveFile(request, url, response)
    served.catch(() => {
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  }

  sockets.on('connection', (ws: WebSocket) => {
    const unsubscribe = options.core.events.subscribe((message) => {
      ws.send(JSON.stringify(message))
    })
    ws.on('close', unsubscribe)
    ws.on('message', (data: RawData) => {
      answer(ws, data).catch(() =>
        reply(ws, null, { ok: false, error: { code: 'INTERNAL', message: 'The request could not be answered' } })
      )
    })
  })

  async function answer(ws: WebSocket, data: RawData): Promise<void> {
    const read = parseJsonWithin(data.toString(), MAX_RPC_DEPTH)
    if (!read.ok) {
      reply(ws, null, { ok: false, error: { code: 'INVALID_INPUT', message: read.message } })
      return
    }
    const request = read.value as { id?: unknown; method?: unknown; input?: unknown } | null
    const id = request?.id
    if (typeof id !== 'number' && typeof id !== 'string') {
      reply(ws, null, {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'Malformed message: expected { id, method, input }' }
      })
      return
    }
    reply(ws, id, await dispatch(options.core.handlers, request?.method, request?.input))
  }

  function reply(ws: WebSocket, id: number | string | null, result: Envelope<unknown>): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, result }))
  }

  await listen(server, options.port ?? 0, '127.0.0.1')
  port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      for (const client of sockets.clients) client.terminate()
      sockets.close()
      const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()))
      // A tab still showing a sample (a PDF, a video) keeps its connection open: end it too.
      server.closeAllConnections()
      await closed
    }
  }
}
