import { ownServerIce } from '../../../shared/guest-ice'
import type { Clock } from '../../../shared/time-source'
import type { IceServer, Settings } from '../../../shared/settings'
import { mintTurnCredential } from '../signaling/turn-credentials'

/** How long a password minted for one connection test holds: the test takes well under a minute. */
export const TEST_CREDENTIAL_MS = 10 * 60_000

/**
 * The STUN and TURN servers the connection test tries: those of Settings, and a TURN address
 * without a user name (one the app mints passwords for from the TURN server's shared secret)
 * with a password minted for this test, so the test reaches the relay a call would use.
 */
export function connectionTestServers(settings: Pick<Settings, 'iceServers' | 'turnSecret'>, clock: Clock): IceServer[] {
  // The addresses the app's own call server mints passwords for, by the same rule as for a call.
  const { turn } = ownServerIce(settings)
  if (!turn) return settings.iceServers
  const expiresAt = new Date(clock.now().getTime() + TEST_CREDENTIAL_MS)
  return settings.iceServers.map((server) =>
    server.username === '' && turn.urls.includes(server.url)
      ? { url: server.url, ...mintTurnCredential(turn.secret, 'connection-test', expiresAt) }
      : server
  )
}
