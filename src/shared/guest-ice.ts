import type { IceServer, Settings } from './settings'

/**
 * Which of the STUN/TURN servers in Settings reach whom. A TURN server with a user name and
 * password is the host's own account: it stays on the host's computer. A guest gets STUN,
 * and TURN only with a password minted for their call from the TURN server's shared secret.
 */

/** A TURN (or TURN over TLS) address, as opposed to STUN. */
export const isTurn = (server: IceServer): boolean => /^turns?:/i.test(server.url)

/** The host's own servers for a call: STUN, and TURN with the host's user name. */
export function hostIceServers(servers: readonly IceServer[]): RTCIceServerLike[] {
  return servers
    .filter((server) => !isTurn(server) || server.username !== '')
    .map((server) => ({ urls: server.url, ...(server.username ? { username: server.username, credential: server.credential } : {}) }))
}

/** What the app's own call server hands out: STUN addresses, and TURN addresses to mint passwords for when there is a shared secret. */
export function ownServerIce(settings: Pick<Settings, 'iceServers' | 'turnSecret'>): {
  stunUrls: string[]
  turn: { secret: string; urls: string[] } | null
} {
  const stunUrls = settings.iceServers.filter((server) => !isTurn(server)).map((server) => server.url)
  const turnUrls = settings.iceServers.filter((server) => isTurn(server) && server.username === '').map((server) => server.url)
  return { stunUrls, turn: settings.turnSecret !== '' && turnUrls.length > 0 ? { secret: settings.turnSecret, urls: turnUrls } : null }
}

/** STUN addresses only, for a room made on a server of the user's: its own TURN configuration gives the relay. */
export function stunOnly(servers: readonly IceServer[]): { urls: string }[] {
  return servers.filter((server) => !isTurn(server)).map((server) => ({ urls: server.url }))
}

/**
 * Why the guest gets no relay, in plain words, when Settings alone decide it (the app's own
 * server); null when the guest gets one, or when there is no TURN server at all.
 */
export function guestRelayNote(settings: Pick<Settings, 'iceServers' | 'turnSecret' | 'signaling'>): string | null {
  const turn = settings.iceServers.filter(isTurn)
  if (settings.signaling.mode === 'remote') {
    return turn.some((server) => server.username !== '')
      ? 'TURN servers here with a user name are yours alone. Your guest gets the relay your call server was started with (its --turn-secret and --turn-urls).'
      : null
  }
  if (turn.length === 0) return null
  const minted = ownServerIce(settings).turn
  if (minted) return null
  if (settings.turnSecret === '') {
    return (
      'Your guest gets no relay server, only STUN: a TURN user name and password are yours alone and are never sent to a guest. ' +
      'Add the TURN server’s shared secret below and leave its user name empty, so each guest gets a password valid for their call only.'
    )
  }
  return 'Your guest gets no relay server, only STUN: the shared secret is used for TURN addresses without a user name. Empty the user name and password of your TURN server.'
}

/** RTCIceServer's shape, without the DOM types (this module is shared with main). */
export interface RTCIceServerLike {
  urls: string | string[]
  username?: string
  credential?: string
}
