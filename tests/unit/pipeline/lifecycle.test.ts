import { describe, expect, it } from 'vitest'
import { INTERVIEW_STATUSES, INTERVIEW_TRANSITIONS, canMoveInterview, type InterviewStatus } from '../../../src/shared/pipeline'
import { anInvitation, useCore } from '../../support/core'

const start = useCore()

/** The shortest path from "accepted" to each status, through allowed moves only. */
const PATH_TO: Record<InterviewStatus, InterviewStatus[]> = {
  invited: [],
  accepted: [],
  scheduled: ['scheduled'],
  done: ['scheduled', 'done'],
  offer: ['scheduled', 'done', 'offer'],
  no_offer: ['scheduled', 'done', 'no_offer'],
  hired: ['hired'],
  declined: ['declined'],
  no_show: ['scheduled', 'no_show']
}

async function interviewAt(status: Exclude<InterviewStatus, 'invited'>) {
  const { core } = await start()
  const { invitation } = await anInvitation(core)
  const accepted = await core.handlers.acceptInvitation({ id: invitation.id, message: '', terms: null })
  const id = accepted.invitation.interviewId!
  for (const step of PATH_TO[status]) await core.handlers.changeInterviewStatus({ id, status: step, note: '' })
  return { core, id }
}

describe('the interview lifecycle', () => {
  it('follows invited → accepted → scheduled → done → offer → hired', () => {
    expect(canMoveInterview('invited', 'accepted')).toBe(true)
    expect(canMoveInterview('accepted', 'scheduled')).toBe(true)
    expect(canMoveInterview('scheduled', 'done')).toBe(true)
    expect(canMoveInterview('done', 'offer')).toBe(true)
    expect(canMoveInterview('offer', 'hired')).toBe(true)
  })

  it('treats hired, no offer and declined as final', () => {
    for (const final of ['hired', 'no_offer', 'declined'] as const) {
      for (const to of INTERVIEW_STATUSES) expect(canMoveInterview(final, to), `${final} → ${to}`).toBe(false)
    }
  })

  for (const from of INTERVIEW_STATUSES.filter((status) => status !== 'invited')) {
    it(`from “${from}” allows exactly ${JSON.stringify(INTERVIEW_TRANSITIONS[from])} and refuses the rest, changing nothing`, async () => {
      const { core, id } = await interviewAt(from)
      const before = await core.handlers.getInterview({ id })
      expect(before.interview.status).toBe(from)
      for (const to of INTERVIEW_STATUSES) {
        if (canMoveInterview(from, to)) continue
        await expect(core.handlers.changeInterviewStatus({ id, status: to, note: '' }), `${from} → ${to}`).rejects.toMatchObject({
          code: 'CONFLICT'
        })
      }
      expect(await core.handlers.getInterview({ id })).toEqual(before)
      for (const to of INTERVIEW_TRANSITIONS[from]) {
        const fresh = await interviewAt(from)
        const moved = await fresh.core.handlers.changeInterviewStatus({ id: fresh.id, status: to, note: 'why' })
        expect(moved.interview.status).toBe(to)
        expect(moved.history.at(-1)).toMatchObject({ from, to, note: 'why' })
      }
    })
  }
})

describe('offers', () => {
  it('move a finished interview to “offer”, and accepting one hires', async () => {
    const { core, id } = await interviewAt('done')
    const offer = await core.handlers.createOffer({
      interviewId: id,
      fields: { priceType: 'fixed', amount: 4000, deadline: null, note: '' }
    })
    expect((await core.handlers.getInterview({ id })).interview.status).toBe('offer')
    expect((await core.handlers.decideOffer({ id: offer.id, accepted: true })).status).toBe('accepted')
    expect((await core.handlers.getInterview({ id })).interview.status).toBe('hired')
  })

  it('declined settle the interview as declined, and cannot be decided twice', async () => {
    const { core, id } = await interviewAt('done')
    const offer = await core.handlers.createOffer({
      interviewId: id,
      fields: { priceType: 'hourly', amount: 50, deadline: null, note: '' }
    })
    await core.handlers.decideOffer({ id: offer.id, accepted: false })
    expect((await core.handlers.getInterview({ id })).interview.status).toBe('declined')
    await expect(core.handlers.decideOffer({ id: offer.id, accepted: true })).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  // The status an interview shows once an offer is recorded: before the call it keeps its booking.
  const AFTER_RECORDING = { accepted: 'accepted', scheduled: 'scheduled', done: 'offer', offer: 'offer', no_show: 'offer' } as const
  for (const [from, after] of Object.entries(AFTER_RECORDING) as [keyof typeof AFTER_RECORDING, InterviewStatus][]) {
    it(`can be recorded and accepted while the interview is “${from}”, which hires`, async () => {
      const { core, id } = await interviewAt(from)
      const offer = await core.handlers.createOffer({
        interviewId: id,
        fields: { priceType: 'fixed', amount: 2500, deadline: null, note: '' }
      })
      expect((await core.handlers.getInterview({ id })).interview.status).toBe(after)
      expect((await core.handlers.decideOffer({ id: offer.id, accepted: true })).status).toBe('accepted')
      const hired = await core.handlers.getInterview({ id })
      expect(hired.interview.status).toBe('hired')
      expect(hired.history.at(-1)).toMatchObject({ from: after, to: 'hired', note: 'Offer accepted' })
    })
  }

  it('declined before the call leave the call booked', async () => {
    const { core, id } = await interviewAt('scheduled')
    const offer = await core.handlers.createOffer({
      interviewId: id,
      fields: { priceType: 'hourly', amount: 40, deadline: null, note: '' }
    })
    await core.handlers.decideOffer({ id: offer.id, accepted: false })
    expect((await core.handlers.getInterview({ id })).interview.status).toBe('scheduled')
  })

  it('cannot be recorded on a closed interview', async () => {
    const { core, id } = await interviewAt('no_offer')
    await expect(
      core.handlers.createOffer({ interviewId: id, fields: { priceType: 'fixed', amount: 1, deadline: null, note: '' } })
    ).rejects.toMatchObject({ code: 'CONFLICT' })
  })
})
