import type { Role } from '@shared/signaling'

/**
 * Why a call that was let in never connected (ICE failed before any media flowed), in words
 * each side can act on. `relayReached`: this side got a relay (TURN) address, so the relay
 * server answered and the trouble lies further on.
 */
export function unreachableReason(role: Role, peerName: string, relayReached: boolean): string {
  const what = relayReached
    ? `Your computer and ${peerName}’s could not reach each other, not even through the relay server.`
    : `Your computer and ${peerName}’s could not reach each other: one of your networks blocks direct calls, and the relay server that passes calls through did not answer.`
  const fix =
    role === 'host'
      ? 'Check the TURN server in Settings → Calls, then call again.'
      : `Let ${peerName} know, or try from another network (your phone’s hotspot, for example).`
  return `${what} ${fix}`
}
