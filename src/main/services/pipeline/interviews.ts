import { z } from 'zod'
import { ApiError } from '../../../shared/errors'
import {
  canMoveInterview,
  type ClientFields,
  STATUS_LABELS,
  type InterviewDetail,
  type InterviewFields,
  type InterviewStatus,
  type InterviewSummary
} from '../../../shared/pipeline'
import type { interviewFilterSchema } from '../../../shared/pipeline'
import type { Clock } from '../../../shared/time-source'
import type { Database, SqlRunner } from '../database'
import { insertClient, loadClient, loadJob } from './clients'
import { loadProposal } from './proposals'
import {
  newId,
  toInvitation,
  toNote,
  toOffer,
  toStatusChange,
  type InvitationRow,
  type NoteRow,
  type OfferRow,
  type StatusHistoryRow
} from './records'

export type InterviewFilter = z.infer<typeof interviewFilterSchema>

interface InterviewRow {
  id: string
  client_id: string
  job_id: string | null
  proposal_id: string | null
  title: string
  scenario: InterviewFields['scenario']
  type: InterviewFields['type']
  sample_instructions: string
  sample_fee: number | null
  sample_due_at: string | null
  channel: InterviewFields['channel']
  channel_link: string
  status: InterviewStatus
  outcome_notes: string
  created_at: string
  updated_at: string
  client_name: string
  client_company: string
  client_has_red_flags: number
  client_time_zone: string | null
  starts_at: string | null
  agreed_time_zone: string | null
  duration_minutes: number | null
  job_title: string | null
  invitation_id: string | null
}

const SUMMARY_SELECT = `
  SELECT i.*, c.name AS client_name, c.company AS client_company, c.time_zone AS client_time_zone,
    EXISTS (SELECT 1 FROM client_red_flags f WHERE f.client_id = i.client_id) AS client_has_red_flags,
    j.title AS job_title,
    (SELECT v.id FROM invitations v WHERE v.interview_id = i.id) AS invitation_id
  FROM interviews i
  JOIN clients c ON c.id = i.client_id
  LEFT JOIN jobs j ON j.id = i.job_id`

function toSummary(row: InterviewRow): InterviewSummary {
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name,
    clientCompany: row.client_company,
    clientHasRedFlags: row.client_has_red_flags === 1,
    jobId: row.job_id,
    jobTitle: row.job_title,
    proposalId: row.proposal_id,
    invitationId: row.invitation_id,
    title: row.title,
    scenario: row.scenario,
    type: row.type,
    sampleTask: { instructions: row.sample_instructions, fee: row.sample_fee, dueAt: row.sample_due_at },
    channel: row.channel,
    channelLink: row.channel_link,
    status: row.status,
    schedule:
      row.starts_at && row.agreed_time_zone && row.duration_minutes
        ? { startsAt: row.starts_at, timeZone: row.agreed_time_zone, durationMinutes: row.duration_minutes }
        : null,
    clientTimeZone: row.client_time_zone,
    outcomeNotes: row.outcome_notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

export async function loadSummary(sql: SqlRunner, id: string): Promise<InterviewSummary> {
  const row = await sql.get<InterviewRow>(`${SUMMARY_SELECT} WHERE i.id = ?`, [id])
  if (!row) throw new ApiError('NOT_FOUND', 'That interview no longer exists')
  return toSummary(row)
}

/** Inserts an interview with its first history entry. */
export async function insertInterview(
  sql: SqlRunner,
  links: { clientId: string; jobId: string | null; proposalId: string | null },
  fields: InterviewFields,
  status: InterviewStatus,
  now: string
): Promise<string> {
  const id = newId()
  await sql.run(
    `INSERT INTO interviews (id, client_id, job_id, proposal_id, title, scenario, type, sample_instructions, sample_fee,
       sample_due_at, channel, channel_link, status, outcome_notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      links.clientId,
      links.jobId,
      links.proposalId,
      fields.title,
      fields.scenario,
      fields.type,
      fields.sampleTask.instructions,
      fields.sampleTask.fee,
      fields.sampleTask.dueAt,
      fields.channel,
      fields.channelLink,
      status,
      fields.outcomeNotes,
      now,
      now
    ]
  )
  await sql.run('INSERT INTO interview_status_history (interview_id, from_status, to_status, changed_at) VALUES (?, NULL, ?, ?)', [
    id,
    status,
    now
  ])
  return id
}

/** Moves an interview along its lifecycle, refusing moves the lifecycle does not allow. */
export async function moveInterview(sql: SqlRunner, id: string, to: InterviewStatus, note: string, now: string): Promise<void> {
  const row = await sql.get<{ status: InterviewStatus }>('SELECT status FROM interviews WHERE id = ?', [id])
  if (!row) throw new ApiError('NOT_FOUND', 'That interview no longer exists')
  if (!canMoveInterview(row.status, to)) {
    throw new ApiError('CONFLICT', `An interview that is “${STATUS_LABELS[row.status]}” cannot become “${STATUS_LABELS[to]}”`)
  }
  await sql.run('UPDATE interviews SET status = ?, updated_at = ? WHERE id = ?', [to, now, id])
  await sql.run('INSERT INTO interview_status_history (interview_id, from_status, to_status, changed_at, note) VALUES (?, ?, ?, ?, ?)', [
    id,
    row.status,
    to,
    now,
    note
  ])
}

/** The list query for a filter; exported so the benchmark can run the very same SQL raw. */
export function listQuery(filter: InterviewFilter): { sql: string; params: (string | number)[] } {
  const { where, params } = filterClause(filter)
  return { sql: `${SUMMARY_SELECT} ${where} ORDER BY i.updated_at DESC LIMIT ?`, params: [...params, filter.limit] }
}

function filterClause(filter: InterviewFilter): { where: string; params: (string | number)[] } {
  const conditions: string[] = []
  const params: (string | number)[] = []
  if (filter.statuses?.length) {
    conditions.push(`i.status IN (${filter.statuses.map(() => '?').join(', ')})`)
    params.push(...filter.statuses)
  }
  if (filter.clientId) {
    conditions.push('i.client_id = ?')
    params.push(filter.clientId)
  }
  if (filter.scenario) {
    conditions.push('i.scenario = ?')
    params.push(filter.scenario)
  }
  if (filter.type) {
    conditions.push('i.type = ?')
    params.push(filter.type)
  }
  if (filter.from) {
    conditions.push('i.updated_at >= ?')
    params.push(filter.from)
  }
  if (filter.to) {
    conditions.push('i.updated_at < ?')
    params.push(filter.to)
  }
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params }
}

/** Interviews: the list with its filters, one interview in full, edits and status moves. */
export function createInterviewsService({ db, clock }: { db: Database; clock: Clock }) {
  const now = () => clock.now().toISOString()

  async function detail(sql: SqlRunner, id: string): Promise<InterviewDetail> {
    const interview = await loadSummary(sql, id)
    const invitation = await sql.get<InvitationRow>('SELECT * FROM invitations WHERE interview_id = ?', [id])
    return {
      interview,
      client: await loadClient(sql, interview.clientId),
      job: interview.jobId ? await loadJob(sql, interview.jobId) : null,
      proposal: interview.proposalId ? await loadProposal(sql, interview.proposalId) : null,
      invitation: invitation ? toInvitation(invitation) : null,
      offers: (await sql.all<OfferRow>('SELECT * FROM offers WHERE interview_id = ? ORDER BY created_at', [id])).map(toOffer),
      notes: (await sql.all<NoteRow>('SELECT * FROM notes WHERE interview_id = ? ORDER BY created_at', [id])).map(toNote),
      history: (await sql.all<StatusHistoryRow>('SELECT * FROM interview_status_history WHERE interview_id = ? ORDER BY id', [id])).map(
        toStatusChange
      )
    }
  }

  return {
    async list(filter: InterviewFilter): Promise<InterviewSummary[]> {
      const { sql, params } = listQuery(filter)
      return (await db.all<InterviewRow>(sql, params)).map(toSummary)
    },

    get: (id: string) => detail(db, id),

    /** An interview that did not start from an invitation in the inbox (a direct contact, a referral). */
    async create(input: {
      client: { id: string } | { fields: ClientFields }
      jobId: string | null
      fields: InterviewFields
    }): Promise<InterviewDetail> {
      return db.transaction(async (tx) => {
        const at = now()
        const clientId = 'id' in input.client ? (await loadClient(tx, input.client.id)).id : await insertClient(tx, input.client.fields, at)
        if (input.jobId) await loadJob(tx, input.jobId)
        const id = await insertInterview(tx, { clientId, jobId: input.jobId, proposalId: null }, input.fields, 'accepted', at)
        return detail(tx, id)
      })
    },

    async update(id: string, fields: InterviewFields): Promise<InterviewDetail> {
      return db.transaction(async (tx) => {
        const result = await tx.run(
          `UPDATE interviews SET title = ?, scenario = ?, type = ?, sample_instructions = ?, sample_fee = ?, sample_due_at = ?,
             channel = ?, channel_link = ?, outcome_notes = ?, updated_at = ? WHERE id = ?`,
          [
            fields.title,
            fields.scenario,
            fields.type,
            fields.sampleTask.instructions,
            fields.sampleTask.fee,
            fields.sampleTask.dueAt,
            fields.channel,
            fields.channelLink,
            fields.outcomeNotes,
            now(),
            id
          ]
        )
        if (result.changes === 0) throw new ApiError('NOT_FOUND', 'That interview no longer exists')
        return detail(tx, id)
      })
    },

    async changeStatus(id: string, to: InterviewStatus, note: string): Promise<InterviewDetail> {
      return db.transaction(async (tx) => {
        await moveInterview(tx, id, to, note, now())
        return detail(tx, id)
      })
    },

    async remove(id: string): Promise<void> {
      const result = await db.run('DELETE FROM interviews WHERE id = ?', [id])
      if (result.changes === 0) throw new ApiError('NOT_FOUND', 'That interview no longer exists')
    },

    detail
  }
}
