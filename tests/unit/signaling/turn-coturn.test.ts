import { describe, expect, it } from 'vitest'
import { useStopAfterEach } from '../../support/stop-after-each'
import { mintTurnCredential } from '../../../src/main/services/signaling/turn-credentials'
import { ManualClock } from '../../support/manual-time'
import { relayCandidates } from '../../support/relay-candidates'
import { hasCoturn, startTurnServer } from '../../e2e/support/turn'
import { SignalClient, useSignaling } from './support'

const startServer = useSignaling()
const SECRET = 'the-coturn-static-auth-secret'
const stopAfterEach = useStopAfterEach()

describe.skipIf(!hasCoturn())('minted TURN credentials against a real coturn (use-auth-secret)', () => {
  it('work while their room lives and are refused once its time has passed', async () => {
    const turn = await startTurnServer({ sharedSecret: SECRET })
    stopAfterEach(turn)
    const urls = [`turn:127.0.0.1:${turn.port}?transport=udp`]

    const server = await startServer({ ice: { stunUrls: [], turn: { secret: SECRET, urls } } })
    const room = server.createRoom({ ttlSeconds: 3600 })
    const { joined } = await SignalClient.join(server, room, 'guest')
    expect(await relayCandidates(joined.iceServers!)).not.toEqual([])

    // A room made two hours ago (by the server's clock) for one hour: its credentials ran out an hour ago.
    const twoHoursAgo = new ManualClock(new Date(Date.now() - 2 * 3600_000))
    const old = await startServer({ clock: twoHoursAgo, ice: { stunUrls: [], turn: { secret: SECRET, urls } } })
    const expired = old.createRoom({ ttlSeconds: 3600 })
    const stale = (await SignalClient.join(old, expired, 'guest')).joined
    expect(stale.iceServers![0]!.username).toMatch(new RegExp(`^${Math.floor(Date.parse(expired.expiresAt) / 1000)}:`))
    expect(await relayCandidates(stale.iceServers!)).toEqual([])

    // Nor does a password made with another secret, or the right name with a changed expiry.
    const wrongSecret = mintTurnCredential('some-other-secret-altogether', 'x.guest', new Date(Date.now() + 3600_000))
    expect(await relayCandidates([{ urls, ...wrongSecret }])).toEqual([])
    const good = mintTurnCredential(SECRET, 'x.guest', new Date(Date.now() + 3600_000))
    const stretched = { username: good.username.replace(/^\d+/, (expiry) => String(Number(expiry) + 86_400)), credential: good.credential }
    expect(await relayCandidates([{ urls, ...stretched }])).toEqual([])
    expect(await relayCandidates([{ urls, ...good }])).not.toEqual([])
  }, 60_000)
})
