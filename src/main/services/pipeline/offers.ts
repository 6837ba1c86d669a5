import { ApiError } from '../../../shared/errors'
import { OFFER_OPEN_STATUSES, type InterviewStatus, type Offer } from '../../../shared/pipeline'
import type { Clock } from '../../../shared/time-source'
import type { Database, SqlRunner } from '../database'
import { moveInterview } from './interviews'
import { newId, toOffer, type OfferRow } from './records'

async function loadOffer(sql: SqlRunner, id: string): Promise<Offer> {
  const row = await sql.get<OfferRow>('SELECT * FROM offers WHERE id = ?', [id])
  if (!row) throw new ApiError('NOT_FOUND', 'That offer no longer exists')
  return toOffer(row)
}

async function interviewStatus(sql: SqlRunner, id: string): Promise<InterviewStatus> {
  const row = await sql.get<{ status: InterviewStatus }>('SELECT status FROM interviews WHERE id = ?', [id])
  if (!row) throw new ApiError('NOT_FOUND', 'That interview no longer exists')
  return row.status
}

/**
 * Offers and contracts. Recording one after the call (or a skipped one) moves the interview
 * to "offer"; before the call the interview keeps its status, so a booked call still rings.
 * Accepting hires from any open status; declining settles an interview that was at "offer".
 */
export function createOffersService({ db, clock }: { db: Database; clock: Clock }) {
  const now = () => clock.now().toISOString()

  return {
    async create(interviewId: string, fields: Omit<Offer, 'id' | 'interviewId' | 'status' | 'createdAt' | 'decidedAt'>): Promise<Offer> {
      return db.transaction(async (tx) => {
        const status = await interviewStatus(tx, interviewId)
        if (!OFFER_OPEN_STATUSES.includes(status)) {
          throw new ApiError('CONFLICT', 'Offers can only be recorded for interviews that are under way or done')
        }
        const at = now()
        if (status === 'done' || status === 'no_show') await moveInterview(tx, interviewId, 'offer', 'Offer received', at)
        const id = newId()
        await tx.run(
          'INSERT INTO offers (id, interview_id, price_type, amount, deadline, note, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          [id, interviewId, fields.priceType, fields.amount, fields.deadline, fields.note, 'pending', at]
        )
        return loadOffer(tx, id)
      })
    },

    async decide(id: string, accepted: boolean): Promise<Offer> {
      return db.transaction(async (tx) => {
        const offer = await loadOffer(tx, id)
        if (offer.status !== 'pending') throw new ApiError('CONFLICT', `This offer was already ${offer.status}`)
        const at = now()
        await tx.run('UPDATE offers SET status = ?, decided_at = ? WHERE id = ?', [accepted ? 'accepted' : 'declined', at, id])
        const status = await interviewStatus(tx, offer.interviewId)
        if (accepted && status !== 'hired') await moveInterview(tx, offer.interviewId, 'hired', 'Offer accepted', at)
        if (!accepted && status === 'offer') await moveInterview(tx, offer.interviewId, 'declined', 'Offer declined', at)
        return loadOffer(tx, id)
      })
    }
  }
}
