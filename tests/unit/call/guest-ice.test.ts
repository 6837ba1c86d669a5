import { describe, expect, it } from 'vitest'
import { guestRelayNote, hostIceServers, ownServerIce, stunOnly } from '../../../src/shared/guest-ice'
import { DEFAULT_SIGNALING_SETTINGS } from '../../../src/shared/settings'

const stun = { url: 'stun:stun.example.com:3478', username: '', credential: '' }
const account = { url: 'turn:turn.example.com:3478', username: 'ana', credential: 'her-long-term-password' }
const shared = { url: 'turns:turn.example.com:5349', username: '', credential: '' }
const embedded = DEFAULT_SIGNALING_SETTINGS
const remote = {
  ...DEFAULT_SIGNALING_SETTINGS,
  mode: 'remote' as const,
  remoteUrl: 'https://signal.example.com',
  adminSecret: 'x'.repeat(16)
}

describe('which STUN/TURN servers from Settings reach whom', () => {
  it('the host keeps its TURN account; a TURN address without a user name is only for minted passwords', () => {
    expect(hostIceServers([stun, account, shared])).toEqual([
      { urls: stun.url },
      { urls: account.url, username: 'ana', credential: 'her-long-term-password' }
    ])
  })

  it('the app’s own server mints for TURN addresses without a user name, only with a shared secret; a server of yours gets STUN only', () => {
    expect(ownServerIce({ iceServers: [stun, account, shared], turnSecret: 'the-secret' })).toEqual({
      stunUrls: [stun.url],
      turn: { secret: 'the-secret', urls: [shared.url] }
    })
    expect(ownServerIce({ iceServers: [stun, account, shared], turnSecret: '' }).turn).toBeNull()
    expect(ownServerIce({ iceServers: [stun, account], turnSecret: 'the-secret' }).turn).toBeNull()
    expect(stunOnly([stun, account, shared])).toEqual([{ urls: stun.url }])
  })

  it('Settings say why the guest gets STUN only, and say nothing when the guest has a relay or no TURN server exists', () => {
    expect(guestRelayNote({ iceServers: [stun, account], turnSecret: '', signaling: embedded })).toMatch(
      /^Your guest gets no relay server, only STUN: a TURN user name and password are yours alone and are never sent to a guest\. Add the TURN server’s shared secret/
    )
    expect(guestRelayNote({ iceServers: [account], turnSecret: 'the-secret', signaling: embedded })).toMatch(
      /Empty the user name and password of your TURN server/
    )
    expect(guestRelayNote({ iceServers: [stun, shared], turnSecret: 'the-secret', signaling: embedded })).toBeNull()
    expect(guestRelayNote({ iceServers: [stun], turnSecret: '', signaling: embedded })).toBeNull()
    expect(guestRelayNote({ iceServers: [account], turnSecret: '', signaling: remote })).toMatch(
      /the relay your call server was started with/
    )
  })
})
