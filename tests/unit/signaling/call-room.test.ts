import wrtc from '@roamhq/wrtc'
import Peer from 'simple-peer'
import { afterEach, describe, expect, it } from 'vitest'
import type { SignalData } from '../../../src/shared/signaling'
import { SignalClient, useSignaling } from './support'

const startServer = useSignaling()
const peers: Peer.Instance[] = []
afterEach(() => {
  for (const peer of peers.splice(0)) peer.destroy()
})

/** A simple-peer on Node's WebRTC stack, its signals sent through the service and the service's fed back. */
function connectThroughService(client: SignalClient, initiator: boolean): { peer: Peer.Instance; signalsSent: SignalData[] } {
  const peer = new Peer({ initiator, wrtc, trickle: true, config: { iceServers: [] } })
  peers.push(peer)
  const signalsSent: SignalData[] = []
  peer.on('signal', (data: SignalData) => {
    signalsSent.push(data)
    client.send({ type: 'signal', data })
  })
  client.onSignal((message) => peer.signal(message.data))
  return { peer, signalsSent }
}

const once = <T>(peer: Peer.Instance, event: string): Promise<T> => new Promise((resolve) => peer.once(event, resolve))

describe('a call room', () => {
  it("lets the guest in when the host accepts, relays the peers' signals, and the two connect and talk over a data channel", async () => {
    const server = await startServer()
    const room = server.createRoom()

    const { client: host, joined: hostJoined } = await SignalClient.join(server, room, 'host')
    expect(hostJoined).toMatchObject({ room: room.room, role: 'host', peer: null, expiresAt: room.expiresAt })

    const { client: guest, joined: guestJoined } = await SignalClient.join(server, room, 'guest')
    expect(guestJoined.peer).toEqual({ role: 'host', name: 'Alex (freelancer)' })
    expect(await host.next('peer-joined')).toEqual({ type: 'peer-joined', peer: { role: 'guest', name: 'Maya (client)' } })
    // The host's app rings: the in-call view shows Accept and Decline.
    expect(await host.next('ring')).toEqual({ type: 'ring', from: { role: 'guest', name: 'Maya (client)' } })

    host.send({ type: 'accept' })
    expect(await guest.next('accept')).toEqual({ type: 'accept' })

    const hostSide = connectThroughService(host, true)
    const guestSide = connectThroughService(guest, false)
    await Promise.all([once(hostSide.peer, 'connect'), once(guestSide.peer, 'connect')])

    const heardByGuest = once<Buffer>(guestSide.peer, 'data')
    hostSide.peer.send('Hello from the host')
    expect(String(await heardByGuest)).toBe('Hello from the host')
    const heardByHost = once<Buffer>(hostSide.peer, 'data')
    guestSide.peer.send('Hello from the guest')
    expect(String(await heardByHost)).toBe('Hello from the guest')

    // What went through the service was simple-peer's own offer, answer and ICE candidates.
    expect(hostSide.signalsSent.map((signal) => signal.type)).toContain('offer')
    expect(guestSide.signalsSent.map((signal) => signal.type)).toContain('answer')
    expect([...hostSide.signalsSent, ...guestSide.signalsSent].some((signal) => signal.type === 'candidate')).toBe(true)

    // Hanging up reaches the other side, and leaving is announced.
    host.send({ type: 'hang-up' })
    expect(await guest.next('hang-up')).toEqual({ type: 'hang-up' })
    guest.close()
    expect(await host.next('peer-left')).toEqual({ type: 'peer-left', peer: { role: 'guest', name: 'Maya (client)' }, reason: 'left' })
  })

  it('rings the host who arrives after the guest, and lets the host decline and the guest ring again', async () => {
    const server = await startServer()
    const room = server.createRoom()
    const { client: guest, joined } = await SignalClient.join(server, room, 'guest')
    expect(joined.peer).toBeNull()

    const { client: host, joined: hostJoined } = await SignalClient.join(server, room, 'host')
    expect(hostJoined.peer).toEqual({ role: 'guest', name: 'Maya (client)' })
    expect(await host.next('ring')).toMatchObject({ from: { role: 'guest' } })
    expect(await guest.next('peer-joined')).toMatchObject({ peer: { role: 'host' } })

    host.send({ type: 'decline', reason: 'Running five minutes late, ring again at 10:05' })
    expect(await guest.next('decline')).toEqual({ type: 'decline', reason: 'Running five minutes late, ring again at 10:05' })

    guest.send({ type: 'ring' })
    expect(await host.next('ring')).toMatchObject({ from: { name: 'Maya (client)' } })
    host.send({ type: 'accept' })
    expect(await guest.next('accept')).toEqual({ type: 'accept' })
  })

  it('lets a participant who left come back with the same token, and rings again', async () => {
    const server = await startServer()
    const room = server.createRoom()
    const { client: host } = await SignalClient.join(server, room, 'host')
    const { client: guest } = await SignalClient.join(server, room, 'guest')
    await host.next('peer-joined')
    await host.next('ring')
    host.send({ type: 'accept' })
    await guest.next('accept')

    guest.close()
    expect(await host.next('peer-left')).toMatchObject({ reason: 'left' })
    const { joined } = await SignalClient.join(server, room, 'guest', 'Maya again')
    expect(joined.peer).toEqual({ role: 'host', name: 'Alex (freelancer)' })
    expect(await host.next('peer-joined')).toMatchObject({ peer: { name: 'Maya again' } })
    expect(await host.next('ring')).toMatchObject({ from: { name: 'Maya again' } })
  })
})
