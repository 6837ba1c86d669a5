import { afterEach, describe, expect, it, vi } from 'vitest'
import { watchRoom, type RoomWatcher } from '../../../src/main/services/call/room-watcher'
import type { Participant } from '../../../src/shared/signaling'
import { startTcpProxy, type TcpProxy } from '../../e2e/support/tcp-proxy'
import { ManualTimers } from '../../support/manual-time'
import { SignalClient, useSignaling } from '../signaling/support'

const startServer = useSignaling()
const running: (RoomWatcher | TcpProxy)[] = []
afterEach(async () => {
  for (const thing of running.splice(0)) await ('cut' in thing ? thing.stop() : thing.close())
})

/** A standalone server behind a TCP relay the test can cut, a room on it, and the host app's watcher through the relay. */
async function watchedThroughRelay() {
  const server = await startServer()
  const room = server.createRoom()
  const relay = await startTcpProxy(server.port)
  running.push(relay)
  const timers = new ManualTimers()
  const heard: (string | null)[] = []
  const onGone = vi.fn()
  const watcher = watchRoom({
    signalUrl: `ws://127.0.0.1:${relay.port}/signal`,
    room: room.room,
    hostToken: room.hostToken,
    hostName: 'Sam Rivera',
    onWaiting: (guest: Participant | null) => heard.push(guest?.name ?? null),
    onGone,
    timers
  })
  running.push(watcher)
  await vi.waitFor(() => expect(watcher.watching).toBe(true))
  return { server, room, relay, timers, heard, onGone, watcher }
}

describe('the host app’s watcher of a room on a standalone server', () => {
  it('comes back after the connection drops, after its backoff, and rings again for the guest still waiting', async () => {
    const { server, room, relay, timers, heard, watcher } = await watchedThroughRelay()
    const { client: guest } = await SignalClient.join(server, room, 'guest', 'Maya Chen')
    await guest.next('host-told')
    await vi.waitFor(() => expect(heard).toEqual(['Maya Chen']))

    relay.cut()
    // Away from the room, it cannot know the guest still waits: the ring stops until it is back.
    await vi.waitFor(() => expect(heard).toEqual(['Maya Chen', null]))
    expect(watcher.watching).toBe(false)
    expect(watcher.decline()).toBe(false)
    expect(timers.waitingMs).toBe(1_000)

    timers.fire(1_000)
    await vi.waitFor(() => expect(heard).toEqual(['Maya Chen', null, 'Maya Chen']))
    expect(await guest.next('host-told')).toEqual({ type: 'host-told', name: 'Sam Rivera' })
    expect(watcher.decline('In another meeting')).toBe(true)
    expect(await guest.next('decline')).toEqual({ type: 'decline', reason: 'In another meeting' })
  })

  it('takes a connection that has gone silent for a minute as dead, and makes it again', async () => {
    const { timers, watcher } = await watchedThroughRelay()
    timers.fire(60_000)
    await vi.waitFor(() => expect(watcher.watching).toBe(false))
    expect(timers.waitingMs).toBe(1_000)
    timers.fire(1_000)
    await vi.waitFor(() => expect(watcher.watching).toBe(true))
  })

  it('waits twice as long after each failed try, and stops for good when the room is replaced', async () => {
    const { server, room, relay, timers, onGone } = await watchedThroughRelay()
    await relay.stop()
    relay.cut()
    await vi.waitFor(() => expect(timers.waitingMs).toBe(1_000))
    timers.fire(1_000)
    await vi.waitFor(() => expect(timers.waitingMs).toBe(2_000))
    timers.fire(2_000)
    await vi.waitFor(() => expect(timers.waitingMs).toBe(4_000))

    // Straight to the server now: the room is replaced while watched, and no retry follows.
    const directTimers = new ManualTimers()
    const direct = watchRoom({
      signalUrl: server.signalUrl,
      room: room.room,
      hostToken: room.hostToken,
      hostName: 'Sam Rivera',
      onWaiting: () => undefined,
      onGone,
      timers: directTimers
    })
    running.push(direct)
    await vi.waitFor(() => expect(direct.watching).toBe(true))
    server.retireRoom(room.room)
    await vi.waitFor(() => expect(onGone).toHaveBeenCalledTimes(1))
    expect(direct.watching).toBe(false)
    expect(directTimers.waitingMs).toBeNull()
  })
})
