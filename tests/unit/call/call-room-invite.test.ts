import { describe, expect, it } from 'vitest'
import { parseInviteUrl, roomAboutPath, roomAboutSchema, type RoomAbout } from '../../../src/shared/signaling'
import { anInvitation, useCore, type OpenCore } from '../../support/core'
import { useSignaling } from '../signaling/support'

const openCore = useCore()
const startServer = useSignaling()
const SECRET = 'a-long-admin-secret-for-the-tests-0123456789'

async function anInterview(open: OpenCore): Promise<{ id: string; title: string }> {
  const item = await anInvitation(open.core)
  const accepted = await open.core.handlers.acceptInvitation({ id: item.invitation.id, message: '', terms: null })
  const id = accepted.invitation.interviewId!
  return { id, title: (await open.core.handlers.getInterview({ id })).interview.title }
}

/** What the guest page reads before joining, through the invite link as the guest holds it. */
async function aboutFromLink(inviteUrl: string): Promise<RoomAbout> {
  const link = parseInviteUrl(inviteUrl)!
  const response = await fetch(`${link.baseUrl}${roomAboutPath(link.room)}`, { headers: { Authorization: `Bearer ${link.token}` } })
  expect(response.status).toBe(200)
  return roomAboutSchema.parse(await response.json())
}

describe('the invite an interview’s room carries to the guest page', () => {
  it('names the host, the interview’s title and the scheduled start and length, on the app’s own server and across a restart', async () => {
    const open = await openCore('2026-11-02T09:00:00.000Z')
    const { id, title } = await anInterview(open)
    await open.core.handlers.updateSettings({ userName: 'Sam Rivera' })
    await open.core.handlers.scheduleInterview({
      id,
      startsAt: '2026-11-05T15:00:00.000Z',
      timeZone: 'Europe/Berlin',
      durationMinutes: 30,
      note: ''
    })
    const room = await open.core.handlers.openCallRoom({ interviewId: id, renew: false })
    const expected = { hostName: 'Sam Rivera', title, startsAt: '2026-11-05T15:00:00.000Z', durationMinutes: 30 }
    expect(title.length).toBeGreaterThan(0)
    expect((await aboutFromLink(room.inviteUrl)).call).toEqual(expected)

    const again = await open.restart()
    expect(await again.core.handlers.openCallRoom({ interviewId: id, renew: false })).toEqual(room)
    expect((await aboutFromLink(room.inviteUrl)).call).toEqual(expected)
  })

  it('on a server of yours, travels in POST /rooms; unscheduled, it gives the usual call length and no start', async () => {
    const server = await startServer({ adminSecret: SECRET })
    const open = await openCore()
    const { id, title } = await anInterview(open)
    await open.core.handlers.updateSettings({
      userName: 'Sam Rivera',
      defaultCallMinutes: 20,
      signaling: { mode: 'remote', port: 0, remoteUrl: server.url, adminSecret: SECRET }
    })
    const room = await open.core.handlers.openCallRoom({ interviewId: id, renew: false })
    expect((await aboutFromLink(room.inviteUrl)).call).toEqual({ hostName: 'Sam Rivera', title, durationMinutes: 20 })
  })
})
