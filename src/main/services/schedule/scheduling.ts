import { ApiError } from '../../../shared/errors'
import { isSchedulable, STATUS_LABELS, type InterviewDetail, type InterviewStatus } from '../../../shared/pipeline'
import { offerSlots, overlapping, withinWorkingHours, type BusySlot, type OfferedSlot, type Slot } from '../../../shared/schedule'
import type { Settings } from '../../../shared/settings'
import type { Clock } from '../../../shared/time-source'
import type { Database, SqlRunner } from '../database'
import { loadClient } from '../pipeline/clients'
import { createInterviewsService, moveInterview } from '../pipeline/interviews'

export interface ScheduleHistoryEntry {
  action: 'scheduled' | 'rescheduled' | 'cancelled'
  startsAt: string | null
  previousStartsAt: string | null
  timeZone: string | null
  durationMinutes: number | null
  changedAt: string
  note: string
}

export interface SlotCheck {
  outsideWorkingHours: boolean
  conflicts: { id: string; title: string; start: string; durationMinutes: number }[]
}

async function busySlots(sql: SqlRunner, excludeId: string | null): Promise<(BusySlot & { title: string })[]> {
  const rows = await sql.all<{ id: string; title: string; starts_at: string; duration_minutes: number }>(
    "SELECT id, title, starts_at, duration_minutes FROM interviews WHERE status = 'scheduled' AND starts_at IS NOT NULL AND id IS NOT ?",
    [excludeId]
  )
  return rows.map((row) => ({ id: row.id, title: row.title, start: row.starts_at, durationMinutes: row.duration_minutes }))
}

/**
 * Putting interviews on the calendar: a UTC instant with the zone it was agreed in and a
 * fixed length. Scheduling moves an accepted interview to "scheduled"; moving the time
 * again or cancelling keeps a history line each time.
 */
export function createSchedulingService({ db, clock, settings }: { db: Database; clock: Clock; settings: () => Promise<Settings> }) {
  const interviews = createInterviewsService({ db, clock })
  const now = () => clock.now().toISOString()

  async function check(slot: Slot, excludeId: string | null): Promise<SlotCheck> {
    const current = await settings()
    const busy = await busySlots(db, excludeId)
    const conflicts = overlapping(slot, busy, current.bufferMinutes) as (BusySlot & { title: string })[]
    return {
      outsideWorkingHours: !withinWorkingHours(slot, current.workingHours, current.timeZone),
      conflicts: conflicts.map((conflict) => ({
        id: conflict.id,
        title: conflict.title,
        start: conflict.start,
        durationMinutes: conflict.durationMinutes
      }))
    }
  }

  return {
    check,

    async schedule(
      id: string,
      input: { startsAt: string; timeZone: string; durationMinutes: number; note: string }
    ): Promise<InterviewDetail> {
      return db.transaction(async (tx) => {
        const row = await tx.get<{ status: InterviewStatus }>('SELECT status FROM interviews WHERE id = ?', [id])
        if (!row) throw new ApiError('NOT_FOUND', 'That interview no longer exists')
        const at = now()
        let action: 'scheduled' | 'rescheduled'
        if (row.status === 'scheduled') action = 'rescheduled'
        else if (isSchedulable(row.status)) {
          await moveInterview(tx, id, 'scheduled', input.note, at)
          action = 'scheduled'
        } else {
          throw new ApiError('CONFLICT', `An interview that is “${STATUS_LABELS[row.status]}” cannot be scheduled`)
        }
        await tx.run('UPDATE interviews SET starts_at = ?, agreed_time_zone = ?, duration_minutes = ?, updated_at = ? WHERE id = ?', [
          input.startsAt,
          input.timeZone,
          input.durationMinutes,
          at,
          id
        ])
        await tx.run(
          'INSERT INTO schedule_history (interview_id, action, starts_at, agreed_time_zone, duration_minutes, changed_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
          [id, action, input.startsAt, input.timeZone, input.durationMinutes, at, input.note]
        )
        return interviews.detail(tx, id)
      })
    },

    async cancel(id: string, note: string): Promise<InterviewDetail> {
      return db.transaction(async (tx) => {
        const at = now()
        await moveInterview(tx, id, 'accepted', note || 'Call cancelled', at)
        await tx.run(
          'UPDATE interviews SET starts_at = NULL, agreed_time_zone = NULL, duration_minutes = NULL, updated_at = ? WHERE id = ?',
          [at, id]
        )
        await tx.run("INSERT INTO schedule_history (interview_id, action, changed_at, note) VALUES (?, 'cancelled', ?, ?)", [id, at, note])
        return interviews.detail(tx, id)
      })
    },

    /** Times to offer for an interview: in both working days when its client's zone is known. */
    async suggest(input: {
      durationMinutes: number
      days: number
      excludeId: string | null
    }): Promise<{ overlap: boolean; slots: OfferedSlot[] }> {
      const current = await settings()
      let client: { zone: string; workingHours: Settings['workingHours'] } | null = null
      if (input.excludeId) {
        const row = await db.get<{ client_id: string }>('SELECT client_id FROM interviews WHERE id = ?', [input.excludeId])
        if (!row) throw new ApiError('NOT_FOUND', 'That interview no longer exists')
        const found = await loadClient(db, row.client_id)
        if (found.timeZone) client = { zone: found.timeZone, workingHours: found.workingHours }
      }
      return offerSlots({
        now: now(),
        days: input.days,
        durationMinutes: input.durationMinutes,
        workingHours: current.workingHours,
        userZone: current.timeZone,
        client,
        busy: await busySlots(db, input.excludeId),
        bufferMinutes: current.bufferMinutes,
        limit: 12
      })
    },

    async history(id: string): Promise<ScheduleHistoryEntry[]> {
      const rows = await db.all<{
        action: ScheduleHistoryEntry['action']
        starts_at: string | null
        agreed_time_zone: string | null
        duration_minutes: number | null
        changed_at: string
        note: string
      }>(
        'SELECT action, starts_at, agreed_time_zone, duration_minutes, changed_at, note FROM schedule_history WHERE interview_id = ? ORDER BY id',
        [id]
      )
      let previous: string | null = null
      return rows.map((row) => {
        const entry = {
          action: row.action,
          startsAt: row.starts_at,
          previousStartsAt: previous,
          timeZone: row.agreed_time_zone,
          durationMinutes: row.duration_minutes,
          changedAt: row.changed_at,
          note: row.note
        }
        previous = row.starts_at
        return entry
      })
    }
  }
}
