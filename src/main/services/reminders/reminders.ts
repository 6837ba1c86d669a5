import type { ReminderAlert } from '../../../shared/reminders'
import type { Settings } from '../../../shared/settings'
import type { Clock } from '../../../shared/time-source'
import type { Database, SqlRunner } from '../database'
import { loadSummary } from '../pipeline/interviews'
import { planReminders, reminderKey, type ReminderKind } from './plan'
import { CALL_HELD_SQL } from './show-up'

const PLANNING_GRACE_MS = 2 * 60_000

interface ReminderRow {
  id: number
  interview_id: string
  kind: ReminderKind
  lead_minutes: number
  call_starts_at: string
  due_at: string
  state: 'pending' | 'fired' | 'missed'
}

/** What one pass of the scheduler found due. */
export interface DueReminders {
  fired: ReminderAlert[]
  missed: ReminderAlert[]
}

async function toAlert(sql: SqlRunner, row: ReminderRow, state: 'fired' | 'missed'): Promise<ReminderAlert> {
  return {
    id: row.id,
    kind: row.kind,
    leadMinutes: row.lead_minutes,
    dueAt: row.due_at,
    state,
    interview: await loadSummary(sql, row.interview_id)
  }
}

/**
 * Reminders as rows: planned from the scheduled interviews, then taken when due. A row is
 * keyed by (interview, kind, lead, call start), so planning again never duplicates one,
 * a rescheduled call gets fresh rows, and a row that rang never rings again.
 */
export function createRemindersService({ db, clock, settings }: { db: Database; clock: Clock; settings: () => Promise<Settings> }) {
  const now = () => clock.now().toISOString()

  /** Brings the pending rows in line with the scheduled calls and the lead times. */
  async function plan(): Promise<void> {
    const current = await settings()
    await db.transaction(async (tx) => {
      const at = now()
      const calls = await tx.all<{ id: string; starts_at: string }>(
        "SELECT id, starts_at FROM interviews WHERE status = 'scheduled' AND starts_at IS NOT NULL"
      )
      const wanted = new Map(
        planReminders({
          calls: calls.map((call) => ({ interviewId: call.id, startsAt: call.starts_at })),
          leadMinutes: current.reminderLeadMinutes,
          noShowMarginMinutes: current.noShowMarginMinutes,
          userZone: current.timeZone
        }).map((reminder) => [reminderKey(reminder), reminder])
      )
      const existing = await tx.all<ReminderRow>('SELECT * FROM reminders')
      const known = new Set<string>()
      for (const row of existing) {
        const key = reminderKey({
          interviewId: row.interview_id,
          kind: row.kind,
          leadMinutes: row.lead_minutes,
          callStartsAt: row.call_starts_at
        })
        known.add(key)
        if (row.state === 'pending' && !wanted.has(key)) await tx.run('DELETE FROM reminders WHERE id = ?', [row.id])
      }
      // A reminder whose time had already passed when the call was planned never rings:
      // scheduling a call for in 30 minutes does not set off its one-hour reminder. A
      // couple of minutes' grace keeps a reminder due just now.
      const tooLate = new Date(new Date(at).getTime() - PLANNING_GRACE_MS).toISOString()
      for (const [key, reminder] of wanted) {
        if (known.has(key) || reminder.dueAt < tooLate) continue
        await tx.run('INSERT INTO reminders (interview_id, kind, lead_minutes, call_starts_at, due_at) VALUES (?, ?, ?, ?, ?)', [
          reminder.interviewId,
          reminder.kind,
          reminder.leadMinutes,
          reminder.callStartsAt,
          reminder.dueAt
        ])
      }
    })
  }

  /**
   * Takes every pending reminder due by now. Those due before `missedBefore` (the app was
   * closed or the computer slept) count as missed, one per call: the latest; a missed
   * reminder for a call that has already ended is dropped silently, as the no-show
   * question covers that call.
   */
  async function takeDue(missedBefore: string): Promise<DueReminders> {
    return db.transaction(async (tx) => {
      const at = now()
      // held: a call in Greenroom's own call room already took place, so there is nothing to ask.
      const rows = await tx.all<ReminderRow & { duration_minutes: number | null; held: number }>(
        `SELECT r.*, i.duration_minutes, ${CALL_HELD_SQL} AS held
         FROM reminders r JOIN interviews i ON i.id = r.interview_id
         WHERE r.state = 'pending' AND r.due_at <= ? ORDER BY r.due_at`,
        [at]
      )
      const due: DueReminders = { fired: [], missed: [] }
      // Of several missed reminders for one call only the latest is worth showing.
      const latestMissed = new Map<string, number>()
      for (const row of rows) if (row.due_at < missedBefore && row.kind === 'before_call') latestMissed.set(row.interview_id, row.id)
      for (const row of rows) {
        const missed = row.due_at < missedBefore
        const callEnded = new Date(row.call_starts_at).getTime() + (row.duration_minutes ?? 0) * 60_000 <= new Date(at).getTime()
        const superseded = missed && row.kind === 'before_call' && latestMissed.get(row.interview_id) !== row.id
        const silent = superseded || (missed && row.kind === 'before_call' && callEnded) || (row.kind === 'no_show' && row.held === 1)
        await tx.run('UPDATE reminders SET state = ?, delivered_at = ?, seen_at = ? WHERE id = ?', [
          missed ? 'missed' : 'fired',
          at,
          silent ? at : null,
          row.id
        ])
        if (silent) continue
        due[missed ? 'missed' : 'fired'].push(await toAlert(tx, row, missed ? 'missed' : 'fired'))
      }
      return due
    })
  }

  async function nextDueAt(): Promise<string | null> {
    const row = await db.get<{ due_at: string | null }>("SELECT min(due_at) AS due_at FROM reminders WHERE state = 'pending'")
    return row?.due_at ?? null
  }

  /** Delivered reminders the app has not shown yet; taking them marks them seen. */
  async function takeAlerts(): Promise<ReminderAlert[]> {
    return db.transaction(async (tx) => {
      // A reminder about a call that is over by now is old news (the no-show question stays).
      const rows = await tx.all<ReminderRow & { state: 'fired' | 'missed' }>(
        `SELECT r.* FROM reminders r JOIN interviews i ON i.id = r.interview_id
         WHERE r.state IN ('fired', 'missed') AND r.seen_at IS NULL
           AND (r.kind = 'no_show' OR julianday(r.call_starts_at) + coalesce(i.duration_minutes, 0) / 1440.0 > julianday(?))
         ORDER BY r.due_at`,
        [now()]
      )
      await tx.run("UPDATE reminders SET seen_at = ? WHERE state IN ('fired', 'missed') AND seen_at IS NULL", [now()])
      return Promise.all(rows.map((row) => toAlert(tx, row, row.state)))
    })
  }

  return { plan, takeDue, nextDueAt, takeAlerts }
}

export type RemindersService = ReturnType<typeof createRemindersService>
