import { afterEach } from 'vitest'
import WebSocket from 'ws'
import { startSignalingServer, type SignalingServer, type SignalingServerOptions } from '../../../src/main/services/signaling/server'
import {
  serverMessageSchema,
  type CreatedRoom,
  type Role,
  type ServerMessage,
  type ServerMessageOf,
  type ServerMessageType
} from '../../../src/shared/signaling'

const WAIT_MS = 5_000

/** Real signaling servers on port 0, closed after each test, with their clients. */
export function useSignaling(): (options?: SignalingServerOptions) => Promise<SignalingServer> {
  const servers: SignalingServer[] = []
  afterEach(async () => {
    for (const client of openClients.splice(0)) client.socket.terminate()
    for (const server of servers.splice(0)) await server.close()
  })
  return async (options = {}) => {
    const server = await startSignalingServer({ port: 0, ...options })
    servers.push(server)
    return server
  }
}

const openClients: SignalClient[] = []

/**
 * A participant's end of the protocol as a test drives it: every message the service sends
 * is checked against the shared schema and queued, and read in order with `next`.
 */
export class SignalClient {
  private readonly queue: ServerMessage[] = []
  private readonly waiters: ((message: ServerMessage) => void)[] = []
  readonly closed: Promise<{ code: number; reason: string }>
  private signalHandler: ((message: ServerMessageOf<'signal'>) => void) | null = null

  private constructor(readonly socket: WebSocket) {
    openClients.push(this)
    socket.on('message', (data) => {
      const message = serverMessageSchema.parse(JSON.parse(data.toString()))
      if (message.type === 'signal' && this.signalHandler) {
        this.signalHandler(message)
        return
      }
      const waiter = this.waiters.shift()
      if (waiter) waiter(message)
      else this.queue.push(message)
    })
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
    })
    socket.on('error', () => undefined)
  }

  static open(url: string, options: WebSocket.ClientOptions = {}): Promise<SignalClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, options)
      const client = new SignalClient(socket)
      socket.once('open', () => resolve(client))
      socket.once('unexpected-response', (_request, response) => reject(new Error(`refused with HTTP ${response.statusCode}`)))
      socket.once('error', reject)
    })
  }

  /** Opens a connection and joins; resolves with the `joined` answer. */
  static async join(
    server: { signalUrl: string },
    room: CreatedRoom,
    role: Role,
    name = role === 'host' ? 'Alex (freelancer)' : 'Maya (client)',
    options: WebSocket.ClientOptions = {}
  ): Promise<{ client: SignalClient; joined: ServerMessageOf<'joined'> }> {
    const client = await SignalClient.open(server.signalUrl, options)
    client.send({ type: 'join', room: room.room, token: role === 'host' ? room.hostToken : room.guestToken, role, name })
    return { client, joined: await client.next('joined') }
  }

  /** Hands `signal` messages to `handler` from now on instead of queueing them. */
  onSignal(handler: (message: ServerMessageOf<'signal'>) => void): void {
    this.signalHandler = handler
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message))
  }

  /** The next message, in order. */
  receive(): Promise<ServerMessage> {
    const queued = this.queue.shift()
    if (queued) return Promise.resolve(queued)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(onMessage), 1)
        reject(new Error(`no message within ${WAIT_MS} ms`))
      }, WAIT_MS)
      const onMessage = (message: ServerMessage): void => {
        clearTimeout(timer)
        resolve(message)
      }
      this.waiters.push(onMessage)
    })
  }

  /** The next message, which must be of this type. */
  async next<T extends ServerMessageType>(type: T): Promise<ServerMessageOf<T>> {
    const message = await this.receive()
    if (message.type !== type) throw new Error(`expected "${type}", received ${JSON.stringify(message)}`)
    return message as ServerMessageOf<T>
  }

  /** Messages received and not read yet. */
  get pending(): readonly ServerMessage[] {
    return this.queue
  }

  close(): void {
    this.socket.close(1000, 'bye')
  }

  /** Drops the TCP connection without a WebSocket close, as a crashed app or lost network would. */
  destroy(): void {
    ;(this.socket as unknown as { _socket: { destroy(): void } })._socket.destroy()
  }
}
