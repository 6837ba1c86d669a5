import { randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { connect, type Socket } from 'node:net'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import WebSocket from 'ws'
import { startBrowserHost, type BrowserHost } from '../../../src/main/browser-host'
import { createCore, type Core } from '../../../src/main/core'
import { startSignalingServer, type SignalingServer, type SignalingServerOptions } from '../../../src/main/services/signaling/server'
import { useTempDirs } from '../../support/temp-dir'

/**
 * The pieces the hardening tests share: real servers on port 0 (stopped after each test),
 * and a raw TCP client, since HTTP and WebSocket clients tidy up what they send.
 */

const WAIT_MS = 5_000

export interface RunningHost {
  host: BrowserHost
  core: Core
  base: string
  cookie: string
}

/** Starts browser hosts and signaling servers in this process; all are stopped after each test. */
export function useServers() {
  const tempDir = useTempDirs()
  const hosts: RunningHost[] = []
  const signaling: SignalingServer[] = []
  afterEach(async () => {
    for (const { host, core } of hosts.splice(0)) {
      await host.close()
      await core.close()
    }
    for (const server of signaling.splice(0)) await server.close()
  })
  return {
    async browserHost(): Promise<RunningHost> {
      const rendererDir = await tempDir()
      await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Greenroom</title>')
      await mkdir(join(rendererDir, 'assets'))
      const core = await createCore({ dataDir: await tempDir(), mode: 'browser', version: 'test', systemTimeZone: () => 'UTC' })
      const host = await startBrowserHost({ core, rendererDir, port: 0 })
      const running = { host, core, base: `http://127.0.0.1:${host.port}`, cookie: `greenroom_token_${host.port}=${host.token}` }
      hosts.push(running)
      return running
    },
    async signalingServer(options: SignalingServerOptions = {}): Promise<SignalingServer> {
      const guestPageDir = await tempDir()
      await writeFile(join(guestPageDir, 'guest.html'), '<!doctype html><title>Join the call</title>')
      const server = await startSignalingServer({ port: 0, guestPageDir, ...options })
      signaling.push(server)
      return server
    }
  }
}

/** Sends `request` as raw bytes and resolves with all the server wrote back before closing. */
export function rawRequest(port: number, request: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`No complete answer within ${WAIT_MS} ms: ${Buffer.concat(chunks).toString()}`))
    }, WAIT_MS)
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', () => undefined)
    socket.on('close', () => {
      clearTimeout(timer)
      resolve(Buffer.concat(chunks).toString('latin1'))
    })
    socket.write(request)
  })
}

/** The status code of a raw HTTP answer. */
export function statusOf(answer: string): number | null {
  const match = /^HTTP\/1\.1 (\d{3})/.exec(answer)
  return match ? Number(match[1]) : null
}

/** The headers of a raw HTTP answer, names lower-cased. */
export function headersOf(answer: string): Map<string, string> {
  const head = answer.split('\r\n\r\n')[0] ?? ''
  return new Map(
    head
      .split('\r\n')
      .slice(1)
      .map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()] as [string, string])
  )
}

/** The request targets `new URL()` refuses, sent as plain requests and as WebSocket upgrades. */
export const UNREADABLE_TARGETS = ['//a:port', '//[', '//:99999']

export function plainGet(target: string): string {
  return `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`
}

export function upgradeGet(target: string, headers: Record<string, string> = {}): string {
  const lines = Object.entries({
    Host: '127.0.0.1',
    Connection: 'Upgrade',
    Upgrade: 'websocket',
    'Sec-WebSocket-Version': '13',
    'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
    ...headers
  }).map(([name, value]) => `${name}: ${value}\r\n`)
  return `GET ${target} HTTP/1.1\r\n${lines.join('')}\r\n`
}

/** A WebSocket opened by hand, to send frames no well-behaved client would. */
export interface RawSocket {
  socket: Socket
  /** The close code the server sent, or null when it closed without one. */
  closed: Promise<number | null>
}

export function openRawWebSocket(port: number, target: string, headers: Record<string, string> = {}): Promise<RawSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let buffered = Buffer.alloc(0)
    let upgraded = false
    let closeCode: number | null = null
    const closed = new Promise<number | null>((resolveClosed) => socket.on('close', () => resolveClosed(closeCode)))
    socket.on('error', () => undefined)
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk])
      if (!upgraded) {
        const end = buffered.indexOf('\r\n\r\n')
        if (end < 0) return
        const head = buffered.subarray(0, end).toString()
        buffered = buffered.subarray(end + 4)
        if (statusOf(head) !== 101) {
          reject(new Error(`Not upgraded: ${head.split('\r\n')[0]}`))
          return
        }
        upgraded = true
        resolve({ socket, closed })
      }
      // Server frames are unmasked and small here: look for a close frame (opcode 8).
      while (buffered.length >= 2) {
        const length = buffered[1]! & 0x7f
        if (length > 125 || buffered.length < 2 + length) break
        if ((buffered[0]! & 0x0f) === 0x8 && length >= 2) closeCode = buffered.readUInt16BE(2)
        buffered = buffered.subarray(2 + length)
      }
    })
    socket.write(upgradeGet(target, headers))
  })
}

/** One WebSocket frame; `declaredLength` lets a frame claim a size it does not carry. */
export function frame(options: { opcode: number; payload?: Buffer; masked?: boolean; declaredLength?: number }): Buffer {
  const payload = options.payload ?? Buffer.alloc(0)
  const masked = options.masked ?? true
  const length = options.declaredLength ?? payload.length
  const header: number[] = [0x80 | options.opcode]
  const maskBit = masked ? 0x80 : 0
  let extended = Buffer.alloc(0)
  if (length < 126) header.push(maskBit | length)
  else if (length < 65536) {
    header.push(maskBit | 126)
    extended = Buffer.alloc(2)
    extended.writeUInt16BE(length)
  } else {
    header.push(maskBit | 127)
    extended = Buffer.alloc(8)
    extended.writeBigUInt64BE(BigInt(length))
  }
  if (!masked) return Buffer.concat([Buffer.from(header), extended, payload])
  const mask = randomBytes(4)
  const body = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!))
  return Buffer.concat([Buffer.from(header), extended, mask, body])
}

/** A WebSocket client that never throws: resolves once open, or with the status it was refused with. */
export function tryOpen(url: string, options: WebSocket.ClientOptions = {}): Promise<{ ws: WebSocket } | { refused: number | null }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, options)
    ws.once('open', () => resolve({ ws }))
    ws.once('unexpected-response', (_request, response) => {
      resolve({ refused: response.statusCode ?? null })
      ws.terminate()
    })
    ws.once('error', () => resolve({ refused: null }))
  })
}

/** Sends one RPC call on an open browser-host socket and resolves with its `result`. */
export function rpc(ws: WebSocket, message: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const parsed = JSON.parse(data.toString())
      if ('result' in parsed) {
        ws.off('message', onMessage)
        resolve(parsed.result)
      }
    }
    ws.on('message', onMessage)
    ws.send(typeof message === 'string' ? message : JSON.stringify(message))
  })
}

/** A nesting of `depth` arrays, as text. */
export const nested = (depth: number, inner = '0'): string => '['.repeat(depth) + inner + ']'.repeat(depth)
