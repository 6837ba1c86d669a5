import { useEffect, useState } from 'react'
import { DEFAULT_TIMINGS } from './engine/call-machine'
import type { CallState } from './engine/call-runner'

/**
 * The call this tab is in, kept in sessionStorage (this tab only) while it is on, so a
 * reload goes straight back into the same call: the timer counts on from the first
 * connection and the call stays one on the record.
 */
interface RememberedCall {
  room: string
  connectedAt: number
  reconnects: number
  /** When the page went away (ms, this page's clock). */
  leftAt: number | null
}

const KEY = 'greenroom:call-in-progress'

function read(room: string): RememberedCall | null {
  try {
    const call = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as RememberedCall | null
    if (!call || call.room !== room || call.leftAt === null) return null
    // Back within the reconnect window: the other side is still waiting for us.
    return Date.now() - call.leftAt < DEFAULT_TIMINGS.reconnectWindowMs ? call : null
  } catch {
    return null
  }
}

/** The call to resume in `room` after a reload, read once when the page opens. */
export function useResumableCall(room: string): { connectedAt: number; reconnects: number } | null {
  const [call] = useState(() => {
    const remembered = read(room)
    return remembered ? { connectedAt: remembered.connectedAt, reconnects: remembered.reconnects } : null
  })
  return call
}

/** Keeps the room's call in sessionStorage while it is on, and forgets it once it ended. */
export function useRememberCall(room: string, state: CallState): void {
  const live = state.phase === 'connected' || state.phase === 'connecting' || state.phase === 'reconnecting'
  useEffect(() => {
    if (!live || state.connectedAt === null) {
      if (state.phase === 'ended' || state.phase === 'failed') sessionStorage.removeItem(KEY)
      return
    }
    const call: RememberedCall = { room, connectedAt: state.connectedAt, reconnects: state.reconnects, leftAt: null }
    sessionStorage.setItem(KEY, JSON.stringify(call))
    const left = () => sessionStorage.setItem(KEY, JSON.stringify({ ...call, leftAt: Date.now() }))
    window.addEventListener('pagehide', left)
    return () => window.removeEventListener('pagehide', left)
  }, [room, live, state.phase, state.connectedAt, state.reconnects])
}
