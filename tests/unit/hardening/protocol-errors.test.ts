import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { MAX_RPC_MESSAGE_BYTES } from '../../../src/shared/browser-rpc'
import { MAX_MESSAGE_BYTES } from '../../../src/shared/signaling'
import { SignalClient } from '../signaling/support'
import { frame, openRawWebSocket, rpc, tryOpen, useServers } from './support'

const servers = useServers()

const TEXT = 0x1
/** Opcodes 0x3-0x7 are reserved for future data frames. */
const RESERVED = 0x3

/** The frames a broken or hostile client may send, and the close code each one earns. */
function brokenFrames(maxMessageBytes: number) {
  return [
    { name: 'a message over the size cap', bytes: frame({ opcode: TEXT, declaredLength: maxMessageBytes + 1 }), code: 1009 },
    {
      name: 'a text message that is not UTF-8',
      bytes: frame({ opcode: TEXT, payload: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }),
      code: 1007
    },
    { name: 'an unmasked frame', bytes: frame({ opcode: TEXT, payload: Buffer.from('{}'), masked: false }), code: 1002 },
    { name: 'a reserved opcode', bytes: frame({ opcode: RESERVED, payload: Buffer.from('{}') }), code: 1002 }
  ]
}

describe('the browser host, given a broken frame on its RPC socket', () => {
  it.each(brokenFrames(MAX_RPC_MESSAGE_BYTES))('closes that socket alone on $name, and answers the others', async ({ bytes, code }) => {
    const { host, cookie } = await servers.browserHost()
    const bystander = await tryOpen(`ws://127.0.0.1:${host.port}/rpc`, { headers: { cookie } })
    if (!('ws' in bystander)) throw new Error('refused')

    const raw = await openRawWebSocket(host.port, '/rpc', { Cookie: cookie })
    raw.socket.write(bytes)
    expect(await raw.closed).toBe(code)

    expect(bystander.ws.readyState).toBe(WebSocket.OPEN)
    expect((await rpc(bystander.ws, { id: 1, method: 'getSettings' })).ok).toBe(true)
    const fresh = await tryOpen(`ws://127.0.0.1:${host.port}/rpc`, { headers: { cookie } })
    if (!('ws' in fresh)) throw new Error('a fresh client was refused')
    expect((await rpc(fresh.ws, { id: 2, method: 'getSettings' })).ok).toBe(true)
    bystander.ws.close()
    fresh.ws.close()
  })
})

describe('the signaling server, given a broken frame on its socket', () => {
  it.each(brokenFrames(MAX_MESSAGE_BYTES))('closes that socket alone on $name, and the room goes on', async ({ bytes, code }) => {
    const server = await servers.signalingServer()
    const room = server.createRoom()
    const { client: host } = await SignalClient.join(server, room, 'host')

    const raw = await openRawWebSocket(server.port, '/signal')
    raw.socket.write(bytes)
    expect(await raw.closed).toBe(code)

    const { client: guest } = await SignalClient.join(server, room, 'guest')
    expect(await host.next('peer-joined')).toMatchObject({ peer: { role: 'guest' } })
    expect(await host.next('ring')).toMatchObject({ from: { role: 'guest' } })
    host.send({ type: 'accept' })
    expect(await guest.next('accept')).toEqual({ type: 'accept' })
  })
})
