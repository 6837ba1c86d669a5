import type { z } from 'zod'
import {
  callMeasurementsSchema,
  callIssueSchema,
  NO_MEASUREMENTS,
  type CallIssue,
  type CallMeasurements,
  type CallRecord,
  type recordCallInputSchema
} from '../../../shared/call'
import { ApiError } from '../../../shared/errors'
import type { Channel } from '../../../shared/pipeline'
import type { Clock } from '../../../shared/time-source'
import type { Database } from '../database'
import { loadSummary } from '../pipeline/interviews'
import { newId } from '../pipeline/records'

interface CallRow {
  id: string
  interview_id: string
  started_at: string
  ended_at: string
  measurements: string
  rating: number | null
  issues: string
  rated_at: string | null
  channel: Channel
}

function toRecord(row: CallRow): CallRecord {
  const issues = callIssueSchema.array().safeParse(JSON.parse(row.issues))
  return {
    id: row.id,
    interviewId: row.interview_id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    durationSeconds: Math.max(0, Math.round((Date.parse(row.ended_at) - Date.parse(row.started_at)) / 1000)),
    channel: row.channel,
    measurements: callMeasurementsSchema.parse(JSON.parse(row.measurements)) as CallMeasurements,
    rating: row.rating,
    issues: issues.success ? issues.data : [],
    ratedAt: row.rated_at
  }
}

/**
 * Calls that took place, kept with their interview: where (Greenroom's call room or another
 * app), the measured summary and the user's rating.
 */
export function createCallsService({ db, clock }: { db: Database; clock: Clock }) {
  async function get(id: string): Promise<CallRecord> {
    const row = await db.get<CallRow>('SELECT * FROM calls WHERE id = ?', [id])
    if (!row) throw new ApiError('NOT_FOUND', 'That call is not on record')
    return toRecord(row)
  }

  return {
    async record(input: z.output<typeof recordCallInputSchema>): Promise<CallRecord> {
      await loadSummary(db, input.interviewId) // the interview must exist
      const id = newId()
      await db.run('INSERT INTO calls (id, interview_id, started_at, ended_at, measurements, channel) VALUES (?, ?, ?, ?, ?, ?)', [
        id,
        input.interviewId,
        new Date(input.startedAt).toISOString(),
        new Date(input.endedAt).toISOString(),
        JSON.stringify(input.measurements ?? NO_MEASUREMENTS),
        input.channel ?? 'builtin'
      ])
      return get(id)
    },

    async rate(id: string, rating: number, issues: CallIssue[]): Promise<CallRecord> {
      const result = await db.run('UPDATE calls SET rating = ?, issues = ?, rated_at = ? WHERE id = ?', [
        rating,
        JSON.stringify(issues),
        clock.now().toISOString(),
        id
      ])
      if (result.changes === 0) throw new ApiError('NOT_FOUND', 'That call is not on record')
      return get(id)
    },

    async list(interviewId: string): Promise<CallRecord[]> {
      await loadSummary(db, interviewId)
      const rows = await db.all<CallRow>('SELECT * FROM calls WHERE interview_id = ? ORDER BY started_at DESC', [interviewId])
      return rows.map(toRecord)
    }
  }
}

export type CallsService = ReturnType<typeof createCallsService>
