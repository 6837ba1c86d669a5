import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { plainGet, rawRequest, rpc, statusOf, tryOpen, UNREADABLE_TARGETS, upgradeGet, useServers } from './support'

const servers = useServers()

/** Each server, started, with a good request that proves it still serves a fresh client. */
const cases = [
  {
    name: 'the browser host',
    async start() {
      const { host, base, cookie } = await servers.browserHost()
      return {
        port: host.port,
        async stillServes() {
          expect((await fetch(`${base}/`, { headers: { cookie } })).status).toBe(200)
          const opened = await tryOpen(`ws://127.0.0.1:${host.port}/rpc`, { headers: { cookie } })
          if (!('ws' in opened)) throw new Error(`the RPC socket was refused (${opened.refused})`)
          expect((await rpc(opened.ws, { id: 1, method: 'getSettings' })).ok).toBe(true)
          opened.ws.close()
        }
      }
    }
  },
  {
    name: 'the signaling server',
    async start() {
      const server = await servers.signalingServer()
      return {
        port: server.port,
        async stillServes() {
          const room = server.createRoom()
          expect((await fetch(room.inviteUrl)).status).toBe(200)
          const opened = await tryOpen(server.signalUrl)
          if (!('ws' in opened)) throw new Error(`the signaling socket was refused (${opened.refused})`)
          const joined = new Promise<unknown>((resolve) =>
            opened.ws.once('message', (data: WebSocket.RawData) => resolve(JSON.parse(data.toString())))
          )
          opened.ws.send(JSON.stringify({ type: 'join', room: room.room, token: room.hostToken, role: 'host', name: 'Sam' }))
          expect(await joined).toMatchObject({ type: 'joined', room: room.room })
          opened.ws.close()
        }
      }
    }
  }
]

describe.each(cases)('$name, given a request target new URL() cannot read', ({ start }) => {
  it.each(UNREADABLE_TARGETS)('answers GET %s with 400, as a plain request and as an upgrade, and goes on serving', async (target) => {
    const server = await start()
    const plain = await rawRequest(server.port, plainGet(target))
    expect(statusOf(plain), plain).toBe(400)
    const upgrade = await rawRequest(server.port, upgradeGet(target))
    expect(statusOf(upgrade), upgrade).toBe(400)
    await server.stillServes()
  })

  it('answers a request its HTTP parser refuses with 400 and goes on serving', async () => {
    const server = await start()
    const answer = await rawRequest(server.port, 'NOT A REQUEST\r\n\r\n')
    expect(statusOf(answer), answer).toBe(400)
    await server.stillServes()
  })
})
