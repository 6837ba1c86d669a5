import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { useStopAfterEach } from '../support/stop-after-each'
import { connectionTestServers, TEST_CREDENTIAL_MS } from '../../src/main/services/precall/test-servers'
import type { IceServer } from '../../src/shared/settings'
import { ManualClock } from '../support/manual-time'
import { relayCandidates } from '../support/relay-candidates'
import { hasCoturn, startTurnServer } from '../e2e/support/turn'

const SECRET = 'the-coturn-static-auth-secret'
const clock = new ManualClock(new Date('2026-12-01T18:00:00Z'))
const stun: IceServer = { url: 'stun:stun.example.com:3478', username: '', credential: '' }
const ownAccount: IceServer = { url: 'turn:turn.example.com:3478', username: 'maya', credential: 'her-password' }
const minted: IceServer = { url: 'turn:relay.example.com:3478?transport=udp', username: '', credential: '' }

describe('the servers the connection test tries', () => {
  it('are those of Settings, with a TURN address of the app’s own server given a password minted from the shared secret', () => {
    const [first, second, third] = connectionTestServers({ iceServers: [stun, ownAccount, minted], turnSecret: SECRET }, clock)
    expect(first).toEqual(stun)
    expect(second).toEqual(ownAccount)
    const expiry = (clock.now().getTime() + TEST_CREDENTIAL_MS) / 1000
    expect(third).toEqual({
      url: minted.url,
      username: `${expiry}:connection-test`,
      credential: createHmac('sha1', SECRET).update(`${expiry}:connection-test`).digest('base64')
    })
  })

  it('leave a TURN address without a user name as it is when there is no shared secret', () => {
    expect(connectionTestServers({ iceServers: [stun, minted], turnSecret: '' }, clock)).toEqual([stun, minted])
  })
})

const stopAfterEach = useStopAfterEach()

describe.skipIf(!hasCoturn())('the connection test’s minted password against a real coturn (use-auth-secret)', () => {
  it('opens a relay, where the same address without it is refused', async () => {
    const server = await startTurnServer({ sharedSecret: SECRET })
    stopAfterEach(server)
    const address: IceServer = { url: `turn:127.0.0.1:${server.port}?transport=udp`, username: '', credential: '' }
    const realNow = { now: () => new Date() }
    const asRtc = (servers: IceServer[]) => servers.map(({ url, username, credential }) => ({ urls: url, username, credential }))
    expect(await relayCandidates(asRtc(connectionTestServers({ iceServers: [address], turnSecret: SECRET }, realNow)))).not.toEqual([])
    expect(await relayCandidates(asRtc(connectionTestServers({ iceServers: [address], turnSecret: 'not-the-secret' }, realNow)))).toEqual(
      []
    )
  })
})
