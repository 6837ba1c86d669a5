import { createHmac } from 'node:crypto'
import type { Role, RoomIceServer } from '../../../shared/signaling'

/**
 * Short-lived TURN credentials, as coturn checks them with `use-auth-secret` and
 * `static-auth-secret` (the TURN REST scheme): the user name is `<expiry unix time>:<id>`
 * and the password is base64(HMAC-SHA1(shared secret, user name)). The TURN server needs
 * no list of users: it recomputes the password and refuses a name whose time has passed.
 * So a guest holds a relay only while its room lives, and never the host's own account.
 */

/** The STUN and TURN servers a signaling server hands out, and the TURN server's shared secret. */
export interface IceConfig {
  stunUrls: string[]
  /** With no shared secret, no TURN server is handed out (STUN only). */
  turn: { secret: string; urls: string[] } | null
}

export const NO_ICE: IceConfig = { stunUrls: [], turn: null }

export interface TurnCredential {
  username: string
  credential: string
}

/** A credential valid until `expiresAt` (to the second, rounded down) for `id`, which must not hold a ':'. */
export function mintTurnCredential(secret: string, id: string, expiresAt: Date): TurnCredential {
  if (id.includes(':')) throw new Error('A TURN user id cannot hold ":" (it separates the expiry from the id)')
  const username = `${Math.floor(expiresAt.getTime() / 1000)}:${id}`
  return { username, credential: createHmac('sha1', secret).update(username).digest('base64') }
}

/** The servers one participant of a room gets on joining: STUN as is, TURN with a credential minted for them until the room expires. */
export function iceServersFor(config: IceConfig, room: string, role: Role, expiresAt: Date): RoomIceServer[] {
  const servers: RoomIceServer[] = []
  if (config.stunUrls.length > 0) servers.push({ urls: config.stunUrls })
  if (config.turn && config.turn.urls.length > 0) {
    servers.push({ urls: config.turn.urls, ...mintTurnCredential(config.turn.secret, `${room}.${role}`, expiresAt) })
  }
  return servers
}
