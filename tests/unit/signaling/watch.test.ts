import { describe, expect, it } from 'vitest'
import { MAX_WATCHERS_PER_ROOM, type CreatedRoom } from '../../../src/shared/signaling'
import { SignalClient, useSignaling } from './support'

const startServer = useSignaling()

/** Watches a room as the host's app does with a standalone server: the host token, no seat. */
async function watch(server: { signalUrl: string }, room: CreatedRoom, name = 'Sam Rivera'): Promise<SignalClient> {
  const watcher = await SignalClient.open(server.signalUrl)
  watcher.send({ type: 'watch', room: room.room, token: room.hostToken, name })
  return watcher
}

/** A standalone server rings the host's app, which watches the room while its call page is closed. */
describe('watching a room from the host’s app', () => {
  it('hears a guest waiting, and the guest hears the host was told; the wait ends when the guest leaves', async () => {
    const server = await startServer()
    const room = server.createRoom()
    const watcher = await watch(server, room)
    expect(await watcher.next('watching')).toMatchObject({ room: room.room, expiresAt: expect.any(String) })

    const { client: guest } = await SignalClient.join(server, room, 'guest', 'Maya Chen')
    expect(await guest.next('host-told')).toEqual({ type: 'host-told', name: 'Sam Rivera' })
    expect(await watcher.next('ring')).toEqual({ type: 'ring', from: { role: 'guest', name: 'Maya Chen' } })

    guest.close()
    await watcher.next('waiting-over')
  })

  it('is rung at once for a guest who was already waiting when it connected', async () => {
    const server = await startServer()
    const room = server.createRoom()
    const { client: guest } = await SignalClient.join(server, room, 'guest', 'Maya Chen')
    const watcher = await watch(server, room)
    await watcher.next('watching')
    expect(await watcher.next('ring')).toEqual({ type: 'ring', from: { role: 'guest', name: 'Maya Chen' } })
    expect(await guest.next('host-told')).toEqual({ type: 'host-told', name: 'Sam Rivera' })
  })

  it('declines for the host: the guest hears the reason, may ring again, and the watcher is rung again', async () => {
    const server = await startServer()
    const room = server.createRoom()
    const watcher = await watch(server, room)
    await watcher.next('watching')
    // Nobody waits yet: the decline is refused and the watcher stays.
    watcher.send({ type: 'decline' })
    expect(await watcher.next('error')).toMatchObject({ code: 'NOT_ALLOWED', message: 'Nobody is waiting', fatal: false })
    const { client: guest } = await SignalClient.join(server, room, 'guest', 'Maya Chen')
    await guest.next('host-told')
    await watcher.next('ring')

    watcher.send({ type: 'decline', reason: 'In another meeting' })
    expect(await guest.next('decline')).toEqual({ type: 'decline', reason: 'In another meeting' })
    await watcher.next('waiting-over')

    guest.send({ type: 'ring' })
    await guest.next('host-told')
    await watcher.next('ring')
  })

  it('leaves the host seat free: the call page joins and is rung, and the watcher hears the wait is over', async () => {
    const server = await startServer()
    const room = server.createRoom()
    const watcher = await watch(server, room)
    await watcher.next('watching')
    const { client: guest } = await SignalClient.join(server, room, 'guest', 'Maya Chen')
    await guest.next('host-told')
    await watcher.next('ring')

    const { client: host, joined } = await SignalClient.join(server, room, 'host', 'Sam Rivera')
    expect(joined.peer).toEqual({ role: 'guest', name: 'Maya Chen' })
    expect(await host.next('ring')).toEqual({ type: 'ring', from: { role: 'guest', name: 'Maya Chen' } })
    await watcher.next('waiting-over')
    host.send({ type: 'accept' })
    await guest.next('peer-joined')
    await guest.next('accept')
    // Answering the call is the call page's: the watcher may not.
    watcher.send({ type: 'accept' })
    expect(await watcher.next('error')).toMatchObject({ code: 'NOT_ALLOWED', refused: 'accept', fatal: false })
  })

  it('refuses a wrong token, a guest token and a malformed watch, and the room is untouched', async () => {
    const server = await startServer()
    const room = server.createRoom()
    const other = server.createRoom()

    const wrong = await watch(server, { ...room, hostToken: other.hostToken })
    expect(await wrong.next('error')).toMatchObject({ code: 'UNAUTHORIZED', refused: 'watch', fatal: true })
    expect((await wrong.closed).code).toBe(4401)
    const asGuest = await watch(server, { ...room, hostToken: room.guestToken })
    expect(await asGuest.next('error')).toMatchObject({ code: 'UNAUTHORIZED', fatal: true })

    const malformed = await SignalClient.open(server.signalUrl)
    malformed.send({ type: 'watch', room: room.room, token: room.hostToken })
    expect(await malformed.next('error')).toMatchObject({ code: 'MALFORMED', refused: 'watch', fatal: false })
    malformed.send({ type: 'ring' })
    expect(await malformed.next('error')).toMatchObject({ code: 'NOT_JOINED' })

    // Nobody watches: the guest still hears the host is not here.
    const { client: guest } = await SignalClient.join(server, room, 'guest', 'Maya Chen')
    guest.send({ type: 'ring' })
    expect(await guest.next('error')).toMatchObject({ code: 'NOT_ALLOWED', message: 'The host is not here yet' })
  })

  it('lets a few apps watch at once, no more, and none may join or watch twice on one connection', async () => {
    const server = await startServer()
    const room = server.createRoom()
    const watchers: SignalClient[] = []
    for (let i = 0; i < MAX_WATCHERS_PER_ROOM; i++) {
      const watcher = await watch(server, room)
      await watcher.next('watching')
      watchers.push(watcher)
    }
    const extra = await watch(server, room)
    expect(await extra.next('error')).toMatchObject({ code: 'ROOM_FULL', refused: 'watch', fatal: true })

    watchers[0]!.send({ type: 'watch', room: room.room, token: room.hostToken, name: 'Sam' })
    expect(await watchers[0]!.next('error')).toMatchObject({ code: 'ALREADY_JOINED', refused: 'watch' })
    watchers[0]!.send({ type: 'join', room: room.room, token: room.hostToken, role: 'host', name: 'Sam' })
    expect(await watchers[0]!.next('error')).toMatchObject({ code: 'ALREADY_JOINED', refused: 'join' })

    // One leaves; its place is free again.
    watchers[1]!.close()
    await watchers[1]!.closed
    await expect
      .poll(async () => {
        const again = await watch(server, room)
        return (await again.receive()).type
      })
      .toBe('watching')
  })

  it('is let go when the host replaces the room', async () => {
    const server = await startServer()
    const room = server.createRoom()
    const watcher = await watch(server, room)
    await watcher.next('watching')
    server.retireRoom(room.room, 'Sam Rivera')
    expect(await watcher.next('error')).toMatchObject({ code: 'ROOM_REPLACED', fatal: true })
    expect((await watcher.closed).code).toBe(4411)
  })
})
