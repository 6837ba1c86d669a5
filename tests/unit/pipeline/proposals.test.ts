import { describe, expect, it } from 'vitest'
import { anInvitation, useCore } from '../../support/core'

const start = useCore()
const terms = { bidType: 'hourly' as const, amount: 60, estimatedDuration: '1 month' }

async function proposalFor() {
  const context = await start()
  const { invitation } = await anInvitation(context.core)
  const accepted = await context.core.handlers.acceptInvitation({ id: invitation.id, message: 'Cover letter v1', terms })
  const detail = await context.core.handlers.getInterview({ id: accepted.invitation.interviewId! })
  return { ...context, proposal: detail.proposal! }
}

describe('proposals', () => {
  it('keep every version of their terms', async () => {
    const { core, clock, proposal } = await proposalFor()
    clock.advanceHours(24)
    await core.handlers.updateProposalTerms({ id: proposal.id, terms: { ...terms, amount: 70 } })
    clock.advanceHours(24)
    const latest = await core.handlers.updateProposalTerms({
      id: proposal.id,
      terms: { bidType: 'fixed', amount: 5000, estimatedDuration: '6 weeks' }
    })
    expect(latest.terms).toEqual({ bidType: 'fixed', amount: 5000, estimatedDuration: '6 weeks' })
    expect(latest.termsHistory.map((entry) => [entry.bidType, entry.amount, entry.changedAt])).toEqual([
      ['hourly', 60, '2026-11-02T09:00:00.000Z'],
      ['hourly', 70, '2026-11-03T09:00:00.000Z'],
      ['fixed', 5000, '2026-11-04T09:00:00.000Z']
    ])
  })

  it('do not add a version when the terms did not change', async () => {
    const { core, proposal } = await proposalFor()
    expect((await core.handlers.updateProposalTerms({ id: proposal.id, terms })).termsHistory).toHaveLength(1)
  })

  it('let the cover letter change until the client viewed it, then refuse', async () => {
    const { core, proposal } = await proposalFor()
    expect((await core.handlers.updateCoverLetter({ id: proposal.id, coverLetter: 'v2' })).coverLetter).toBe('v2')
    await core.handlers.markProposalViewed({ id: proposal.id })
    await expect(core.handlers.updateCoverLetter({ id: proposal.id, coverLetter: 'v3' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'The client has already viewed this cover letter, so it can no longer be changed'
    })
    expect((await core.handlers.updateProposalTerms({ id: proposal.id, terms: { ...terms, amount: 65 } })).coverLetter).toBe('v2')
  })

  it('keep attachments as references, and refuse ones without a name', async () => {
    const { core, proposal } = await proposalFor()
    const attachments = [{ name: 'Case study', reference: 'https://portfolio.example/case' }]
    expect((await core.handlers.updateProposalAttachments({ id: proposal.id, attachments })).attachments).toEqual(attachments)
    const { dispatch } = await import('../../../src/main/rpc')
    const refused = await dispatch(
      core.handlers,
      'updateProposalAttachments',
      { id: proposal.id, attachments: [{ name: '', reference: 'x' }] },
      () => undefined
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(
      (await core.handlers.getInterview({ id: (await core.handlers.listInterviews({ limit: 1 }))[0]!.id })).proposal!.attachments
    ).toEqual(attachments)
  })
})
