import { describe, expect, it } from 'vitest'
import { ManualClock, ManualTimers } from '../../support/manual-time'
import { SIGNAL_CLOSE_CODES } from '../../../src/shared/signaling'
import { SignalClient, useSignaling } from './support'

const startServer = useSignaling()

describe('the signaling service notices', () => {
  it('a peer whose connection drops without a goodbye, and tells the other it was lost', async () => {
    const server = await startServer()
    const room = server.createRoom()
    const { client: host } = await SignalClient.join(server, room, 'host')
    const { client: guest } = await SignalClient.join(server, room, 'guest')
    await host.next('peer-joined')
    await host.next('ring')

    guest.destroy()
    expect(await host.next('peer-left')).toEqual({ type: 'peer-left', peer: { role: 'guest', name: 'Maya (client)' }, reason: 'lost' })
    // The place is free again for the same guest.
    const { joined } = await SignalClient.join(server, room, 'guest')
    expect(joined.peer).toMatchObject({ role: 'host' })
  })

  it('a peer that stops answering heartbeats, drops it and tells the other; a live peer stays', async () => {
    const timers = new ManualTimers()
    const server = await startServer({ timers, limits: { heartbeatIntervalMs: 15_000 } })
    const room = server.createRoom()
    const { client: host } = await SignalClient.join(server, room, 'host')
    // A guest whose app hangs: its socket stays open but it never answers a ping.
    const { client: guest } = await SignalClient.join(server, room, 'guest', 'Maya (client)', { autoPong: false })
    await host.next('peer-joined')
    await host.next('ring')

    const hostPinged = new Promise((resolve) => host.socket.once('ping', resolve))
    const guestPinged = new Promise((resolve) => guest.socket.once('ping', resolve))
    timers.fire(15_000) // one heartbeat: both pinged
    await Promise.all([hostPinged, guestPinged])
    // The host's pong went out before its 'ping' event; any message the service answers
    // after it (here a ring the host may not send) makes sure the pong has arrived.
    host.send({ type: 'ring' })
    await host.next('error')

    timers.fire(15_000) // the next: the silent guest is dropped
    expect(await host.next('peer-left')).toEqual({ type: 'peer-left', peer: { role: 'guest', name: 'Maya (client)' }, reason: 'lost' })
    expect((await guest.closed).code).toBe(1006)
    expect(host.socket.readyState).toBe(host.socket.OPEN)
    expect(server.stats()).toEqual({ rooms: 1, connections: 1 })
  })

  it('rooms whose time is over: the people in them are told and let go, and the links stop working', async () => {
    const clock = new ManualClock(new Date('2026-11-02T09:00:00Z'))
    const timers = new ManualTimers()
    const server = await startServer({ clock, timers, limits: { sweepIntervalMs: 60_000 } })
    const shortRoom = server.createRoom({ ttlSeconds: 2 * 60 * 60 })
    const longRoom = server.createRoom({ ttlSeconds: 24 * 60 * 60 })
    expect(shortRoom.expiresAt).toBe('2026-11-02T11:00:00.000Z')

    const { client: host } = await SignalClient.join(server, shortRoom, 'host')
    const { client: guest } = await SignalClient.join(server, shortRoom, 'guest')
    await host.next('peer-joined')
    await host.next('ring')
    const { client: otherHost } = await SignalClient.join(server, longRoom, 'host')

    clock.advanceHours(1)
    timers.fire(60_000)
    expect(server.stats().rooms).toBe(2)

    clock.advanceHours(1)
    // Past its time and not yet swept, the room already turns new joins away.
    const late = await SignalClient.open(server.signalUrl)
    late.send({ type: 'join', room: shortRoom.room, token: shortRoom.hostToken, role: 'host', name: 'Alex' })
    expect(await late.next('error')).toMatchObject({ code: 'ROOM_EXPIRED', fatal: true })

    timers.fire(60_000)
    for (const client of [host, guest]) {
      expect(await client.next('error')).toEqual({
        type: 'error',
        code: 'ROOM_EXPIRED',
        message: "This call's room has expired",
        fatal: true
      })
      expect((await client.closed).code).toBe(SIGNAL_CLOSE_CODES.ROOM_EXPIRED)
      expect(client.pending).toEqual([]) // and no "peer left" on top
    }
    expect(server.stats().rooms).toBe(1)

    // Once swept, the room is gone altogether: its tokens open nothing.
    const after = await SignalClient.open(server.signalUrl)
    after.send({ type: 'join', room: shortRoom.room, token: shortRoom.guestToken, role: 'guest', name: 'Maya' })
    expect(await after.next('error')).toMatchObject({ code: 'UNAUTHORIZED' })

    expect(otherHost.pending).toEqual([])
    expect(otherHost.socket.readyState).toBe(otherHost.socket.OPEN)
  })
})
