import { ApiError } from '../../../shared/errors'
import type { Proposal, Terms } from '../../../shared/pipeline'
import type { Clock } from '../../../shared/time-source'
import type { Database, SqlRunner } from '../database'
import { newId, toProposal, type ProposalRow, type TermsHistoryRow } from './records'

export async function loadProposal(sql: SqlRunner, id: string): Promise<Proposal> {
  const row = await sql.get<ProposalRow>('SELECT p.*, j.client_id FROM proposals p JOIN jobs j ON j.id = p.job_id WHERE p.id = ?', [id])
  if (!row) throw new ApiError('NOT_FOUND', 'That proposal no longer exists')
  const history = await sql.all<TermsHistoryRow>('SELECT * FROM proposal_terms_history WHERE proposal_id = ? ORDER BY id', [id])
  return toProposal(row, history)
}

export async function insertProposal(
  sql: SqlRunner,
  input: { jobId: string; coverLetter: string; terms: Terms; attachments: Proposal['attachments']; submittedAt: string }
): Promise<string> {
  const id = newId()
  await sql.run(
    `INSERT INTO proposals (id, job_id, cover_letter, bid_type, amount, estimated_duration, attachments, submitted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      input.jobId,
      input.coverLetter,
      input.terms.bidType,
      input.terms.amount,
      input.terms.estimatedDuration,
      JSON.stringify(input.attachments),
      input.submittedAt
    ]
  )
  await recordTerms(sql, id, input.terms, input.submittedAt)
  return id
}

async function recordTerms(sql: SqlRunner, proposalId: string, terms: Terms, at: string): Promise<void> {
  await sql.run(
    'INSERT INTO proposal_terms_history (proposal_id, bid_type, amount, estimated_duration, changed_at) VALUES (?, ?, ?, ?, ?)',
    [proposalId, terms.bidType, terms.amount, terms.estimatedDuration, at]
  )
}

/**
 * What the freelancer sent. Terms may change at any time and every version is kept; the
 * cover letter is frozen once the client has viewed it.
 */
export function createProposalsService({ db, clock }: { db: Database; clock: Clock }) {
  const now = () => clock.now().toISOString()

  return {
    get: (id: string) => loadProposal(db, id),

    async create(input: {
      interviewId: string
      coverLetter: string
      terms: Terms
      attachments: Proposal['attachments']
    }): Promise<Proposal> {
      return db.transaction(async (tx) => {
        const interview = await tx.get<{ job_id: string | null; proposal_id: string | null }>(
          'SELECT job_id, proposal_id FROM interviews WHERE id = ?',
          [input.interviewId]
        )
        if (!interview) throw new ApiError('NOT_FOUND', 'That interview no longer exists')
        if (!interview.job_id) throw new ApiError('CONFLICT', 'Add the job post to this interview before recording a proposal')
        if (interview.proposal_id) throw new ApiError('CONFLICT', 'This interview already has a proposal: update its terms instead')
        const id = await insertProposal(tx, { ...input, jobId: interview.job_id, submittedAt: now() })
        await tx.run('UPDATE interviews SET proposal_id = ?, updated_at = ? WHERE id = ?', [id, now(), input.interviewId])
        return loadProposal(tx, id)
      })
    },

    async updateTerms(id: string, terms: Terms): Promise<Proposal> {
      return db.transaction(async (tx) => {
        const current = await loadProposal(tx, id)
        const same =
          current.terms.bidType === terms.bidType &&
          current.terms.amount === terms.amount &&
          current.terms.estimatedDuration === terms.estimatedDuration
        if (same) return current
        await tx.run('UPDATE proposals SET bid_type = ?, amount = ?, estimated_duration = ? WHERE id = ?', [
          terms.bidType,
          terms.amount,
          terms.estimatedDuration,
          id
        ])
        await recordTerms(tx, id, terms, now())
        return loadProposal(tx, id)
      })
    },

    async updateCoverLetter(id: string, coverLetter: string): Promise<Proposal> {
      return db.transaction(async (tx) => {
        const current = await loadProposal(tx, id)
        if (current.viewedAt) {
          throw new ApiError('CONFLICT', 'The client has already viewed this cover letter, so it can no longer be changed')
        }
        await tx.run('UPDATE proposals SET cover_letter = ? WHERE id = ?', [coverLetter, id])
        return loadProposal(tx, id)
      })
    },

    /** Attachments are references (a link or a file name), never copies of files. */
    async updateAttachments(id: string, attachments: Proposal['attachments']): Promise<Proposal> {
      return db.transaction(async (tx) => {
        await loadProposal(tx, id)
        await tx.run('UPDATE proposals SET attachments = ? WHERE id = ?', [JSON.stringify(attachments), id])
        return loadProposal(tx, id)
      })
    },

    async markViewed(id: string): Promise<Proposal> {
      return db.transaction(async (tx) => {
        const current = await loadProposal(tx, id)
        if (current.viewedAt) return current
        await tx.run('UPDATE proposals SET viewed_at = ? WHERE id = ?', [now(), id])
        return loadProposal(tx, id)
      })
    }
  }
}
