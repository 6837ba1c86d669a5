import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/rpc'
import { GUEST_PAGE_CSP } from '../../../src/main/services/signaling/server'
import { parseInviteUrl } from '../../../src/shared/signaling'
import { anInvitation, useCore, type OpenCore } from '../../support/core'
import { useTempDirs } from '../../support/temp-dir'
import { SignalClient, useSignaling } from '../signaling/support'

const openCore = useCore()
const tempDir = useTempDirs()
const startServer = useSignaling()
const SECRET = 'a-long-admin-secret-for-the-tests-0123456789'

async function anInterview(open: OpenCore): Promise<string> {
  const item = await anInvitation(open.core)
  const accepted = await open.core.handlers.acceptInvitation({ id: item.invitation.id, message: '', terms: null })
  return accepted.invitation.interviewId!
}

const rows = (open: OpenCore) => open.core.handlers.listCalls

describe('an interview’s call room', () => {
  it('is made on the app’s own server at first use, on 127.0.0.1, and the same room comes back while it lives', async () => {
    const open = await openCore()
    const id = await anInterview(open)
    expect(await open.core.handlers.getSignalingInfo()).toMatchObject({ mode: 'embedded', running: false, baseUrl: null })

    const room = await open.core.handlers.openCallRoom({ interviewId: id, renew: false })
    expect(room.inviteUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/join\/[\w-]{22}#[\w-]{43}$/)
    expect(room).toMatchObject({ interviewId: id, server: 'embedded', localOnly: true })
    expect(await open.core.handlers.getSignalingInfo()).toMatchObject({ running: true, baseUrl: new URL(room.inviteUrl).origin })
    // A day to live with no call scheduled.
    expect(Date.parse(room.expiresAt) - open.clock.now().getTime()).toBe(24 * 3600_000)

    expect(await open.core.handlers.openCallRoom({ interviewId: id, renew: false })).toEqual(room)
    const renewed = await open.core.handlers.openCallRoom({ interviewId: id, renew: true })
    expect(renewed.room).not.toBe(room.room)
    expect(renewed.inviteUrl).not.toBe(room.inviteUrl)

    // Both parties can join it.
    const link = parseInviteUrl(renewed.inviteUrl)!
    const host = await SignalClient.open(renewed.signalUrl)
    host.send({ type: 'join', room: renewed.room, token: renewed.hostToken, role: 'host', name: 'Sam' })
    expect(await host.next('joined')).toMatchObject({ role: 'host', peer: null })
    const guest = await SignalClient.open(link.signalUrl)
    guest.send({ type: 'join', room: link.room, token: link.token, role: 'guest', name: 'Maya' })
    expect(await host.next('peer-joined')).toMatchObject({ peer: { name: 'Maya' } })
  })

  it('keeps its invite link across a restart: the app’s server comes back on the same port and takes the room back', async () => {
    const open = await openCore()
    const id = await anInterview(open)
    await open.core.handlers.updateSettings({
      iceServers: [
        { url: 'stun:stun.example.com:3478', username: '', credential: '' },
        { url: 'turn:turn.example.com:3478', username: '', credential: '' }
      ],
      turnSecret: 'the-coturn-static-auth-secret'
    })
    const room = await open.core.handlers.openCallRoom({ interviewId: id, renew: false })
    const again = await open.restart()
    expect(await again.core.handlers.openCallRoom({ interviewId: id, renew: false })).toEqual(room)
    const host = await SignalClient.open(room.signalUrl)
    host.send({ type: 'join', room: room.room, token: room.hostToken, role: 'host', name: 'Sam' })
    // Settings' STUN server, and the TURN server with a password minted for this room, still after the restart.
    const expiry = Math.floor(Date.parse(room.expiresAt) / 1000)
    expect(await host.next('joined')).toMatchObject({
      room: room.room,
      iceServers: [
        { urls: ['stun:stun.example.com:3478'] },
        {
          urls: ['turn:turn.example.com:3478'],
          username: `${expiry}:${room.room}.host`,
          credential: expect.stringMatching(/^[A-Za-z0-9+/]{27}=$/)
        }
      ]
    })
  })

  it('never hands a guest the TURN user name and password from Settings: with no shared secret the guest gets STUN only', async () => {
    const open = await openCore()
    const id = await anInterview(open)
    const account = { url: 'turn:turn.example.com:3478', username: 'ana', credential: 'her-long-term-password' }
    await open.core.handlers.updateSettings({ iceServers: [{ url: 'stun:stun.example.com:3478', username: '', credential: '' }, account] })
    const room = await open.core.handlers.openCallRoom({ interviewId: id, renew: false })
    const invite = parseInviteUrl(room.inviteUrl)!
    const guest = await SignalClient.open(invite.signalUrl)
    guest.send({ type: 'join', room: invite.room, token: invite.token, role: 'guest', name: 'Maya' })
    const joined = await guest.next('joined')
    expect(joined.iceServers).toEqual([{ urls: ['stun:stun.example.com:3478'] }])
    expect(JSON.stringify(joined)).not.toContain('her-long-term-password')

    // With the shared secret too, the account still stays home; only TURN addresses without a user name get minted passwords.
    await open.core.handlers.updateSettings({ turnSecret: 'the-coturn-static-auth-secret' })
    const renewed = await open.core.handlers.openCallRoom({ interviewId: id, renew: true })
    const second = parseInviteUrl(renewed.inviteUrl)!
    const again = await SignalClient.open(second.signalUrl)
    again.send({ type: 'join', room: second.room, token: second.token, role: 'guest', name: 'Maya' })
    const rejoined = await again.next('joined')
    expect(rejoined.iceServers).toEqual([{ urls: ['stun:stun.example.com:3478'] }])
    expect(JSON.stringify(rejoined)).not.toContain('her-long-term-password')
  })

  it('lives until half a day after the scheduled call, and is made anew once it has under half an hour left', async () => {
    const open = await openCore('2026-11-02T09:00:00.000Z')
    const id = await anInterview(open)
    await open.core.handlers.scheduleInterview({
      id,
      startsAt: '2026-11-05T15:00:00.000Z',
      timeZone: 'Europe/Berlin',
      durationMinutes: 30,
      note: ''
    })
    const room = await open.core.handlers.openCallRoom({ interviewId: id, renew: false })
    expect(room.expiresAt).toBe('2026-11-06T03:30:00.000Z')
    open.clock.set('2026-11-06T03:10:00.000Z')
    const later = await open.core.handlers.openCallRoom({ interviewId: id, renew: false })
    expect(later.room).not.toBe(room.room)
  })

  it('refuses an unknown interview or bad input plainly, and stores nothing', async () => {
    const open = await openCore()
    const missing = await dispatch(open.core.handlers, 'openCallRoom', { interviewId: '6f1c1a52-58a4-4c3e-9d43-2b7a1d3e9f10' })
    expect(missing).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'That interview no longer exists' } })
    const bad = await dispatch(open.core.handlers, 'openCallRoom', { interviewId: 'x', extra: 1 })
    expect(bad.ok).toBe(false)
    expect(await open.core.handlers.getSignalingInfo()).toMatchObject({ running: false })
  })

  it('reads a stored choice of “My local network”, which is gone, as this computer only, and says so until Settings are saved', async () => {
    const dataDir = await tempDir()
    const { createCore } = await import('../../../src/main/core')
    const { openDatabase } = await import('../../../src/main/services/database')
    const first = await createCore({ dataDir, mode: 'browser', version: 'test' })
    await first.handlers.updateSettings({ userName: 'Sam', signaling: { mode: 'embedded', port: 0, remoteUrl: '', adminSecret: '' } })
    await first.close()
    // As versions that offered the local network stored it.
    const db = await openDatabase(join(dataDir, 'greenroom.db'))
    await db.run(
      `UPDATE settings SET value = '{"mode":"embedded","listen":"lan","port":0,"remoteUrl":"","adminSecret":""}' WHERE key = 'signaling'`
    )
    await db.close()

    const core = await createCore({ dataDir, mode: 'browser', version: 'test' })
    try {
      expect((await core.handlers.getSettings()).signaling).toEqual({ mode: 'embedded', port: 0, remoteUrl: '', adminSecret: '' })
      expect(await core.handlers.getSignalingInfo()).toMatchObject({ mode: 'embedded', retiredLocalNetwork: true })
      const item = await anInvitation(core)
      const id = (await core.handlers.acceptInvitation({ id: item.invitation.id, message: '', terms: null })).invitation.interviewId!
      const room = await core.handlers.openCallRoom({ interviewId: id, renew: false })
      expect(room.inviteUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/join\//)
      expect(room.localOnly).toBe(true)
      await core.handlers.updateSettings({ signaling: (await core.handlers.getSettings()).signaling })
      expect(await core.handlers.getSignalingInfo()).toMatchObject({ retiredLocalNetwork: false })
    } finally {
      await core.close()
    }
  })

  it('on a server of yours: the guest gets the relay that server mints, never the TURN account in Settings', async () => {
    const server = await startServer({
      adminSecret: SECRET,
      ice: {
        stunUrls: ['stun:turn.example.net:3478'],
        turn: { secret: 'the-servers-turn-secret', urls: ['turns:turn.example.net:5349?transport=tcp'] }
      }
    })
    const open = await openCore()
    const id = await anInterview(open)
    await open.core.handlers.updateSettings({
      iceServers: [
        { url: 'stun:stun.example.com', username: '', credential: '' },
        { url: 'turn:turn.example.com', username: 'ana', credential: 'her-long-term-password' }
      ],
      turnSecret: 'not-for-a-server-of-yours',
      signaling: { mode: 'remote', port: 0, remoteUrl: server.url, adminSecret: SECRET }
    })
    const room = await open.core.handlers.openCallRoom({ interviewId: id, renew: false })
    const invite = parseInviteUrl(room.inviteUrl)!
    const guest = await SignalClient.open(invite.signalUrl)
    guest.send({ type: 'join', room: invite.room, token: invite.token, role: 'guest', name: 'Maya' })
    const joined = await guest.next('joined')
    expect(joined.iceServers).toEqual([
      { urls: 'stun:stun.example.com' },
      { urls: ['stun:turn.example.net:3478'] },
      {
        urls: ['turns:turn.example.net:5349?transport=tcp'],
        username: `${Math.floor(Date.parse(room.expiresAt) / 1000)}:${room.room}.guest`,
        credential: expect.any(String)
      }
    ])
    expect(JSON.stringify(joined)).not.toMatch(/her-long-term-password|not-for-a-server-of-yours|"ana"/)
  })

  it('on a server of yours: made over POST /rooms with its admin secret; a wrong secret or address is explained and stores nothing', async () => {
    const server = await startServer({ adminSecret: SECRET })
    const open = await openCore()
    const id = await anInterview(open)
    await open.core.handlers.updateSettings({ signaling: { mode: 'remote', port: 0, remoteUrl: `${server.url}/`, adminSecret: SECRET } })
    const room = await open.core.handlers.openCallRoom({ interviewId: id, renew: false })
    expect(room).toMatchObject({ server: 'remote', localOnly: false, signalUrl: server.signalUrl })
    expect(room.inviteUrl.startsWith(`${server.url}/join/`)).toBe(true)
    expect(server.stats().rooms).toBe(1)
    expect(await open.core.handlers.openCallRoom({ interviewId: id, renew: false })).toEqual(room)

    await open.core.handlers.updateSettings({
      signaling: { mode: 'remote', port: 0, remoteUrl: server.url, adminSecret: 'not-the-secret-at-all' }
    })
    const refused = await dispatch(open.core.handlers, 'openCallRoom', { interviewId: id, renew: true })
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'UNAUTHORIZED',
        message: `The signaling server at ${server.url} refused to make a room: check its admin secret in Settings → Call rooms.`
      }
    })
    expect(server.stats().rooms).toBe(1)
    expect(await open.core.handlers.openCallRoom({ interviewId: id, renew: false })).toEqual(room)

    await open.core.handlers.updateSettings({
      signaling: { mode: 'remote', port: 0, remoteUrl: 'http://127.0.0.1:1', adminSecret: SECRET }
    })
    const unreachable = await dispatch(open.core.handlers, 'openCallRoom', { interviewId: id, renew: true })
    expect(unreachable.ok).toBe(false)
    expect(!unreachable.ok && unreachable.error.message).toMatch(
      /^Could not reach the signaling server at http:\/\/127\.0\.0\.1:1 \(.+\)\. Check its address in Settings → Call rooms\.$/
    )
  })

  it('settings for a server of yours need an http(s) address and a secret of 16 characters', async () => {
    const open = await openCore()
    const result = await dispatch(open.core.handlers, 'updateSettings', {
      signaling: { mode: 'remote', port: 0, remoteUrl: 'ftp://x', adminSecret: 'short' }
    })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.message).toContain('signaling.remoteUrl')
    expect(!result.ok && result.error.message).toContain('signaling.adminSecret')
    expect((await open.core.handlers.getSettings()).signaling.mode).toBe('embedded')
  })
})

describe('calls on record', () => {
  const measurements = {
    averageRttMs: 42,
    worstRttMs: 90,
    averageLossPercent: 0.4,
    worstLossPercent: 2,
    averageJitterMs: 4,
    mos: 4.3,
    samples: 12,
    reconnects: 1
  }

  it('keep what was measured and the rating; a recorded call answers the no-show question', async () => {
    const open = await openCore('2026-11-02T09:00:00.000Z')
    const id = await anInterview(open)
    await open.core.handlers.scheduleInterview({
      id,
      startsAt: '2026-11-02T10:00:00.000Z',
      timeZone: 'Europe/Berlin',
      durationMinutes: 30,
      note: ''
    })
    open.clock.set('2026-11-02T10:20:00.000Z')
    expect((await open.core.handlers.listShowUpQuestions()).map((q) => q.interview.id)).toEqual([id])

    const call = await open.core.handlers.recordCall({
      interviewId: id,
      startedAt: '2026-11-02T10:01:00.000Z',
      endedAt: '2026-11-02T10:19:30.000Z',
      measurements
    })
    expect(call).toMatchObject({ interviewId: id, durationSeconds: 1110, rating: null, issues: [], measurements })
    expect(await open.core.handlers.listShowUpQuestions()).toEqual([])

    const rated = await open.core.handlers.rateCall({ id: call.id, rating: 3, issues: ['echo', 'frozen_video'] })
    expect(rated).toMatchObject({ rating: 3, issues: ['echo', 'frozen_video'], ratedAt: '2026-11-02T10:20:00.000Z' })
    expect(await rows(open)({ interviewId: id })).toEqual([rated])
  })

  it('refuse a rating off the scale, unknown issues, a call ending before it starts, with nothing changed', async () => {
    const open = await openCore()
    const id = await anInterview(open)
    const call = await open.core.handlers.recordCall({
      interviewId: id,
      startedAt: '2026-11-02T09:00:00.000Z',
      endedAt: '2026-11-02T09:10:00.000Z',
      measurements
    })
    const offScale = await dispatch(open.core.handlers, 'rateCall', { id: call.id, rating: 6, issues: [] })
    expect(offScale).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Invalid input for rateCall: rating: Rate with 1 to 5 stars' }
    })
    expect((await dispatch(open.core.handlers, 'rateCall', { id: call.id, rating: 2, issues: ['loud'] })).ok).toBe(false)
    expect((await dispatch(open.core.handlers, 'rateCall', { id: call.id, rating: 2, issues: ['echo', 'echo'] })).ok).toBe(false)
    const backwards = await dispatch(open.core.handlers, 'recordCall', {
      interviewId: id,
      startedAt: '2026-11-02T09:10:00.000Z',
      endedAt: '2026-11-02T09:00:00.000Z',
      measurements
    })
    expect(!backwards.ok && backwards.error.message).toContain('A call ends after it starts')
    expect(await rows(open)({ interviewId: id })).toEqual([call])
  })
})

describe('the guest page on the signaling server', () => {
  it('is served at /join/<room> with its own strict policy, its assets beside it, and nothing else of the folder', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'assets'))
    await writeFile(join(dir, 'guest.html'), '<!doctype html><title>Greenroom call</title>')
    await writeFile(join(dir, 'index.html'), 'the app itself')
    await writeFile(join(dir, 'assets', 'guest-abc.js'), 'console.log(1)')
    await writeFile(join(dir, 'assets', 'notes.txt'), 'private')
    const server = await startServer({ guestPageDir: dir })
    const room = server.createRoom()
    const page = await fetch(room.inviteUrl)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Greenroom call')
    expect(page.headers.get('content-security-policy')).toBe(GUEST_PAGE_CSP)
    expect(GUEST_PAGE_CSP).toContain("connect-src 'self'")
    expect(GUEST_PAGE_CSP).toContain("script-src 'self'")
    expect(page.headers.get('referrer-policy')).toBe('no-referrer')
    const script = await fetch(`${server.url}/join/assets/guest-abc.js`)
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    for (const path of [
      '/join/assets/notes.txt',
      '/join/index.html',
      '/join/assets/..%2Findex.html',
      '/join/..%2F..%2Fetc%2Fpasswd',
      '/join/not-a-room'
    ]) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404)
    }
    expect((await fetch(room.inviteUrl.split('#')[0]!, { method: 'POST' })).status).toBe(405)
  })
})

describe('ringing the host with a server of yours (remote mode)', () => {
  /** A standalone server, an interview and its room on it, and the guest's end of the invite link. */
  async function aRemoteRoom() {
    const server = await startServer({ adminSecret: SECRET })
    const open = await openCore()
    const id = await anInterview(open)
    await open.core.handlers.updateSettings({
      userName: 'Sam Rivera',
      signaling: { mode: 'remote', port: 0, remoteUrl: server.url, adminSecret: SECRET }
    })
    const room = await open.core.handlers.openCallRoom({ interviewId: id, renew: false })
    return { server, open, id, room, invite: parseInviteUrl(room.inviteUrl)! }
  }
  async function guestJoins(invite: NonNullable<ReturnType<typeof parseInviteUrl>>): Promise<SignalClient> {
    const guest = await SignalClient.open(invite.signalUrl)
    guest.send({ type: 'join', room: invite.room, token: invite.token, role: 'guest', name: 'Maya Chen' })
    await guest.next('joined')
    return guest
  }

  it('watches the room while the call page is closed: the guest is told, the app rings, and the call page still joins as host', async () => {
    const { server, open, id, room, invite } = await aRemoteRoom()
    const heard: unknown[] = []
    open.core.events.subscribe((message) => {
      if (message.event === 'callWaiting') heard.push(message.payload)
    })
    // The app's watcher is the server's one connection.
    await expect.poll(() => server.stats().connections).toBe(1)

    const guest = await guestJoins(invite)
    expect(await guest.next('host-told')).toEqual({ type: 'host-told', name: 'Sam Rivera' })
    const waiting = [{ interviewId: id, guestName: 'Maya Chen', interviewTitle: expect.any(String) }]
    await expect.poll(() => open.core.handlers.listWaitingGuests()).toEqual(waiting)
    expect(heard).toEqual([{ waiting }])

    // The call page joins with the same host token while the app watches: it is rung there, and the app's ring stops.
    const host = await SignalClient.open(room.signalUrl)
    host.send({ type: 'join', room: room.room, token: room.hostToken, role: 'host', name: 'Sam Rivera' })
    expect(await host.next('joined')).toMatchObject({ peer: { role: 'guest', name: 'Maya Chen' } })
    expect(await host.next('ring')).toMatchObject({ from: { name: 'Maya Chen' } })
    await expect.poll(() => open.core.handlers.listWaitingGuests()).toEqual([])
  })

  it('declines through the watcher: the guest hears it; nobody waiting is a clear error', async () => {
    const { open, id, invite } = await aRemoteRoom()
    const guest = await guestJoins(invite)
    await guest.next('host-told')
    await expect.poll(async () => (await open.core.handlers.listWaitingGuests()).length).toBe(1)

    await open.core.handlers.declineWaitingGuest({ interviewId: id })
    expect(await guest.next('decline')).toEqual({ type: 'decline' })
    await expect.poll(() => open.core.handlers.listWaitingGuests()).toEqual([])
    expect(await dispatch(open.core.handlers, 'declineWaitingGuest', { interviewId: id })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Nobody is waiting in that call any more' }
    })

    // Ringing again rings the app again.
    guest.send({ type: 'ring' })
    await guest.next('host-told')
    await expect.poll(async () => (await open.core.handlers.listWaitingGuests()).length).toBe(1)
  })

  it('watches the live rooms again after a restart, and stops when Settings leave the server or a new link replaces the room', async () => {
    const { server, open, id, invite } = await aRemoteRoom()
    const guest = await guestJoins(invite)
    await guest.next('host-told')

    // The app restarts while the guest waits: its watcher comes back and rings at once.
    const again = await open.restart()
    expect(await guest.next('host-told')).toEqual({ type: 'host-told', name: 'Sam Rivera' })
    await expect.poll(async () => (await again.core.handlers.listWaitingGuests()).length).toBe(1)

    // A new link: the old room is retired (its guest let go) and the new one is watched instead.
    const renewed = await again.core.handlers.openCallRoom({ interviewId: id, renew: true })
    expect(await guest.next('error')).toMatchObject({ code: 'ROOM_REPLACED' })
    await expect.poll(() => again.core.handlers.listWaitingGuests()).toEqual([])
    const newGuest = await guestJoins(parseInviteUrl(renewed.inviteUrl)!)
    expect(await newGuest.next('host-told')).toEqual({ type: 'host-told', name: 'Sam Rivera' })
    await expect.poll(async () => (await again.core.handlers.listWaitingGuests()).length).toBe(1)

    // Back to the app's own server: the watcher closes, nobody waits any more, and the guest is not told again.
    await again.core.handlers.updateSettings({ signaling: { mode: 'embedded', port: 0, remoteUrl: '', adminSecret: '' } })
    await expect.poll(() => server.stats().connections).toBe(1)
    await expect.poll(() => again.core.handlers.listWaitingGuests()).toEqual([])
    newGuest.send({ type: 'ring' })
    expect(await newGuest.next('error')).toMatchObject({ code: 'NOT_ALLOWED', message: 'The host is not here yet' })
  })
})
