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
    await open.core.handlers.updateSettings({ iceServers: [{ url: 'turn:turn.example.com:3478', username: 'ana', credential: 's3cret' }] })
    const room = await open.core.handlers.openCallRoom({ interviewId: id, renew: false })
    const again = await open.restart()
    expect(await again.core.handlers.openCallRoom({ interviewId: id, renew: false })).toEqual(room)
    const host = await SignalClient.open(room.signalUrl)
    host.send({ type: 'join', room: room.room, token: room.hostToken, role: 'host', name: 'Sam' })
    // The guest gets Settings' STUN/TURN servers from the room, as it has no settings of its own.
    expect(await host.next('joined')).toMatchObject({ room: room.room, iceServers: [{ urls: 'turn:turn.example.com:3478', username: 'ana', credential: 's3cret' }] })
  })

  it('lives until half a day after the scheduled call, and is made anew once it has under half an hour left', async () => {
    const open = await openCore('2026-11-02T09:00:00.000Z')
    const id = await anInterview(open)
    await open.core.handlers.scheduleInterview({ id, startsAt: '2026-11-05T15:00:00.000Z', timeZone: 'Europe/Berlin', durationMinutes: 30, note: '' })
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

  it('listens on the local network when asked, naming the LAN address in links; switching back stops that server at once', async () => {
    const dataDir = await tempDir()
    const { createCore } = await import('../../../src/main/core')
    const core = await createCore({ dataDir, mode: 'browser', version: 'test', lanAddresses: () => ['127.0.0.1'] })
    try {
      const item = await anInvitation(core)
      const id = (await core.handlers.acceptInvitation({ id: item.invitation.id, message: '', terms: null })).invitation.interviewId!
      await core.handlers.updateSettings({ signaling: { mode: 'embedded', listen: 'lan', port: 0, remoteUrl: '', adminSecret: '' } })
      const room = await core.handlers.openCallRoom({ interviewId: id, renew: false })
      expect(room.localOnly).toBe(false)
      const info = await core.handlers.getSignalingInfo()
      expect(info).toMatchObject({ running: true, lanAddresses: ['127.0.0.1'] })
      await core.handlers.updateSettings({ signaling: { mode: 'embedded', listen: 'loopback', port: 0, remoteUrl: '', adminSecret: '' } })
      await expect.poll(async () => (await core.handlers.getSignalingInfo()).running).toBe(false)
      await expect(fetch(`${new URL(room.inviteUrl).origin}/`)).rejects.toThrow()
    } finally {
      await core.close()
    }
  })

  it('on a server of yours: made over POST /rooms with its admin secret; a wrong secret or address is explained and stores nothing', async () => {
    const server = await startServer({ adminSecret: SECRET })
    const open = await openCore()
    const id = await anInterview(open)
    await open.core.handlers.updateSettings({ signaling: { mode: 'remote', listen: 'loopback', port: 0, remoteUrl: `${server.url}/`, adminSecret: SECRET } })
    const room = await open.core.handlers.openCallRoom({ interviewId: id, renew: false })
    expect(room).toMatchObject({ server: 'remote', localOnly: false, signalUrl: server.signalUrl })
    expect(room.inviteUrl.startsWith(`${server.url}/join/`)).toBe(true)
    expect(server.stats().rooms).toBe(1)
    expect(await open.core.handlers.openCallRoom({ interviewId: id, renew: false })).toEqual(room)

    await open.core.handlers.updateSettings({ signaling: { mode: 'remote', listen: 'loopback', port: 0, remoteUrl: server.url, adminSecret: 'not-the-secret-at-all' } })
    const refused = await dispatch(open.core.handlers, 'openCallRoom', { interviewId: id, renew: true })
    expect(refused).toEqual({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: `The signaling server at ${server.url} refused to make a room: check its admin secret in Settings → Call rooms.` }
    })
    expect(server.stats().rooms).toBe(1)
    expect(await open.core.handlers.openCallRoom({ interviewId: id, renew: false })).toEqual(room)

    await open.core.handlers.updateSettings({ signaling: { mode: 'remote', listen: 'loopback', port: 0, remoteUrl: 'http://127.0.0.1:1', adminSecret: SECRET } })
    const unreachable = await dispatch(open.core.handlers, 'openCallRoom', { interviewId: id, renew: true })
    expect(unreachable.ok).toBe(false)
    expect(!unreachable.ok && unreachable.error.message).toMatch(/^Could not reach the signaling server at http:\/\/127\.0\.0\.1:1 \(.+\)\. Check its address in Settings → Call rooms\.$/)
  })

  it('settings for a server of yours need an http(s) address and a secret of 16 characters', async () => {
    const open = await openCore()
    const result = await dispatch(open.core.handlers, 'updateSettings', { signaling: { mode: 'remote', listen: 'loopback', port: 0, remoteUrl: 'ftp://x', adminSecret: 'short' } })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.message).toContain('signaling.remoteUrl')
    expect(!result.ok && result.error.message).toContain('signaling.adminSecret')
    expect((await open.core.handlers.getSettings()).signaling.mode).toBe('embedded')
  })
})

describe('calls on record', () => {
  const measurements = { averageRttMs: 42, worstRttMs: 90, averageLossPercent: 0.4, worstLossPercent: 2, averageJitterMs: 4, mos: 4.3, samples: 12, reconnects: 1 }

  it('keep what was measured and the rating; a recorded call answers the no-show question', async () => {
    const open = await openCore('2026-11-02T09:00:00.000Z')
    const id = await anInterview(open)
    await open.core.handlers.scheduleInterview({ id, startsAt: '2026-11-02T10:00:00.000Z', timeZone: 'Europe/Berlin', durationMinutes: 30, note: '' })
    open.clock.set('2026-11-02T10:20:00.000Z')
    expect((await open.core.handlers.listShowUpQuestions()).map((q) => q.interview.id)).toEqual([id])

    const call = await open.core.handlers.recordCall({ interviewId: id, startedAt: '2026-11-02T10:01:00.000Z', endedAt: '2026-11-02T10:19:30.000Z', measurements })
    expect(call).toMatchObject({ interviewId: id, durationSeconds: 1110, rating: null, issues: [], measurements })
    expect(await open.core.handlers.listShowUpQuestions()).toEqual([])

    const rated = await open.core.handlers.rateCall({ id: call.id, rating: 3, issues: ['echo', 'frozen_video'] })
    expect(rated).toMatchObject({ rating: 3, issues: ['echo', 'frozen_video'], ratedAt: '2026-11-02T10:20:00.000Z' })
    expect(await rows(open)({ interviewId: id })).toEqual([rated])
  })

  it('refuse a rating off the scale, unknown issues, a call ending before it starts, with nothing changed', async () => {
    const open = await openCore()
    const id = await anInterview(open)
    const call = await open.core.handlers.recordCall({ interviewId: id, startedAt: '2026-11-02T09:00:00.000Z', endedAt: '2026-11-02T09:10:00.000Z', measurements })
    const offScale = await dispatch(open.core.handlers, 'rateCall', { id: call.id, rating: 6, issues: [] })
    expect(offScale).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'Invalid input for rateCall: rating: Rate with 1 to 5 stars' } })
    expect((await dispatch(open.core.handlers, 'rateCall', { id: call.id, rating: 2, issues: ['loud'] })).ok).toBe(false)
    expect((await dispatch(open.core.handlers, 'rateCall', { id: call.id, rating: 2, issues: ['echo', 'echo'] })).ok).toBe(false)
    const backwards = await dispatch(open.core.handlers, 'recordCall', { interviewId: id, startedAt: '2026-11-02T09:10:00.000Z', endedAt: '2026-11-02T09:00:00.000Z', measurements })
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
    for (const path of ['/join/assets/notes.txt', '/join/index.html', '/join/assets/..%2Findex.html', '/join/..%2F..%2Fetc%2Fpasswd', '/join/not-a-room']) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404)
    }
    expect((await fetch(room.inviteUrl.split('#')[0]!, { method: 'POST' })).status).toBe(405)
  })
})
