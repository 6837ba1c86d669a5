import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/rpc'
import { anInvitation, useCore } from '../../support/core'

const start = useCore()

describe('invitations', () => {
  it('wait in the inbox, oldest first', async () => {
    const { core, clock } = await start()
    await anInvitation(core, { title: 'Older' })
    clock.advanceHours(3)
    await anInvitation(core, { title: 'Newer' })
    const inbox = await core.handlers.listInvitations({ statuses: ['pending'] })
    expect(inbox.map((item) => item.job.title)).toEqual(['Older', 'Newer'])
    expect(inbox[0]!.invitation.receivedAt).toBe('2026-11-02T09:00:00.000Z')
  })

  it('once accepted become an interview, with the response time recorded', async () => {
    const { core, clock } = await start()
    const { invitation } = await anInvitation(core)
    clock.advanceHours(2)
    const answered = await core.handlers.acceptInvitation({ id: invitation.id, message: 'Happy to talk', terms: null })

    expect(answered.invitation).toMatchObject({
      status: 'accepted',
      respondedAt: '2026-11-02T11:00:00.000Z',
      acceptMessage: 'Happy to talk'
    })
    const detail = await core.handlers.getInterview({ id: answered.invitation.interviewId! })
    expect(detail.interview).toMatchObject({
      status: 'accepted',
      title: 'React dashboard',
      clientName: 'Maya Chen',
      invitationId: invitation.id
    })
    expect(detail.history).toEqual([{ from: null, to: 'accepted', changedAt: '2026-11-02T11:00:00.000Z', note: '' }])
    expect(detail.proposal).toBeNull()
  })

  it('accepted with proposed terms also record the proposal', async () => {
    const { core } = await start()
    const { invitation } = await anInvitation(core)
    const terms = { bidType: 'hourly' as const, amount: 85, estimatedDuration: '3 months' }
    const answered = await core.handlers.acceptInvitation({ id: invitation.id, message: 'My rate is 85/h', terms })
    const detail = await core.handlers.getInterview({ id: answered.invitation.interviewId! })
    expect(detail.proposal).toMatchObject({ terms, coverLetter: 'My rate is 85/h' })
    expect(detail.proposal!.termsHistory).toHaveLength(1)
  })

  it('are declined with reasons and an optional note', async () => {
    const { core } = await start()
    const { invitation } = await anInvitation(core)
    const answered = await core.handlers.declineInvitation({
      id: invitation.id,
      reasons: ['budget_too_low', 'other'],
      note: 'Below my floor'
    })
    expect(answered.invitation).toMatchObject({
      status: 'declined',
      declineReasons: ['budget_too_low', 'other'],
      declineNote: 'Below my floor'
    })
    expect(await core.handlers.listInvitations({ statuses: ['pending'] })).toEqual([])
    expect(await core.handlers.listInterviews({ limit: 10 })).toEqual([])
  })

  it('cannot be declined without a reason', async () => {
    const { core } = await start()
    const { invitation } = await anInvitation(core)
    const result = await dispatch(core.handlers, 'declineInvitation', { id: invitation.id, reasons: [], note: '' }, () => undefined)
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('Pick at least one reason') }
    })
    expect(await core.handlers.listInvitations({ statuses: ['pending'] })).toHaveLength(1)
  })

  it('once archived can no longer be accepted, and nothing changes', async () => {
    const { core } = await start()
    const { invitation } = await anInvitation(core)
    await core.handlers.archiveInvitation({ id: invitation.id })
    await expect(core.handlers.acceptInvitation({ id: invitation.id, message: '', terms: null })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This invitation was archived, so it can no longer be accepted'
    })
    expect(await core.handlers.listInterviews({ limit: 10 })).toEqual([])
    const [item] = await core.handlers.listInvitations({ statuses: ['archived'] })
    expect(item!.invitation.status).toBe('archived')
  })

  it('are answered only once', async () => {
    const { core } = await start()
    const { invitation } = await anInvitation(core)
    await core.handlers.acceptInvitation({ id: invitation.id, message: '', terms: null })
    await expect(core.handlers.declineInvitation({ id: invitation.id, reasons: ['other'], note: '' })).rejects.toMatchObject({
      code: 'CONFLICT'
    })
    await expect(core.handlers.archiveInvitation({ id: invitation.id })).rejects.toMatchObject({ code: 'CONFLICT' })
    await expect(core.handlers.acceptInvitation({ id: invitation.id, message: '', terms: null })).rejects.toMatchObject({
      code: 'CONFLICT'
    })
    expect(await core.handlers.listInterviews({ limit: 10 })).toHaveLength(1)
  })

  it('can come from a client already known', async () => {
    const { core } = await start()
    const first = await anInvitation(core)
    const second = await core.handlers.createInvitation({
      client: { id: first.client.id },
      job: { ...first.job, title: 'Phase 2' },
      message: '',
      receivedAt: null
    })
    expect(second.client.id).toBe(first.client.id)
    expect((await core.handlers.listClients()).map((client) => client.name)).toEqual(['Maya Chen'])
  })
})
