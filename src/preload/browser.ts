import { MAX_RPC_MESSAGE_BYTES, RPC_PATH } from '../shared/browser-rpc'
import { createGreenroomClient, type Transport } from '../shared/client'
import type { Envelope } from '../shared/errors'
import type { EventListener, EventMessage } from '../shared/contract/events'

/**
 * Browser mode's stand-in for the Electron preload: the same `window.greenroom`, carried
 * over a WebSocket to the browser host. The cookie set by the launch link authorises it.
 */
type Pending = { resolve: (envelope: Envelope<unknown>) => void }

const pending = new Map<number, Pending>()
const listeners = new Set<EventListener>()
let nextId = 1
let socket: WebSocket | null = null
let opened: Promise<WebSocket> | null = null

function unavailable(message: string): Envelope<never> {
  return { ok: false, error: { code: 'INTERNAL', message } }
}

function connect(): Promise<WebSocket> {
  if (opened) return opened
  opened = new Promise((resolve, reject) => {
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${RPC_PATH}`)
    ws.addEventListener('open', () => {
      socket = ws
      resolve(ws)
    })
    ws.addEventListener('message', (message) => onMessage(String(message.data)))
    ws.addEventListener('close', () => {
      socket = null
      opened = null
      for (const [id, call] of pending) {
        pending.delete(id)
        call.resolve(unavailable('Lost the connection to Greenroom. Is it still running? Restart it and open its new link.'))
      }
      reject(new Error('closed'))
    })
  })
  opened.catch(() => undefined)
  return opened
}

function onMessage(text: string): void {
  let message: { id?: unknown; result?: Envelope<unknown>; event?: unknown; payload?: unknown }
  try {
    message = JSON.parse(text)
  } catch {
    return
  }
  if (typeof message.id === 'number' && message.result) {
    pending.get(message.id)?.resolve(message.result)
    pending.delete(message.id)
  } else {
    // From main over this page's own socket; a name the contract lacks reaches no listener (each asks for its own).
    if (typeof message.event !== 'string') return
    const event = { event: message.event, payload: message.payload } as EventMessage
    for (const listener of listeners) listener(event)
  }
}

const transport: Transport = {
  async invoke(method, input) {
    let ws: WebSocket
    try {
      ws = socket ?? (await connect())
    } catch {
      return unavailable('Cannot reach Greenroom. Is it still running? Restart it and open its new link.')
    }
    const id = nextId++
    const message = JSON.stringify({ id, method, input })
    // The host closes the socket on a message over its cap: say so instead, and send nothing.
    if (message.length * 3 > MAX_RPC_MESSAGE_BYTES && new TextEncoder().encode(message).length > MAX_RPC_MESSAGE_BYTES) {
      return {
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: `This is too large to send to Greenroom: at most ${Math.floor(MAX_RPC_MESSAGE_BYTES / (1024 * 1024))} MB at once.`
        }
      }
    }
    return new Promise((resolve) => {
      pending.set(id, { resolve })
      ws.send(message)
    })
  },
  subscribe(listener) {
    listeners.add(listener)
    void connect()
    return () => {
      listeners.delete(listener)
    }
  }
}

Object.defineProperty(window, 'greenroom', {
  value: createGreenroomClient(transport),
  writable: false,
  configurable: false
})

// Open the socket now, while the page's own code still downloads, so the first call finds it ready.
void connect()
