import { ApiError } from '../../../shared/errors'
import {
  defaultInterviewFields,
  type ClientFields,
  type DeclineReason,
  type Invitation,
  type JobFields,
  type Terms
} from '../../../shared/pipeline'
import type { InboxItem } from '../../../shared/pipeline'
import type { Clock } from '../../../shared/time-source'
import type { Database, SqlRunner } from '../database'
import { insertClient, insertJob, loadClient, loadJob } from './clients'
import { insertInterview } from './interviews'
import { insertProposal } from './proposals'
import { newId, toInvitation, type InvitationRow } from './records'

async function loadInvitation(sql: SqlRunner, id: string): Promise<Invitation> {
  const row = await sql.get<InvitationRow>('SELECT * FROM invitations WHERE id = ?', [id])
  if (!row) throw new ApiError('NOT_FOUND', 'That invitation no longer exists')
  return toInvitation(row)
}

const ANSWERED: Record<Exclude<Invitation['status'], 'pending'>, string> = {
  accepted: 'was already accepted',
  declined: 'was already declined',
  archived: 'was archived'
}

/** Refuses to answer an invitation twice; only a pending one can be accepted, declined or archived. */
function assertPending(invitation: Invitation, action: string): void {
  if (invitation.status !== 'pending') {
    throw new ApiError('CONFLICT', `This invitation ${ANSWERED[invitation.status]}, so it can no longer be ${action}`)
  }
}

/** Interview invitations: the inbox and its three answers, each timed from arrival. */
export function createInvitationsService({ db, clock }: { db: Database; clock: Clock }) {
  const now = () => clock.now().toISOString()

  async function inboxItem(sql: SqlRunner, invitation: Invitation): Promise<InboxItem> {
    return { invitation, client: await loadClient(sql, invitation.clientId), job: await loadJob(sql, invitation.jobId) }
  }

  return {
    async list(statuses: Invitation['status'][]): Promise<InboxItem[]> {
      const rows = await db.all<InvitationRow>(
        `SELECT * FROM invitations WHERE status IN (${statuses.map(() => '?').join(', ')})
         ORDER BY CASE status WHEN 'pending' THEN 0 ELSE 1 END, CASE WHEN status = 'pending' THEN received_at END ASC, responded_at DESC`,
        statuses
      )
      const items: InboxItem[] = []
      for (const row of rows) items.push(await inboxItem(db, toInvitation(row)))
      return items
    },

    async create(input: {
      client: { id: string } | { fields: ClientFields }
      job: JobFields
      message: string
      receivedAt: string | null
    }): Promise<InboxItem> {
      return db.transaction(async (tx) => {
        const at = now()
        const clientId = 'id' in input.client ? (await loadClient(tx, input.client.id)).id : await insertClient(tx, input.client.fields, at)
        const jobId = await insertJob(tx, clientId, input.job, at)
        const id = newId()
        await tx.run('INSERT INTO invitations (id, client_id, job_id, message, received_at, status) VALUES (?, ?, ?, ?, ?, ?)', [
          id,
          clientId,
          jobId,
          input.message,
          input.receivedAt ?? at,
          'pending'
        ])
        return inboxItem(tx, await loadInvitation(tx, id))
      })
    },

    /** Accepting creates the interview (and the proposal, when terms were proposed) in the same step. */
    async accept(id: string, message: string, terms: Terms | null): Promise<InboxItem> {
      return db.transaction(async (tx) => {
        const invitation = await loadInvitation(tx, id)
        assertPending(invitation, 'accepted')
        const at = now()
        const job = await loadJob(tx, invitation.jobId)
        const proposalId = terms
          ? await insertProposal(tx, { jobId: job.id, coverLetter: message, terms, attachments: [], submittedAt: at })
          : null
        const interviewId = await insertInterview(
          tx,
          { clientId: invitation.clientId, jobId: job.id, proposalId },
          defaultInterviewFields(job.title),
          'accepted',
          at
        )
        await tx.run("UPDATE invitations SET status = 'accepted', responded_at = ?, accept_message = ?, interview_id = ? WHERE id = ?", [
          at,
          message,
          interviewId,
          id
        ])
        return inboxItem(tx, await loadInvitation(tx, id))
      })
    },

    async decline(id: string, reasons: DeclineReason[], note: string): Promise<InboxItem> {
      return db.transaction(async (tx) => {
        assertPending(await loadInvitation(tx, id), 'declined')
        await tx.run("UPDATE invitations SET status = 'declined', responded_at = ?, decline_reasons = ?, decline_note = ? WHERE id = ?", [
          now(),
          JSON.stringify(reasons),
          note,
          id
        ])
        return inboxItem(tx, await loadInvitation(tx, id))
      })
    },

    async archive(id: string): Promise<InboxItem> {
      return db.transaction(async (tx) => {
        assertPending(await loadInvitation(tx, id), 'archived')
        await tx.run("UPDATE invitations SET status = 'archived', responded_at = ? WHERE id = ?", [now(), id])
        return inboxItem(tx, await loadInvitation(tx, id))
      })
    }
  }
}
