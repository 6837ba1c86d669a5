import { describe, expect, it, vi } from 'vitest'
import type { Participant } from '../../../src/shared/signaling'
import { SignalClient, useSignaling } from './support'

const startServer = useSignaling()

/** The app's own server rings the host's app for a guest who waits while the call page is closed. */
describe('a guest waiting for a host who is not in the room', () => {
  it('rings the host’s app, tells the guest so, and says when the wait is over because the host came', async () => {
    const heard: (string | null)[] = []
    const onWaiting = vi.fn((_room: string, guest: Participant | null) => {
      heard.push(guest?.name ?? null)
      return guest ? 'Sam Rivera' : null
    })
    const server = await startServer({ onWaiting })
    const room = server.createRoom()
    const { client: guest } = await SignalClient.join(server, room, 'guest', 'Maya Chen')
    expect(await guest.next('host-told')).toEqual({ type: 'host-told', name: 'Sam Rivera' })
    expect(onWaiting).toHaveBeenCalledWith(room.room, { role: 'guest', name: 'Maya Chen' })

    // The host opens the call page: the room rings there, and the app's ring stops.
    const { client: host } = await SignalClient.join(server, room, 'host', 'Sam Rivera')
    await host.next('ring')
    await vi.waitFor(() => expect(heard).toEqual(['Maya Chen', null]))
  })

  it('lets the host decline from elsewhere: the guest hears it, may ring again, and the wait ends when the guest leaves', async () => {
    const heard: (string | null)[] = []
    const server = await startServer({ onWaiting: (_room, guest) => (heard.push(guest?.name ?? null), guest ? 'Sam' : null) })
    const room = server.createRoom()
    const { client: guest } = await SignalClient.join(server, room, 'guest', 'Maya Chen')
    await guest.next('host-told')
    expect(server.declineWaiting(room.room)).toBe(true)
    expect(await guest.next('decline')).toEqual({ type: 'decline' })
    expect(server.declineWaiting(room.room)).toBe(true)
    await guest.next('decline')

    guest.send({ type: 'ring' })
    await guest.next('host-told')
    guest.socket.close()
    await vi.waitFor(() => expect(heard).toEqual(['Maya Chen', null, null, 'Maya Chen', null]))
    expect(server.declineWaiting(room.room)).toBe(false)
  })

  it('without a listener (a standalone server) says the host is not here yet, as before', async () => {
    const server = await startServer()
    const room = server.createRoom()
    const { client: guest } = await SignalClient.join(server, room, 'guest')
    guest.send({ type: 'ring' })
    expect(await guest.next('error')).toMatchObject({ code: 'NOT_ALLOWED', message: 'The host is not here yet' })
  })
})
