import type { InterviewDetail, InterviewSummary } from '../../../shared/pipeline'
import type { UpcomingCall } from '../../../shared/reminders'
import type { Settings } from '../../../shared/settings'
import type { Clock } from '../../../shared/time-source'
import type { Database } from '../database'
import { insertRedFlag } from '../pipeline/clients'
import { createInterviewsService, loadSummary, moveInterview } from '../pipeline/interviews'

/**
 * SQL: a call with interview `i` was held in Greenroom's call room (one ending no earlier
 * than half a day before the booked start), which answers the no-show question.
 */
export const CALL_HELD_SQL =
  'EXISTS (SELECT 1 FROM calls c WHERE c.interview_id = i.id AND julianday(c.ended_at) >= julianday(i.starts_at) - 0.5)'

/** Share of the prep checklist done per interview; supplied by the prep room. */
export type ReadinessSource = (interviewIds: string[]) => Promise<Map<string, number>>

/**
 * After a call's start has passed by the margin from Settings and the interview is still
 * "scheduled", Greenroom asks whether the client came, unless a call with them was held in
 * Greenroom's call room. Also lists the calls ahead.
 */
export function createShowUpService(deps: { db: Database; clock: Clock; settings: () => Promise<Settings>; readiness?: ReadinessSource }) {
  const { db, clock } = deps
  const interviews = createInterviewsService({ db, clock })
  const minutesAgo = (minutes: number) => new Date(clock.now().getTime() - minutes * 60_000).toISOString()

  return {
    async questions(): Promise<{ interview: InterviewSummary }[]> {
      const { noShowMarginMinutes } = await deps.settings()
      const rows = await db.all<{ id: string }>(
        `SELECT id FROM interviews i WHERE status = 'scheduled' AND starts_at IS NOT NULL AND julianday(starts_at) <= julianday(?)
           AND NOT ${CALL_HELD_SQL}
         ORDER BY starts_at`,
        [minutesAgo(noShowMarginMinutes)]
      )
      return Promise.all(rows.map(async (row) => ({ interview: await loadSummary(db, row.id) })))
    },

    async answer(id: string, showedUp: boolean): Promise<InterviewDetail> {
      return db.transaction(async (tx) => {
        const at = clock.now().toISOString()
        if (showedUp) {
          await moveInterview(tx, id, 'done', 'The client came to the call', at)
        } else {
          await moveInterview(tx, id, 'no_show', 'The client did not come to the call', at)
          const { clientId, schedule } = await loadSummary(tx, id)
          const when = schedule ? ` on ${schedule.startsAt.slice(0, 10)}` : ''
          await insertRedFlag(tx, clientId, 'no_show', `Did not come to the call${when}`, at)
        }
        return interviews.detail(tx, id)
      })
    },

    async upcoming(limit: number): Promise<UpcomingCall[]> {
      const rows = await db.all<{ id: string }>(
        `SELECT id FROM interviews WHERE status = 'scheduled' AND starts_at IS NOT NULL
           AND julianday(starts_at) + coalesce(duration_minutes, 0) / 1440.0 > julianday(?)
         ORDER BY starts_at LIMIT ?`,
        [clock.now().toISOString(), limit]
      )
      const readiness = deps.readiness ? await deps.readiness(rows.map((row) => row.id)) : new Map<string, number>()
      return Promise.all(rows.map(async (row) => ({ interview: await loadSummary(db, row.id), readiness: readiness.get(row.id) ?? null })))
    }
  }
}
