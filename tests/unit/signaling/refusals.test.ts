import { describe, expect, it } from 'vitest'
import { ManualClock, ManualTimers } from '../../support/manual-time'
import type { SignalingServer } from '../../../src/main/services/signaling/server'
import { MAX_MESSAGE_BYTES, MAX_SIGNAL_BYTES, SIGNAL_CLOSE_CODES, type CreatedRoom } from '../../../src/shared/signaling'
import { SignalClient, useSignaling } from './support'

const startServer = useSignaling()

/** A room with host and guest in it and the call accepted. */
async function callInProgress(server: SignalingServer, room: CreatedRoom = server.createRoom()) {
  const { client: host } = await SignalClient.join(server, room, 'host')
  const { client: guest } = await SignalClient.join(server, room, 'guest')
  await host.next('peer-joined')
  await host.next('ring')
  host.send({ type: 'accept' })
  await guest.next('accept')
  return { room, host, guest }
}

/** Proves a pair still works: a signal each way arrives, and nothing else came first. */
async function stillTalking(host: SignalClient, guest: SignalClient): Promise<void> {
  const offer = { type: 'offer', sdp: 'v=0\r\n' }
  host.send({ type: 'signal', data: offer })
  expect(await guest.next('signal')).toEqual({ type: 'signal', data: offer })
  const candidate = {
    type: 'candidate',
    candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host', sdpMLineIndex: 0, sdpMid: '0' }
  }
  guest.send({ type: 'signal', data: candidate })
  expect(await host.next('signal')).toEqual({ type: 'signal', data: candidate })
}

const guestToken = (room: CreatedRoom) => room.guestToken

describe('the signaling service refuses', () => {
  it('a third participant, and the two in the call carry on', async () => {
    const server = await startServer()
    const { room, host, guest } = await callInProgress(server)

    const intruder = await SignalClient.open(server.signalUrl)
    intruder.send({ type: 'join', room: room.room, token: guestToken(room), role: 'guest', name: 'Someone forwarded the link' })
    expect(await intruder.next('error')).toEqual({
      type: 'error',
      code: 'ROOM_FULL',
      message: 'This call already has its guest: two people at most',
      refused: 'join',
      fatal: true
    })
    expect((await intruder.closed).code).toBe(SIGNAL_CLOSE_CODES.ROOM_FULL)

    const secondHost = await SignalClient.open(server.signalUrl)
    secondHost.send({ type: 'join', room: room.room, token: room.hostToken, role: 'host', name: 'Alex, second window' })
    expect(await secondHost.next('error')).toMatchObject({ code: 'ROOM_FULL', fatal: true })

    await stillTalking(host, guest)
  })

  it('a wrong token, a token for the other role and an unknown room alike, without saying which', async () => {
    const server = await startServer()
    const { room, host, guest } = await callInProgress(server)
    const other = server.createRoom()
    const attempts = [
      { room: room.room, token: other.guestToken, role: 'guest' }, // another room's token
      { room: room.room, token: room.guestToken, role: 'host' }, // the guest's token, claiming to be the host
      { room: other.room.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), token: other.guestToken, role: 'guest' } // no such room
    ]
    for (const attempt of attempts) {
      const client = await SignalClient.open(server.signalUrl)
      client.send({ type: 'join', ...attempt, name: 'Mallory' })
      expect(await client.next('error')).toEqual({
        type: 'error',
        code: 'UNAUTHORIZED',
        message: 'This invite link is not valid, or its room no longer exists',
        refused: 'join',
        fatal: true
      })
      expect((await client.closed).code).toBe(SIGNAL_CLOSE_CODES.UNAUTHORIZED)
    }
    await stillTalking(host, guest)
  })

  it('malformed messages with a clear error, keeping the sender connected and the others unaffected', async () => {
    const server = await startServer()
    const { host, guest } = await callInProgress(server)

    guest.send('this is not JSON')
    expect(await guest.next('error')).toEqual({ type: 'error', code: 'MALFORMED', message: 'Malformed message: not JSON', fatal: false })

    guest.send({ type: 'teleport', to: 'host' })
    expect(await guest.next('error')).toMatchObject({ code: 'MALFORMED', refused: 'teleport', fatal: false })

    guest.send({ type: 'signal', data: { type: 'offer' } })
    expect(await guest.next('error')).toMatchObject({
      code: 'MALFORMED',
      message: expect.stringMatching(/^Malformed message at data\.sdp/)
    })

    guest.send({ type: 'signal', data: { type: 'candidate', candidate: { candidate: 42 } } })
    expect(await guest.next('error')).toMatchObject({ code: 'MALFORMED', refused: 'signal' })

    guest.socket.send(Buffer.from([1, 2, 3]), { binary: true })
    expect(await guest.next('error')).toMatchObject({ code: 'MALFORMED', message: expect.stringMatching(/binary/) })

    guest.send(JSON.stringify({ type: 'join', room: 'x', token: 'y', role: 'host', name: 'z' }))
    expect(await guest.next('error')).toMatchObject({ code: 'MALFORMED', refused: 'join' })

    expect(host.pending).toEqual([])
    await stillTalking(host, guest)
  })

  it('a signal over its size limit with TOO_LARGE, and closes a connection whose message is over the hard limit', async () => {
    const server = await startServer()
    const first = await callInProgress(server)
    const second = await callInProgress(server)

    first.guest.send({ type: 'signal', data: { type: 'offer', sdp: 'v=0\r\n' + 'a'.repeat(MAX_SIGNAL_BYTES) } })
    expect(await first.guest.next('error')).toMatchObject({
      code: 'TOO_LARGE',
      refused: 'signal',
      fatal: false,
      message: expect.stringMatching(/^Message too large at data\.sdp/)
    })
    await stillTalking(first.host, first.guest)

    // Over the WebSocket limit the message is not even read: the connection closes with 1009.
    first.guest.send({ type: 'signal', data: { type: 'offer', sdp: 'a'.repeat(MAX_MESSAGE_BYTES) } })
    expect((await first.guest.closed).code).toBe(SIGNAL_CLOSE_CODES.TOO_LARGE)
    expect(await first.host.next('peer-left')).toMatchObject({ peer: { role: 'guest' } })
    expect(first.host.pending).toEqual([])

    await stillTalking(second.host, second.guest)
  })

  it('anything before joining, a second join, and steps out of turn', async () => {
    const server = await startServer()
    const room = server.createRoom()
    const early = await SignalClient.open(server.signalUrl)
    early.send({ type: 'signal', data: { type: 'offer', sdp: '' } })
    expect(await early.next('error')).toEqual({
      type: 'error',
      code: 'NOT_JOINED',
      message: 'Join a room before sending "signal"',
      refused: 'signal',
      fatal: false
    })

    const { client: host } = await SignalClient.join(server, room, 'host')
    host.send({ type: 'join', room: room.room, token: room.hostToken, role: 'host', name: 'Alex' })
    expect(await host.next('error')).toMatchObject({ code: 'ALREADY_JOINED', fatal: false })
    host.send({ type: 'signal', data: { type: 'offer', sdp: '' } })
    expect(await host.next('error')).toMatchObject({ code: 'NOT_ALLOWED', message: 'Nobody else is in the room' })

    const { client: guest } = await SignalClient.join(server, room, 'guest')
    await host.next('peer-joined')
    await host.next('ring')
    guest.send({ type: 'signal', data: { type: 'offer', sdp: '' } })
    expect(await guest.next('error')).toMatchObject({
      code: 'NOT_ALLOWED',
      message: 'Signals flow only once the host has accepted the call'
    })
    guest.send({ type: 'accept' })
    expect(await guest.next('error')).toMatchObject({ code: 'NOT_ALLOWED', message: 'Only the host answers a ring' })
    host.send({ type: 'ring' })
    expect(await host.next('error')).toMatchObject({ code: 'NOT_ALLOWED', message: 'Only the guest rings; the host answers' })
    guest.send({ type: 'ring' })
    expect(await guest.next('error')).toMatchObject({ code: 'NOT_ALLOWED', message: 'Already ringing' })

    host.send({ type: 'accept' })
    await guest.next('accept')
    expect(host.pending).toEqual([])
    await stillTalking(host, guest)
  })

  it('a connection that sends too fast, first with a warning, then by closing it; the other side only hears it left', async () => {
    const clock = new ManualClock(new Date('2026-11-02T09:00:00Z')) // standing still: the bucket never refills
    const server = await startServer({ clock, limits: { rateBurst: 10, ratePerSecond: 1 } })
    const { host, guest } = await callInProgress(server) // host: join + accept, guest: join

    // Its join took one of ten: nine more go through, the tenth is dropped with a warning.
    for (let i = 0; i < 10; i += 1) guest.send({ type: 'signal', data: { type: 'renegotiate', renegotiate: true } })
    for (let i = 0; i < 9; i += 1) expect(await host.next('signal')).toMatchObject({ data: { type: 'renegotiate' } })
    expect(await guest.next('error')).toMatchObject({ code: 'RATE_LIMITED', fatal: false })

    for (let i = 0; i < 20; i += 1) guest.send({ type: 'hang-up' })
    expect(await guest.next('error')).toMatchObject({ code: 'RATE_LIMITED', fatal: true })
    expect((await guest.closed).code).toBe(SIGNAL_CLOSE_CODES.RATE_LIMITED)
    expect(await host.next('peer-left')).toMatchObject({ peer: { role: 'guest' }, reason: 'left' })
    expect(host.pending).toEqual([])
  })

  it('a connection that never joins, once its time to join is up', async () => {
    const timers = new ManualTimers()
    const server = await startServer({ timers, limits: { joinTimeoutMs: 10_000 } })
    const idle = await SignalClient.open(server.signalUrl)
    const room = server.createRoom()
    const { client: host } = await SignalClient.join(server, room, 'host')

    timers.fire(10_000)
    expect(await idle.next('error')).toMatchObject({ code: 'JOIN_TIMEOUT', fatal: true })
    expect((await idle.closed).code).toBe(SIGNAL_CLOSE_CODES.JOIN_TIMEOUT)
    expect(host.pending).toEqual([])
    expect(host.socket.readyState).toBe(host.socket.OPEN)
  })
})
