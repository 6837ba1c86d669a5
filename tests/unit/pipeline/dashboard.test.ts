import { describe, expect, it } from 'vitest'
import { anInvitation, useCore } from '../../support/core'

const start = useCore()
const november = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', timeZone: 'Europe/Berlin' }

describe('the dashboard', () => {
  it('counts an invitation as answered in time when accepted or declined within 24 hours', async () => {
    const { core, clock } = await start('2026-11-02T09:00:00.000Z')
    const fast = await anInvitation(core)
    const slow = await anInvitation(core)
    const archived = await anInvitation(core)
    clock.advanceHours(2)
    await core.handlers.acceptInvitation({ id: fast.invitation.id, message: '', terms: null })
    await core.handlers.archiveInvitation({ id: archived.invitation.id })
    clock.advanceHours(28)
    await core.handlers.declineInvitation({ id: slow.invitation.id, reasons: ['not_available'], note: '' })

    const dashboard = await core.handlers.getDashboard(november)
    expect(dashboard.answeredWithin24h).toBe(1)
    expect(dashboard.eligibleInvitations).toBe(3)
    expect(dashboard.responseRate).toBeCloseTo(1 / 3)
    expect(dashboard.medianResponseMinutes).toBe((2 * 60 + 30 * 60) / 2)
    expect(dashboard.funnel).toEqual({ invitations: 3, interviews: 1, offers: 0, hires: 0 })
    expect(dashboard.weekly).toEqual([{ weekStart: '2026-11-02', invitations: 3, answeredWithin24h: 1 }])
  })

  it('leaves a fresh unanswered invitation out of the rate until its 24 hours are up', async () => {
    const { core, clock } = await start()
    await anInvitation(core)
    clock.advanceHours(5)
    expect((await core.handlers.getDashboard(november)).responseRate).toBeNull()
    clock.advanceHours(20)
    expect((await core.handlers.getDashboard(november)).responseRate).toBe(0)
  })

  it('follows the funnel to hires and counts no-shows in the chosen period only', async () => {
    const { core, clock } = await start()
    const a = await anInvitation(core)
    const b = await anInvitation(core)
    const first = (await core.handlers.acceptInvitation({ id: a.invitation.id, message: '', terms: null })).invitation.interviewId!
    const second = (await core.handlers.acceptInvitation({ id: b.invitation.id, message: '', terms: null })).invitation.interviewId!
    for (const status of ['scheduled', 'done', 'offer', 'hired'] as const)
      await core.handlers.changeInterviewStatus({ id: first, status, note: '' })
    await core.handlers.changeInterviewStatus({ id: second, status: 'scheduled', note: '' })
    await core.handlers.changeInterviewStatus({ id: second, status: 'no_show', note: '' })
    const dashboard = await core.handlers.getDashboard(november)
    expect(dashboard.funnel).toEqual({ invitations: 2, interviews: 2, offers: 1, hires: 1 })
    expect(dashboard.noShows).toBe(1)
    clock.set('2027-01-10T00:00:00.000Z')
    const january = await core.handlers.getDashboard({ from: '2027-01-01T00:00:00.000Z', to: '2027-02-01T00:00:00.000Z', timeZone: 'UTC' })
    expect(january).toMatchObject({ funnel: { invitations: 0, interviews: 0, offers: 0, hires: 0 }, noShows: 0, responseRate: null })
  })
})
