import { serverMessageSchema, type ClientMessage, type Role, type ServerMessage } from '@shared/signaling'
import { systemTimers, type CancelTimer, type Timers } from '@shared/time-source'
import type { SignalingStatus } from './engine/call-machine'

export type { SignalingStatus }

/** What the client needs of a WebSocket: the browser's, or `ws` in Node tests. */
export type WebSocketLike = Pick<WebSocket, 'readyState' | 'send' | 'close' | 'addEventListener'>
export type WebSocketFactory = (url: string) => WebSocketLike

/** WebSocket.OPEN, which `ws` and the browser share. */
const OPEN = 1

export interface SignalingClientOptions {
  signalUrl: string
  room: string
  token: string
  role: Role
  name: string
  onMessage(message: ServerMessage): void
  onStatus(status: SignalingStatus, detail?: string): void
  /** Wait before each reconnection attempt, by attempt number. */
  backoffMs?: (attempt: number) => number
  timers?: Timers
  /** Opens the socket; the browser's WebSocket unless told otherwise. */
  openSocket?: WebSocketFactory
}

/** Errors after which trying again cannot help. */
const FINAL_ERRORS = new Set(['UNAUTHORIZED', 'ROOM_FULL', 'ROOM_EXPIRED', 'ROOM_REPLACED'])

/**
 * One participant's WebSocket to the signaling service: joins the room, hands every
 * message (checked against the shared schema) to its owner, and when the connection
 * drops by accident, reconnects and joins again by itself until told to close.
 */
export class SignalingClient {
  private socket: WebSocketLike | null = null
  private attempt = 0
  private closed = false
  private cancelRetry: CancelTimer | null = null

  constructor(private readonly options: SignalingClientOptions) {}

  connect(): void {
    if (this.closed) return
    this.options.onStatus(this.attempt === 0 ? 'connecting' : 'reconnecting')
    let socket: WebSocketLike
    try {
      socket = (this.options.openSocket ?? ((url) => new WebSocket(url)))(this.options.signalUrl)
    } catch (error) {
      this.finish(`The call server address is not valid: ${error instanceof Error ? error.message : String(error)}`)
      return
    }
    this.socket = socket
    socket.addEventListener('open', () => {
      const { room, token, role, name } = this.options
      this.send({ type: 'join', room, token, role, name })
    })
    socket.addEventListener('message', (event) => {
      let message: ServerMessage
      try {
        message = serverMessageSchema.parse(JSON.parse(String(event.data)))
      } catch {
        return // not ours to understand; the service never sends such
      }
      if (message.type === 'joined') {
        this.attempt = 0
        this.options.onStatus('joined')
      }
      if (message.type === 'error' && message.fatal && FINAL_ERRORS.has(message.code)) {
        this.finish(message.message)
      }
      this.options.onMessage(message)
    })
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return
      this.socket = null
      if (this.closed) return
      const wait = (this.options.backoffMs ?? ((n) => Math.min(8_000, 500 * 2 ** n)))(this.attempt++)
      this.options.onStatus('reconnecting')
      this.cancelRetry = (this.options.timers ?? systemTimers).after(wait, () => this.connect())
    })
  }

  send(message: ClientMessage): boolean {
    if (this.socket?.readyState !== OPEN) return false
    this.socket.send(JSON.stringify(message))
    return true
  }

  get connected(): boolean {
    return this.socket?.readyState === OPEN
  }

  /** Leaves for good: no more reconnecting. */
  close(): void {
    this.closed = true
    this.cancelRetry?.()
    const socket = this.socket
    this.socket = null
    socket?.close(1000, 'left')
  }

  private finish(reason: string): void {
    this.closed = true
    this.options.onStatus('closed', reason)
    this.socket?.close()
  }
}
