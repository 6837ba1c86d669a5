import { describe, expect, it } from 'vitest'
import type { Role, ServerMessageOf } from '../../../src/shared/signaling'
import { SignalClient, useSignaling } from './support'

const startServer = useSignaling()

const ROOMS = 200
const MESSAGES_EACH_WAY = 50

/** Resolves once `count` signals have arrived, with them in arrival order. */
function collectSignals(client: SignalClient, count: number): Promise<string[]> {
  const received: string[] = []
  return new Promise((resolve) => {
    client.onSignal((message: ServerMessageOf<'signal'>) => {
      received.push(message.data.type === 'offer' ? message.data.sdp : `unexpected ${message.data.type}`)
      if (received.length === count) resolve(received)
    })
  })
}

const payload = (room: number, from: Role, seq: number): string => `room ${room} from ${from} #${seq}`

describe('the signaling service under load', () => {
  it(`carries ${ROOMS} rooms at once, ${MESSAGES_EACH_WAY} signals each way in each, none lost and none crossed into another room`, async () => {
    const server = await startServer()
    const started = performance.now()

    const rooms = await Promise.all(
      Array.from({ length: ROOMS }, async (_, index) => {
        const room = server.createRoom()
        const { client: host } = await SignalClient.join(server, room, 'host', `Host ${index}`)
        const { client: guest } = await SignalClient.join(server, room, 'guest', `Guest ${index}`)
        await host.next('peer-joined')
        await host.next('ring')
        host.send({ type: 'accept' })
        await guest.next('accept')
        return { index, host, guest }
      })
    )
    expect(server.stats()).toEqual({ rooms: ROOMS, connections: 2 * ROOMS })

    const delivered = rooms.map(({ index, host, guest }) => {
      const toGuest = collectSignals(guest, MESSAGES_EACH_WAY)
      const toHost = collectSignals(host, MESSAGES_EACH_WAY)
      return { index, host, guest, toGuest, toHost }
    })
    // Every client sends all its signals at once, all rooms interleaved.
    for (let seq = 0; seq < MESSAGES_EACH_WAY; seq += 1) {
      for (const { index, host, guest } of delivered) {
        host.send({ type: 'signal', data: { type: 'offer', sdp: payload(index, 'host', seq) } })
        guest.send({ type: 'signal', data: { type: 'offer', sdp: payload(index, 'guest', seq) } })
      }
    }

    for (const { index, host, guest, toGuest, toHost } of delivered) {
      const expectedFrom = (from: Role) => Array.from({ length: MESSAGES_EACH_WAY }, (_, seq) => payload(index, from, seq))
      expect(await toGuest).toEqual(expectedFrom('host'))
      expect(await toHost).toEqual(expectedFrom('guest'))
      // Nothing else arrived: no error, no stray message.
      expect(host.pending).toEqual([])
      expect(guest.pending).toEqual([])
    }

    const seconds = (performance.now() - started) / 1000
    const signals = ROOMS * 2 * MESSAGES_EACH_WAY
    console.log(JSON.stringify({ test: 'signaling load', rooms: ROOMS, clients: 2 * ROOMS, signals, seconds: Number(seconds.toFixed(2)) }))
  }, 60_000)
})
