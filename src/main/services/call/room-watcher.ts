import WebSocket from 'ws'
import { SIGNAL_CLOSE_CODES, serverMessageSchema, type Participant } from '../../../shared/signaling'
import { systemTimers, type CancelTimer, type Timers } from '../../../shared/time-source'

/**
 * The host's app watching one room on a standalone signaling server while its call page
 * is closed (the `watch` message of src/shared/signaling.ts): told when a guest waits and
 * when the wait is over, able to decline. It reconnects with backoff while the room lives
 * and stops for good when the server says the room is over (expired, replaced, unknown).
 *
 * It sends no Origin header: the server's origin check (--allow-origin) is for browser
 * pages, and a non-browser client is let in on its token alone.
 */
export interface RoomWatcherOptions {
  signalUrl: string
  room: string
  hostToken: string
  /** The host's name, which the waiting guest is told. */
  hostName: string
  /** A guest waits (or no longer does: null). */
  onWaiting: (guest: Participant | null) => void
  /** The server said the room is over: no more reconnecting. */
  onGone?: () => void
  timers?: Timers
  /** First reconnect delay, doubled after each failure up to maxBackoffMs. */
  backoffMs?: number
  maxBackoffMs?: number
  /** With nothing heard this long (the server pings every 15 s), the connection is taken as dead and made again. */
  silenceMs?: number
}

export interface RoomWatcher {
  /** Tells the waiting guest the host cannot take the call now; false when nobody waits or the server is out of reach. */
  decline(reason?: string): boolean
  /** Whether the server currently confirms the watch. */
  readonly watching: boolean
  close(): void
}

/** Close codes after which the room will never be watched again. */
const GONE_CODES: ReadonlySet<number> = new Set([
  SIGNAL_CLOSE_CODES.UNAUTHORIZED,
  SIGNAL_CLOSE_CODES.ROOM_EXPIRED,
  SIGNAL_CLOSE_CODES.ROOM_REPLACED
])

export function watchRoom(options: RoomWatcherOptions): RoomWatcher {
  const timers = options.timers ?? systemTimers
  const firstBackoff = options.backoffMs ?? 1_000
  const maxBackoff = options.maxBackoffMs ?? 60_000
  let backoff = firstBackoff
  let socket: WebSocket | null = null
  let watching = false
  let waiting: Participant | null = null
  let closed = false
  let cancelRetry: CancelTimer = () => undefined
  let cancelSilence: CancelTimer = () => undefined
  const silenceMs = options.silenceMs ?? 60_000

  const setWaiting = (guest: Participant | null): void => {
    if (guest === null && waiting === null) return
    waiting = guest
    options.onWaiting(guest)
  }

  function connect(): void {
    const ws = new WebSocket(options.signalUrl, { handshakeTimeout: 10_000 })
    socket = ws
    // A server gone without a goodbye (a dropped network) sends no close: its silence tells instead.
    const heard = (): void => {
      cancelSilence()
      cancelSilence = timers.after(silenceMs, () => ws.terminate())
    }
    ws.on('ping', heard)
    ws.on('open', () => {
      heard()
      ws.send(JSON.stringify({ type: 'watch', room: options.room, token: options.hostToken, name: options.hostName }))
    })
    ws.on('message', (data) => {
      heard()
      let message
      try {
        message = serverMessageSchema.parse(JSON.parse(data.toString()))
      } catch {
        return // not the protocol: ignored, like any client of it does
      }
      if (message.type === 'watching') {
        watching = true
        backoff = firstBackoff
      } else if (message.type === 'ring') {
        setWaiting(message.from)
      } else if (message.type === 'waiting-over') {
        setWaiting(null)
      }
    })
    ws.on('error', () => undefined) // followed by 'close'
    ws.on('close', (code) => {
      if (socket !== ws) return
      cancelSilence()
      socket = null
      watching = false
      // While away we cannot tell whether the guest still waits: better to stop ringing than ring for nobody.
      setWaiting(null)
      if (closed) return
      if (GONE_CODES.has(code)) {
        closed = true
        options.onGone?.()
        return
      }
      cancelRetry = timers.after(backoff, () => {
        if (!closed) connect()
      })
      backoff = Math.min(maxBackoff, backoff * 2)
    })
  }

  connect()
  return {
    get watching() {
      return watching
    },
    decline(reason) {
      if (!socket || !watching || !waiting || socket.readyState !== WebSocket.OPEN) return false
      socket.send(JSON.stringify({ type: 'decline', ...(reason ? { reason } : {}) }))
      return true
    },
    close() {
      if (closed) return
      closed = true
      cancelRetry()
      cancelSilence()
      const ws = socket
      socket = null
      watching = false
      setWaiting(null)
      ws?.close(1000, 'The host stopped watching')
    }
  }
}
