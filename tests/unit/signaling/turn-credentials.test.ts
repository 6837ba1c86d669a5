import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { iceServersFor, mintTurnCredential } from '../../../src/main/services/signaling/turn-credentials'
import { SignalClient, useSignaling } from './support'

const startServer = useSignaling()
const SECRET = 'the-coturn-static-auth-secret'

/** The TURN REST password as openssl computes it: base64(HMAC-SHA1(secret, user name)). */
function opensslPassword(secret: string, username: string): string {
  const result = spawnSync('sh', ['-c', 'printf %s "$NAME" | openssl dgst -sha1 -hmac "$SECRET" -binary | base64'], {
    encoding: 'utf8',
    env: { ...process.env, NAME: username, SECRET: secret }
  })
  return result.stdout.trim()
}

describe('short-lived TURN credentials (the TURN REST scheme of coturn’s use-auth-secret)', () => {
  it('names the expiry in unix seconds and the participant, and signs that name with the shared secret', () => {
    const minted = mintTurnCredential(SECRET, 'room.guest', new Date('2026-12-01T12:00:00.900Z'))
    expect(minted.username).toBe(`${Date.parse('2026-12-01T12:00:00Z') / 1000}:room.guest`)
    expect(minted.credential).toBe(opensslPassword(SECRET, minted.username))
    expect(() => mintTurnCredential(SECRET, 'a:b', new Date())).toThrow(/cannot hold ":"/)
  })

  it('hands STUN as is and TURN with a password per room and participant; no TURN without a shared secret', () => {
    const expiresAt = new Date('2026-12-01T12:00:00Z')
    const config = {
      stunUrls: ['stun:turn.example.com:3478'],
      turn: { secret: SECRET, urls: ['turn:turn.example.com:3478?transport=udp', 'turns:turn.example.com:5349?transport=tcp'] }
    }
    const [stun, turn] = iceServersFor(config, 'R', 'guest', expiresAt)
    expect(stun).toEqual({ urls: ['stun:turn.example.com:3478'] })
    expect(turn).toEqual({ urls: config.turn.urls, ...mintTurnCredential(SECRET, 'R.guest', expiresAt) })
    expect(iceServersFor(config, 'R', 'host', expiresAt)[1]!.username).toBe(`${expiresAt.getTime() / 1000}:R.host`)
    expect(iceServersFor({ ...config, turn: null }, 'R', 'guest', expiresAt)).toEqual([stun])
  })

  it('reach each participant in their joined message, valid until the room expires, and follow a changed configuration', async () => {
    let config = {
      stunUrls: [] as string[],
      turn: { secret: SECRET, urls: ['turn:turn.example.com:3478'] } as { secret: string; urls: string[] } | null
    }
    const server = await startServer({ ice: () => config })
    const room = server.createRoom({ ttlSeconds: 3600 })
    const expiry = Math.floor(Date.parse(room.expiresAt) / 1000)
    const host = (await SignalClient.join(server, room, 'host')).joined
    const guest = (await SignalClient.join(server, room, 'guest')).joined
    expect(host.iceServers).toEqual([
      { urls: ['turn:turn.example.com:3478'], ...mintTurnCredential(SECRET, `${room.room}.host`, new Date(expiry * 1000)) }
    ])
    expect(guest.iceServers).toEqual([
      { urls: ['turn:turn.example.com:3478'], ...mintTurnCredential(SECRET, `${room.room}.guest`, new Date(expiry * 1000)) }
    ])

    config = { stunUrls: ['stun:stun.example.com'], turn: null }
    const later = server.createRoom()
    expect((await SignalClient.join(server, later, 'guest')).joined.iceServers).toEqual([{ urls: ['stun:stun.example.com'] }])
  })
})
