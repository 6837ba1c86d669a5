import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { MAX_RPC_DEPTH } from '../../../src/shared/browser-rpc'
import { jsonNestingDepth, parseJsonWithin } from '../../../src/shared/json-depth'
import { MAX_MESSAGE_BYTES, MAX_MESSAGE_DEPTH, type CreatedRoom } from '../../../src/shared/signaling'
import { SignalClient } from '../signaling/support'
import { nested, rpc, tryOpen, useServers } from './support'

const servers = useServers()

/** Deep enough to exhaust the stack in a recursive validator, and still well under the size caps. */
const DEPTH = 5_000

describe('jsonNestingDepth', () => {
  it('counts how deeply arrays and objects nest, ignoring brackets inside strings', () => {
    expect(jsonNestingDepth('"plain"')).toBe(0)
    expect(jsonNestingDepth('{"a":[1,{"b":[]}]}')).toBe(4)
    expect(jsonNestingDepth('{"text":"[[[{{{ \\" ]]] [[["}')).toBe(1)
    expect(jsonNestingDepth('["\\\\", ["\\\\"]]')).toBe(2)
  })

  it('measures tens of thousands of levels without recursion', () => {
    expect(jsonNestingDepth(nested(100_000))).toBe(100_000)
  })
})

describe('parseJsonWithin', () => {
  it('parses JSON up to the depth allowed and refuses deeper or broken text with a reason', () => {
    expect(parseJsonWithin(nested(3), 3)).toEqual({ ok: true, value: [[[0]]] })
    expect(parseJsonWithin(nested(4), 3)).toEqual({
      ok: false,
      reason: 'too-deep',
      message: 'Malformed message: nested more than 3 levels deep'
    })
    expect(parseJsonWithin('{"a":', 3)).toMatchObject({ ok: false, reason: 'not-json' })
  })
})

/** Every kind of client message, with its nesting put where that message carries free-form data. */
function deepMessages(room: CreatedRoom): Record<string, string> {
  const deep = nested(DEPTH)
  return {
    // The one a recursive validator (z.json) walks all the way down: it exhausted the stack.
    signal: `{"type":"signal","data":{"type":"transceiverRequest","transceiverRequest":{"kind":"audio","init":{"x":${deep}}}}}`,
    join: `{"type":"join","room":"${room.room}","token":"${room.hostToken}","role":"host","name":${deep}}`,
    ring: `{"type":"ring","extra":${deep}}`,
    accept: `{"type":"accept","extra":${deep}}`,
    decline: `{"type":"decline","reason":${deep}}`,
    'hang-up': `{"type":"hang-up","extra":${deep}}`,
    'no type at all': deep
  }
}

describe('a signaling message nested thousands of levels deep', () => {
  it('is refused as malformed for every message type, and the connection and the room go on', async () => {
    const server = await servers.signalingServer()
    const room = server.createRoom()
    const { client: host } = await SignalClient.join(server, room, 'host')
    const { client: guest } = await SignalClient.join(server, room, 'guest')
    await host.next('peer-joined')
    await host.next('ring')

    for (const [type, text] of Object.entries(deepMessages(room))) {
      expect(Buffer.byteLength(text), type).toBeLessThan(MAX_MESSAGE_BYTES)
      guest.socket.send(text)
      expect(await guest.next('error'), type).toMatchObject({
        code: 'MALFORMED',
        fatal: false,
        message: `Malformed message: nested more than ${MAX_MESSAGE_DEPTH} levels deep`
      })
    }

    // The same two still talk through the room, and a fresh client still joins another.
    host.send({ type: 'accept' })
    expect(await guest.next('accept')).toEqual({ type: 'accept' })
    const other = server.createRoom()
    expect((await SignalClient.join(server, other, 'host')).joined.room).toBe(other.room)
  })

  it('is refused before joining too, on a connection that has sent nothing else', async () => {
    const server = await servers.signalingServer()
    const client = await SignalClient.open(server.signalUrl)
    client.socket.send(deepMessages(server.createRoom()).join!)
    expect(await client.next('error')).toMatchObject({ code: 'MALFORMED', fatal: false })
  })
})

describe('a browser-host RPC message nested thousands of levels deep', () => {
  it('is refused as invalid input, changes nothing, and the socket and the host go on', async () => {
    const { host, core, cookie } = await servers.browserHost()
    const opened = await tryOpen(`ws://127.0.0.1:${host.port}/rpc`, { headers: { cookie } })
    if (!('ws' in opened)) throw new Error('refused')
    const ws: WebSocket = opened.ws
    const before = await core.handlers.getSettings()

    for (const text of [
      `{"id":1,"method":"updateSettings","input":{"userName":${nested(DEPTH, '"Eve"')}}}`,
      `{"id":2,"method":"saveConnectionTest","input":${nested(DEPTH, '{}')}}`,
      nested(DEPTH)
    ]) {
      expect(await rpc(ws, text)).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: `Malformed message: nested more than ${MAX_RPC_DEPTH} levels deep` }
      })
    }
    expect(await core.handlers.getSettings()).toEqual(before)
    expect(await rpc(ws, { id: 3, method: 'updateSettings', input: { userName: 'Ana' } })).toMatchObject({
      ok: true,
      value: { userName: 'Ana' }
    })
    ws.close()
  })
})
