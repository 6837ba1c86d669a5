import { DateTime } from 'luxon'
import type { Dashboard } from '../../../shared/pipeline'
import type { Clock } from '../../../shared/time-source'
import type { Database } from '../database'

const DAY_MS = 24 * 60 * 60 * 1000

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * The figures marketplaces judge a freelancer by. An invitation counts as answered when
 * it was accepted or declined (archiving sends the client nothing); the response rate is
 * the share answered within 24 hours, among those that had their 24 hours.
 */
export function createStatsService({ db, clock }: { db: Database; clock: Clock }) {
  return {
    async dashboard(range: { from: string; to: string; timeZone: string }): Promise<Dashboard> {
      const now = clock.now().getTime()
      const invitations = await db.all<{ status: string; received_at: string; responded_at: string | null }>(
        'SELECT status, received_at, responded_at FROM invitations WHERE received_at >= ? AND received_at < ?',
        [range.from, range.to]
      )
      const delays: number[] = []
      let eligible = 0
      let answeredInDay = 0
      const weeks = new Map<string, { invitations: number; answeredWithin24h: number }>()
      for (const invitation of invitations) {
        const received = Date.parse(invitation.received_at)
        const answered = (invitation.status === 'accepted' || invitation.status === 'declined') && invitation.responded_at
        const delay = answered ? Date.parse(invitation.responded_at!) - received : null
        if (delay !== null) delays.push(delay / 60_000)
        const inDay = delay !== null && delay <= DAY_MS
        if (inDay || now - received >= DAY_MS) eligible++
        if (inDay) answeredInDay++
        const week = DateTime.fromMillis(received, { zone: range.timeZone }).startOf('week').toISODate()!
        const bucket = weeks.get(week) ?? { invitations: 0, answeredWithin24h: 0 }
        bucket.invitations++
        if (inDay) bucket.answeredWithin24h++
        weeks.set(week, bucket)
      }

      const count = async (sql: string): Promise<number> => (await db.get<{ n: number }>(sql, [range.from, range.to]))?.n ?? 0
      const interviews = await count('SELECT count(*) AS n FROM interviews WHERE created_at >= ? AND created_at < ?')
      const offers = await count(
        `SELECT count(DISTINCT interview_id) AS n FROM interview_status_history
         WHERE to_status IN ('offer', 'hired') AND changed_at >= ? AND changed_at < ?`
      )
      const hires = await count(
        "SELECT count(DISTINCT interview_id) AS n FROM interview_status_history WHERE to_status = 'hired' AND changed_at >= ? AND changed_at < ?"
      )
      const noShows = await count(
        "SELECT count(*) AS n FROM interview_status_history WHERE to_status = 'no_show' AND changed_at >= ? AND changed_at < ?"
      )

      return {
        responseRate: eligible === 0 ? null : answeredInDay / eligible,
        answeredWithin24h: answeredInDay,
        eligibleInvitations: eligible,
        medianResponseMinutes: median(delays),
        funnel: { invitations: invitations.length, interviews, offers, hires },
        noShows,
        weekly: [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([weekStart, bucket]) => ({ weekStart, ...bucket }))
      }
    }
  }
}
