import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/rpc'
import { startSignalingServer } from '../../../src/main/services/signaling/server'
import { parseInviteUrl, replacedRoomMessage, retireRoomPath, SIGNAL_CLOSE_CODES, type CreatedRoom } from '../../../src/shared/signaling'
import type { CallRoom } from '../../../src/shared/call'
import { anInvitation, useCore, type OpenCore } from '../../support/core'
import { databaseFingerprint } from '../../support/db-dump'
import { SignalClient, useSignaling } from '../signaling/support'

const MAX_ROOMS = 5
// The app's own server, holding few rooms so that running out of them is quick to reach.
const openCore = useCore({ startSignalingServer: (options) => startSignalingServer({ ...options, limits: { maxRooms: MAX_ROOMS } }) })
const startServer = useSignaling()
const SECRET = 'a-long-admin-secret-for-the-tests-0123456789'

async function anInterview(open: OpenCore): Promise<string> {
  const item = await anInvitation(open.core)
  return (await open.core.handlers.acceptInvitation({ id: item.invitation.id, message: '', terms: null })).invitation.interviewId!
}

/** The guest opens an old invite link: what the server says, and how it closes. */
async function guestJoins(room: Pick<CallRoom, 'inviteUrl'>) {
  const link = parseInviteUrl(room.inviteUrl)!
  const guest = await SignalClient.open(link.signalUrl)
  guest.send({ type: 'join', room: link.room, token: link.token, role: 'guest', name: 'Maya' })
  const reply = await guest.receive()
  return { reply, closed: reply.type === 'error' && reply.fatal ? (await guest.closed).code : null }
}

describe('renewing an interview’s invite link', () => {
  it('retires the old room at once on the app’s own server: its link says it was replaced, and naming the host', async () => {
    const open = await openCore()
    await open.core.handlers.updateSettings({ userName: 'Ana Lima' })
    const id = await anInterview(open)
    const first = await open.core.handlers.openCallRoom({ interviewId: id, renew: false })
    const host = await SignalClient.open(first.signalUrl)
    host.send({ type: 'join', room: first.room, token: first.hostToken, role: 'host', name: 'Ana' })
    await host.next('joined')

    const renewed = await open.core.handlers.openCallRoom({ interviewId: id, renew: true })
    // Whoever sat in the old room hears why it closed.
    expect(await host.next('error')).toMatchObject({ code: 'ROOM_REPLACED', fatal: true })
    expect((await host.closed).code).toBe(SIGNAL_CLOSE_CODES.ROOM_REPLACED)

    const old = await guestJoins(first)
    expect(old.reply).toEqual({
      type: 'error',
      code: 'ROOM_REPLACED',
      refused: 'join',
      fatal: true,
      message: 'This invitation was replaced by a newer link. Ask Ana Lima for the new one.'
    })
    expect(old.closed).toBe(SIGNAL_CLOSE_CODES.ROOM_REPLACED)
    expect((await guestJoins(renewed)).reply).toMatchObject({ type: 'joined', role: 'guest' })
  })

  it('keeps saying so after a restart of the app, while the old room would have lived', async () => {
    const open = await openCore()
    await open.core.handlers.updateSettings({ userName: 'Ana Lima' })
    const id = await anInterview(open)
    const first = await open.core.handlers.openCallRoom({ interviewId: id, renew: false })
    const renewed = await open.core.handlers.openCallRoom({ interviewId: id, renew: true })
    const again = await open.restart()
    // The app's server comes back on the same port with the new room, and the old one retired.
    expect(await again.core.handlers.openCallRoom({ interviewId: id, renew: false })).toEqual(renewed)
    expect((await guestJoins(first)).reply).toMatchObject({ code: 'ROOM_REPLACED', message: replacedRoomMessage('Ana Lima') })
    expect((await guestJoins(renewed)).reply).toMatchObject({ type: 'joined' })
  })

  it('never runs the server out of rooms: after many renewals every interview still gets one', async () => {
    const open = await openCore()
    const id = await anInterview(open)
    for (let i = 0; i < MAX_ROOMS * 3; i++) await open.core.handlers.openCallRoom({ interviewId: id, renew: true })
    const others = [await anInterview(open), await anInterview(open), await anInterview(open)]
    for (const other of others)
      expect((await dispatch(open.core.handlers, 'openCallRoom', { interviewId: other }, () => undefined)).ok).toBe(true)
  })

  it('on a server of yours: retires the old room with an authenticated request, and its link says it was replaced', async () => {
    const server = await startServer({ adminSecret: SECRET })
    const open = await openCore()
    const id = await anInterview(open)
    await open.core.handlers.updateSettings({
      userName: 'Ana Lima',
      signaling: { mode: 'remote', port: 0, remoteUrl: server.url, adminSecret: SECRET }
    })
    const first = await open.core.handlers.openCallRoom({ interviewId: id, renew: false })
    const renewed = await open.core.handlers.openCallRoom({ interviewId: id, renew: true })
    expect(server.stats().rooms).toBe(1)
    expect((await guestJoins(first)).reply).toMatchObject({ code: 'ROOM_REPLACED', message: replacedRoomMessage('Ana Lima') })
    expect((await guestJoins(renewed)).reply).toMatchObject({ type: 'joined' })
  })

  it('refuses to retire a room without the admin secret', async () => {
    const server = await startServer({ adminSecret: SECRET })
    const made = (await (
      await fetch(`${server.url}/rooms`, { method: 'POST', headers: { Authorization: `Bearer ${SECRET}` } })
    ).json()) as CreatedRoom
    const anonymous = await fetch(`${server.url}${retireRoomPath(made.room)}`, { method: 'POST' })
    expect(anonymous.status).toBe(401)
    const wrong = await fetch(`${server.url}${retireRoomPath(made.room)}`, {
      method: 'POST',
      headers: { Authorization: 'Bearer not-the-secret-at-all-0000' }
    })
    expect(wrong.status).toBe(401)
    expect((await guestJoins(made)).reply).toMatchObject({ type: 'joined' })
    const unknown = await fetch(`${server.url}${retireRoomPath('a'.repeat(22))}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${SECRET}` }
    })
    expect(unknown.status).toBe(404)
  })

  it('keeps the old link and stores nothing new when the server of yours cannot retire it', async () => {
    const server = await startServer({ adminSecret: SECRET })
    const real = globalThis.fetch
    let refuseRetire = false
    const open = await useCoreWithFetch((url, init) =>
      refuseRetire && String(url).endsWith('/retire') ? Promise.resolve(new Response('busy', { status: 503 })) : real(url, init)
    )
    const id = await anInterview(open)
    await open.core.handlers.updateSettings({ signaling: { mode: 'remote', port: 0, remoteUrl: server.url, adminSecret: SECRET } })
    const first = await open.core.handlers.openCallRoom({ interviewId: id, renew: false })
    refuseRetire = true
    const before = await databaseFingerprint(open.core.databaseFile)
    const refused = await dispatch(open.core.handlers, 'openCallRoom', { interviewId: id, renew: true }, () => undefined)
    expect(refused).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(/could not switch off the old invite link \(HTTP 503\)\. The old link still works; try again\./)
      }
    })
    expect(await databaseFingerprint(open.core.databaseFile)).toBe(before)
    expect(await open.core.handlers.openCallRoom({ interviewId: id, renew: false })).toEqual(first)
  })
})

let fetchStandIn: typeof fetch = (...args) => globalThis.fetch(...args)
const openCoreFetching = useCore({ fetch: (url, init) => fetchStandIn(url, init) })
async function useCoreWithFetch(standIn: typeof fetch): Promise<OpenCore> {
  fetchStandIn = standIn
  return openCoreFetching()
}
