import { describe, expect, it } from 'vitest'
import { createOnDemandSignaling } from '../../../src/main/services/signaling/on-demand'
import { startSignalingServer, type SignalingServer } from '../../../src/main/services/signaling/server'
import { createdRoomSchema, parseInviteUrl } from '../../../src/shared/signaling'
import { SignalClient, useSignaling } from './support'

const startServer = useSignaling()
const SECRET = 'a-long-admin-secret-for-the-tests-0123456789'

function postRoom(server: SignalingServer, body?: unknown, secret: string | null = SECRET, raw?: string): Promise<Response> {
  return fetch(`${server.url}/rooms`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(secret === null ? {} : { Authorization: `Bearer ${secret}` }) },
    ...(raw !== undefined ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {})
  })
}

describe('creating rooms', () => {
  it('in the app: a room id and two tokens that no one can guess, and an invite link with the guest token in its fragment', async () => {
    const server = await startServer()
    const room = server.createRoom()
    expect(createdRoomSchema.parse(room)).toEqual(room)
    expect(Buffer.from(room.room, 'base64url')).toHaveLength(16) // 128 bits
    expect(Buffer.from(room.hostToken, 'base64url')).toHaveLength(32) // 256 bits
    expect(Buffer.from(room.guestToken, 'base64url')).toHaveLength(32)
    expect(room.hostToken).not.toBe(room.guestToken)
    expect(room.inviteUrl).toBe(`http://127.0.0.1:${server.port}/join/${room.room}#${room.guestToken}`)
    expect(room.signalUrl).toBe(`ws://127.0.0.1:${server.port}/signal`)
    expect(parseInviteUrl(room.inviteUrl)).toEqual({
      room: room.room,
      token: room.guestToken,
      baseUrl: server.url,
      signalUrl: room.signalUrl
    })

    const many = Array.from({ length: 200 }, () => server.createRoom())
    expect(new Set(many.flatMap((r) => [r.room, r.hostToken, r.guestToken])).size).toBe(600)
  })

  it('names the public address in invite links when the server sits behind one', async () => {
    const server = await startServer({ publicUrl: 'https://signal.example.com/' })
    const room = server.createRoom()
    expect(room.inviteUrl).toBe(`https://signal.example.com/join/${room.room}#${room.guestToken}`)
    expect(room.signalUrl).toBe('wss://signal.example.com/signal')
  })

  it('over HTTP: POST /rooms with the admin secret answers the room, and the invite link joins it', async () => {
    const server = await startServer({ adminSecret: SECRET })
    const response = await postRoom(server, { ttlSeconds: 3600 })
    expect(response.status).toBe(201)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.headers.get('cache-control')).toBe('no-store')
    const room = createdRoomSchema.parse(await response.json())

    const invite = parseInviteUrl(room.inviteUrl)!
    const guest = await SignalClient.open(invite.signalUrl)
    guest.send({ type: 'join', room: invite.room, token: invite.token, role: 'guest', name: 'Maya' })
    expect(await guest.next('joined')).toMatchObject({ room: room.room, role: 'guest', expiresAt: room.expiresAt })

    expect((await postRoom(server)).status).toBe(201) // the body is optional
  })

  it("hands the host's STUN/TURN servers to both participants, also after the room was taken back", async () => {
    const turn = { urls: 'turn:turn.example.com:3478', username: 'ana', credential: 's3cret' }
    const server = await startServer({ adminSecret: SECRET })
    const room = server.createRoom({ iceServers: [turn] })
    expect((await SignalClient.join(server, room, 'host')).joined.iceServers).toEqual([turn])
    expect((await SignalClient.join(server, room, 'guest')).joined.iceServers).toEqual([turn])

    const posted = createdRoomSchema.parse(await (await postRoom(server, { iceServers: [{ urls: 'stun:stun.example.com' }] })).json())
    expect((await SignalClient.join(server, posted, 'guest')).joined.iceServers).toEqual([{ urls: 'stun:stun.example.com' }])
    expect((await postRoom(server, { iceServers: [{ urls: 'http://not-ice' }] })).status).toBe(400)

    const again = await startServer()
    expect(
      again.restoreRoom({
        room: room.room,
        hostToken: room.hostToken,
        guestToken: room.guestToken,
        expiresAt: room.expiresAt,
        iceServers: [turn]
      })
    ).toBe(true)
    expect((await SignalClient.join(again, room, 'guest')).joined.iceServers).toEqual([turn])
  })

  it('over HTTP: refused without the secret, with a wrong one, with a bad body, and when the server is full', async () => {
    const server = await startServer({ adminSecret: SECRET, limits: { maxRooms: 2 } })
    const missing = await postRoom(server, {}, null)
    expect(missing.status).toBe(401)
    expect(missing.headers.get('www-authenticate')).toBe('Bearer')
    expect(await missing.text()).toMatch(/admin secret/)
    expect((await postRoom(server, {}, 'guess')).status).toBe(401)
    expect((await postRoom(server, {}, `${SECRET}x`)).status).toBe(401)

    expect((await postRoom(server, undefined, SECRET, '{ttl')).status).toBe(400)
    const tooLong = await postRoom(server, { ttlSeconds: 365 * 24 * 3600 })
    expect(tooLong.status).toBe(400)
    expect(await tooLong.text()).toMatch(/^Invalid room request/)
    expect((await postRoom(server, undefined, SECRET, JSON.stringify({ pad: 'x'.repeat(10_000) }))).status).toBe(413)
    expect((await fetch(`${server.url}/rooms`)).status).toBe(405)

    expect((await postRoom(server)).status).toBe(201)
    expect((await postRoom(server)).status).toBe(201)
    const full = await postRoom(server)
    expect(full.status).toBe(503)
    expect(await full.text()).toMatch(/maximum of 2 rooms/)
    expect(() => server.createRoom()).toThrow(/maximum of 2 rooms/)
  })

  it("over HTTP is off on a server started without an admin secret (the app's own)", async () => {
    const server = await startServer()
    const response = await postRoom(server, {})
    expect(response.status).toBe(403)
    expect(await response.text()).toBe('Rooms are not created over HTTP on this server.\n')
  })

  it('without the built app, /join/… says plainly that the guest page is missing, and other paths are not found', async () => {
    const server = await startServer()
    const room = server.createRoom()
    const join = await fetch(`${server.url}/join/${room.room}`)
    expect(join.status).toBe(404)
    expect(join.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await join.text()).toBe('The guest call page is not available on this server: it was started without the built app.\n')
    expect((await fetch(`${server.url}/`)).status).toBe(404)
    await expect(SignalClient.open(`ws://127.0.0.1:${server.port}/elsewhere`)).rejects.toThrow(/HTTP 404/)
  })

  it('turns away connections over its limit, and the ones it holds carry on', async () => {
    const server = await startServer({ limits: { maxConnections: 2 } })
    const room = server.createRoom()
    const { client: host } = await SignalClient.join(server, room, 'host')
    await SignalClient.join(server, room, 'guest')
    await expect(SignalClient.open(server.signalUrl)).rejects.toThrow(/HTTP 503/)
    expect(await host.next('peer-joined')).toMatchObject({ peer: { role: 'guest' } })
  })
})

describe("the app's own signaling server", () => {
  it('starts only when the first room is needed, once however many ask at the same time, and again after closing', async () => {
    let starts = 0
    const signaling = createOnDemandSignaling({ port: 0 }, (options) => {
      starts += 1
      return startSignalingServer(options)
    })
    expect(signaling.running).toBe(false)
    expect(starts).toBe(0)

    const [first, second] = await Promise.all([signaling.createRoom(), signaling.createRoom()])
    expect(starts).toBe(1)
    expect(first.signalUrl).toBe(second.signalUrl)
    const server = await signaling.server()
    expect(server.stats().rooms).toBe(2)
    const { joined } = await SignalClient.join(server, first, 'host')
    expect(joined.room).toBe(first.room)

    await signaling.close()
    expect(signaling.running).toBe(false)
    const third = await signaling.createRoom()
    expect(starts).toBe(2)
    expect((await signaling.server()).stats().rooms).toBe(1)
    expect(third.room).not.toBe(first.room)
    await signaling.close()
  })

  it('can be tried again when a start fails', async () => {
    const blocker = await startServer()
    const signaling = createOnDemandSignaling({ port: blocker.port })
    await expect(signaling.createRoom()).rejects.toThrow(/EADDRINUSE/)
    expect(signaling.running).toBe(false)
  })
})
