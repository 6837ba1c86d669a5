import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/services/database'
import { openRoomStore } from '../../../src/main/services/signaling/room-store'
import { useTempDirs } from '../../support/temp-dir'
import { createdRoomSchema, roomAboutPath, roomAboutSchema, type CreatedRoom } from '../../../src/shared/signaling'
import type { SignalingServer } from '../../../src/main/services/signaling/server'
import { SignalClient, useSignaling } from './support'

const startServer = useSignaling()
const tempDir = useTempDirs()
const SECRET = 'a-long-admin-secret-for-the-tests-0123456789'
const INVITE = { hostName: 'Sam Rivera', title: 'Analytics dashboard', startsAt: '2026-12-02T16:00:00.000Z', durationMinutes: 15 }
const STUN = { urls: 'stun:stun.example.com:3478' }

function about(server: SignalingServer, room: string, token: string | null, method = 'GET'): Promise<Response> {
  return fetch(`${server.url}${roomAboutPath(room)}`, { method, headers: token === null ? {} : { Authorization: `Bearer ${token}` } })
}

describe('what the guest page learns of a room before joining', () => {
  it('answers the host’s name, the call’s title, start and length, and the servers to call through, to the guest’s token alone', async () => {
    const server = await startServer({ adminSecret: SECRET })
    const room = server.createRoom({ call: INVITE, iceServers: [STUN] })
    const response = await about(server, room.room, room.guestToken)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(roomAboutSchema.parse(await response.json())).toEqual({ call: INVITE, iceServers: [STUN], expiresAt: room.expiresAt })

    // Nobody is rung and no seat is taken: the guest still joins afterwards.
    const { joined } = await SignalClient.join(server, room, 'guest')
    expect(joined.peer).toBeNull()

    expect((await about(server, room.room, room.hostToken)).status).toBe(404)
    expect((await about(server, room.room, null)).status).toBe(404)
    expect((await about(server, room.room, 'x'.repeat(43))).status).toBe(404)
    expect(await (await about(server, room.room, 'x'.repeat(43))).text()).toBe(
      'This invite link is not valid, or its room no longer exists.\n'
    )
    expect((await about(server, room.room, room.guestToken, 'POST')).status).toBe(405)
  })

  it('takes the invite over HTTP too, refuses a bad one, and keeps it when the room is taken back', async () => {
    const server = await startServer({ adminSecret: SECRET })
    const post = (body: unknown) =>
      fetch(`${server.url}/rooms`, { method: 'POST', headers: { Authorization: `Bearer ${SECRET}` }, body: JSON.stringify(body) })
    const room: CreatedRoom = createdRoomSchema.parse(await (await post({ call: INVITE })).json())
    expect(roomAboutSchema.parse(await (await about(server, room.room, room.guestToken)).json()).call).toEqual(INVITE)
    expect((await post({ call: { ...INVITE, durationMinutes: 0 } })).status).toBe(400)
    expect((await post({ call: { ...INVITE, startsAt: 'tomorrow' } })).status).toBe(400)
    expect((await post({ call: { hostName: 'x'.repeat(81) } })).status).toBe(400)

    // An app older than the field makes rooms without it: the page gets an empty invite.
    const bare = server.createRoom()
    expect(roomAboutSchema.parse(await (await about(server, bare.room, bare.guestToken)).json()).call).toEqual({})

    const again = await startServer()
    expect(
      again.restoreRoom({
        room: room.room,
        hostToken: room.hostToken,
        guestToken: room.guestToken,
        expiresAt: room.expiresAt,
        invite: INVITE
      })
    ).toBe(true)
    expect(roomAboutSchema.parse(await (await about(again, room.room, room.guestToken)).json()).call).toEqual(INVITE)
  })

  it('hands the guest page the TURN credential minted for the room’s guest, as joining would', async () => {
    const server = await startServer({
      ice: { stunUrls: ['stun:turn.example.com:3478'], turn: { secret: 'a-shared-secret', urls: ['turn:turn.example.com:3478'] } }
    })
    const room = server.createRoom({ call: INVITE })
    const read = roomAboutSchema.parse(await (await about(server, room.room, room.guestToken)).json())
    const { joined } = await SignalClient.join(server, room, 'guest')
    expect(read.iceServers).toEqual(joined.iceServers)
    expect(read.iceServers[1]).toMatchObject({
      urls: ['turn:turn.example.com:3478'],
      username: `${Math.floor(Date.parse(room.expiresAt) / 1000)}:${room.room}.guest`
    })
  })

  it('is kept in a standalone server’s rooms file, so the page still names the call after a restart', async () => {
    const file = join(await tempDir(), 'rooms.sqlite')
    const first = await startServer({ adminSecret: SECRET, store: await openRoomStore(file) })
    const made = await fetch(`${first.url}/rooms`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${SECRET}` },
      body: JSON.stringify({ call: INVITE })
    })
    const room = createdRoomSchema.parse(await made.json())
    await first.close()
    const again = await startServer({ store: await openRoomStore(file) })
    expect(roomAboutSchema.parse(await (await about(again, room.room, room.guestToken)).json()).call).toEqual(INVITE)
  })

  it('reads a rooms file written before invites were kept: its rooms come back with none', async () => {
    const file = join(await tempDir(), 'rooms.sqlite')
    const old = await openDatabase(file)
    await old.exec(`CREATE TABLE rooms (id TEXT PRIMARY KEY, expires_at TEXT NOT NULL, host_digest BLOB NOT NULL, guest_digest BLOB NOT NULL,
      ice_servers TEXT NOT NULL DEFAULT '[]', retired INTEGER NOT NULL DEFAULT 0, host_name TEXT); PRAGMA user_version = 1;`)
    await old.run('INSERT INTO rooms (id, expires_at, host_digest, guest_digest) VALUES (?, ?, ?, ?)', [
      'r'.repeat(22),
      '2199-01-01T00:00:00.000Z',
      Buffer.alloc(32),
      Buffer.alloc(32)
    ])
    await old.close()
    const store = await openRoomStore(file)
    expect(await store.load(new Date())).toMatchObject([{ id: 'r'.repeat(22), invite: {} }])
    await store.close()
  })

  it('says so when the link was replaced by a newer one', async () => {
    const server = await startServer()
    const room = server.createRoom({ call: INVITE })
    server.retireRoom(room.room, 'Sam Rivera')
    const response = await about(server, room.room, room.guestToken)
    expect(response.status).toBe(410)
    expect(await response.text()).toBe('This invitation was replaced by a newer link. Ask Sam Rivera for the new one.\n')
  })
})
