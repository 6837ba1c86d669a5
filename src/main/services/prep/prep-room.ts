import { ApiError } from '../../../shared/errors'
import {
  connectionIsFresh,
  isConnectionAutoDone,
  DEFAULT_CHECKLIST,
  defaultReadiness,
  readinessOf,
  type ReadinessCount,
  type ChecklistItem,
  type ChecklistKind,
  type ConnectionStatus,
  type PrepNotes,
  type PrepRoom,
  type Research,
  type ResearchFields
} from '../../../shared/prep'
import type { Clock } from '../../../shared/time-source'
import type { Database, SqlRunner } from '../database'
import { newId } from '../pipeline/records'
import { followUpsOf, pickedQuestions } from './questions'
import type { SampleStore } from './sample-files'
import { attachedSamples } from './samples'

interface ItemRow {
  id: string
  interview_id: string
  kind: ChecklistKind
  label: string
  why: string
  position: number
  done_at: string | null
}

interface ResearchRow {
  mission: string
  what_they_do: string
  about_notes: string
  people: string
  notes: string
  updated_at: string
}

/** Removed checklist items stay this long, so the removal can be undone, then go when the room is opened. */
const UNDO_WINDOW_MS = 24 * 3_600_000
const CHUNK = 500

async function latestPassedTest(sql: SqlRunner): Promise<{ started_at: string; verdict: 'ready' | 'usable' } | undefined> {
  return sql.get(
    "SELECT started_at, verdict FROM connection_tests WHERE verdict IN ('ready', 'usable') ORDER BY started_at DESC, id DESC LIMIT 1"
  )
}

async function requireInterview(sql: SqlRunner, interviewId: string): Promise<{ client_id: string }> {
  const row = await sql.get<{ client_id: string }>('SELECT client_id FROM interviews WHERE id = ?', [interviewId])
  if (!row) throw new ApiError('NOT_FOUND', 'That interview no longer exists')
  return row
}

/** Opens the room once: fills its checklist with the default habits. Returns whether it was new. */
async function ensureRoom(sql: SqlRunner, interviewId: string, at: string): Promise<boolean> {
  const inserted = await sql.run('INSERT OR IGNORE INTO prep_rooms (interview_id, note_id, opened_at) VALUES (?, NULL, ?)', [
    interviewId,
    at
  ])
  if (inserted.changes === 0) return false
  let position = 0
  for (const item of DEFAULT_CHECKLIST) {
    await sql.run('INSERT INTO checklist_items (id, interview_id, kind, label, why, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      newId(),
      interviewId,
      item.kind,
      item.label,
      item.why,
      position++,
      at
    ])
  }
  return true
}

async function loadResearch(sql: SqlRunner, clientId: string): Promise<Research> {
  const client = await sql.get<{ website: string }>('SELECT website FROM clients WHERE id = ?', [clientId])
  if (!client) throw new ApiError('NOT_FOUND', 'That client no longer exists')
  const row = await sql.get<ResearchRow>('SELECT * FROM client_research WHERE client_id = ?', [clientId])
  return {
    clientId,
    website: client.website,
    mission: row?.mission ?? '',
    whatTheyDo: row?.what_they_do ?? '',
    aboutNotes: row?.about_notes ?? '',
    people: row?.people ?? '',
    notes: row?.notes ?? '',
    updatedAt: row?.updated_at ?? null
  }
}

async function loadNotes(sql: SqlRunner, interviewId: string): Promise<PrepNotes> {
  const row = await sql.get<{ id: string; body: string; updated_at: string }>(
    'SELECT n.id, n.body, n.updated_at FROM prep_rooms r JOIN notes n ON n.id = r.note_id WHERE r.interview_id = ?',
    [interviewId]
  )
  return row ? { noteId: row.id, body: row.body, updatedAt: row.updated_at } : { noteId: null, body: '', updatedAt: null }
}

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = []
  for (let i = 0; i < items.length; i += CHUNK) result.push(items.slice(i, i + CHUNK))
  return result
}

/**
 * The prep room of each interview: its checklist and readiness, the client's research,
 * the prep notes (a searchable pipeline note), attached samples, picked questions and
 * follow-ups.
 */
export function createPrepService({ db, clock, store }: { db: Database; clock: Clock; store: SampleStore }) {
  const now = () => clock.now().toISOString()

  async function connectionStatus(sql: SqlRunner): Promise<ConnectionStatus> {
    const passed = await latestPassedTest(sql)
    return {
      lastPassedAt: passed?.started_at ?? null,
      lastPassedVerdict: passed?.verdict ?? null,
      fresh: connectionIsFresh(passed?.started_at ?? null, clock.now())
    }
  }

  async function room(sql: SqlRunner, interviewId: string): Promise<PrepRoom> {
    const { client_id: clientId } = await requireInterview(sql, interviewId)
    const connection = await connectionStatus(sql)
    const rows = await sql.all<ItemRow>(
      'SELECT * FROM checklist_items WHERE interview_id = ? AND removed_at IS NULL ORDER BY position, created_at',
      [interviewId]
    )
    const checklist: ChecklistItem[] = rows.map((row) => {
      const auto = isConnectionAutoDone(row.kind, connection.fresh)
      return { id: row.id, kind: row.kind, label: row.label, why: row.why, done: row.done_at !== null || auto, doneAt: row.done_at, auto }
    })
    return {
      interviewId,
      checklist,
      readiness: { interviewId, ...readinessOf(checklist, connection.fresh) },
      connection,
      research: await loadResearch(sql, clientId),
      notes: await loadNotes(sql, interviewId),
      samples: await attachedSamples(sql, store, interviewId),
      questions: await pickedQuestions(sql, interviewId),
      followUps: await followUpsOf(sql, interviewId)
    }
  }

  async function itemOwner(sql: SqlRunner, id: string, includeRemoved = false): Promise<string> {
    const row = await sql.get<{ interview_id: string }>(
      `SELECT interview_id FROM checklist_items WHERE id = ?${includeRemoved ? '' : ' AND removed_at IS NULL'}`,
      [id]
    )
    if (!row) throw new ApiError('NOT_FOUND', 'That checklist item no longer exists')
    return row.interview_id
  }

  async function readinessCounts(interviewIds: string[]): Promise<Map<string, ReadinessCount>> {
    const unique = [...new Set(interviewIds)]
    return db.transaction(async (tx) => {
      const fresh = connectionIsFresh((await latestPassedTest(tx))?.started_at ?? null, clock.now())
      const result = new Map<string, ReadinessCount>()
      for (const part of chunks(unique)) {
        const marks = part.map(() => '?').join(', ')
        const existing = await tx.all<{ id: string; opened: number }>(
          `SELECT i.id, EXISTS (SELECT 1 FROM prep_rooms r WHERE r.interview_id = i.id) AS opened FROM interviews i WHERE i.id IN (${marks})`,
          part
        )
        const items = await tx.all<{ interview_id: string; kind: ChecklistKind; done: number }>(
          `SELECT interview_id, kind, done_at IS NOT NULL AS done FROM checklist_items WHERE removed_at IS NULL AND interview_id IN (${marks})`,
          part
        )
        const byInterview = new Map<string, { kind: ChecklistKind; done: boolean }[]>()
        for (const item of items) {
          const list = byInterview.get(item.interview_id) ?? []
          list.push({ kind: item.kind, done: item.done === 1 })
          byInterview.set(item.interview_id, list)
        }
        for (const { id, opened } of existing)
          result.set(id, opened ? readinessOf(byInterview.get(id) ?? [], fresh) : defaultReadiness(fresh))
      }
      return result
    })
  }

  return {
    /**
     * Share of checklist items done (0..1) per interview, for lists and the tray. An
     * interview whose room was never opened counts its default items, the connection one
     * ticked while a test passed within 24 hours. Unknown ids are left out.
     */
    async readinessFor(interviewIds: string[]): Promise<Map<string, number>> {
      const counts = await readinessCounts(interviewIds)
      return new Map([...counts].map(([id, count]) => [id, count.share]))
    },

    readinessCounts,

    /** The checklist as labels and ticks, without opening the room (calendar files list it). */
    async checklistFor(interviewId: string): Promise<{ label: string; done: boolean }[]> {
      const fresh = (await connectionStatus(db)).fresh
      const opened = await db.get<{ one: number }>('SELECT 1 AS one FROM prep_rooms WHERE interview_id = ?', [interviewId])
      if (!opened) return DEFAULT_CHECKLIST.map((item) => ({ label: item.label, done: isConnectionAutoDone(item.kind, fresh) }))
      const rows = await db.all<ItemRow>(
        'SELECT * FROM checklist_items WHERE interview_id = ? AND removed_at IS NULL ORDER BY position, created_at',
        [interviewId]
      )
      return rows.map((row) => ({ label: row.label, done: row.done_at !== null || isConnectionAutoDone(row.kind, fresh) }))
    },

    /** The room as it stands; the first open fills the default checklist, later ones drop removals past undo. */
    async open(interviewId: string): Promise<PrepRoom> {
      return db.transaction(async (tx) => {
        await requireInterview(tx, interviewId)
        const at = now()
        if (!(await ensureRoom(tx, interviewId, at))) {
          const cutoff = new Date(clock.now().getTime() - UNDO_WINDOW_MS).toISOString()
          await tx.run('DELETE FROM checklist_items WHERE interview_id = ? AND removed_at IS NOT NULL AND removed_at < ?', [
            interviewId,
            cutoff
          ])
        }
        return room(tx, interviewId)
      })
    },

    /** The room without opening it (after a change elsewhere). */
    get: (interviewId: string) => db.transaction((tx) => room(tx, interviewId)),

    /**
     * Share of checklist items done (0..1) per interview, for lists and the tray. An
     * interview whose room was never opened counts its default items, the connection one
     * ticked while a test passed within 24 hours. Unknown ids are left out.
     */
    async addItem(interviewId: string, fields: { label: string; why: string }): Promise<PrepRoom> {
      return db.transaction(async (tx) => {
        await requireInterview(tx, interviewId)
        const at = now()
        await ensureRoom(tx, interviewId, at)
        const last = await tx.get<{ position: number | null }>(
          'SELECT MAX(position) AS position FROM checklist_items WHERE interview_id = ?',
          [interviewId]
        )
        await tx.run(
          'INSERT INTO checklist_items (id, interview_id, kind, label, why, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          [newId(), interviewId, 'custom', fields.label, fields.why, (last?.position ?? -1) + 1, at]
        )
        return room(tx, interviewId)
      })
    },

    async setDone(id: string, done: boolean): Promise<PrepRoom> {
      return db.transaction(async (tx) => {
        const interviewId = await itemOwner(tx, id)
        await tx.run('UPDATE checklist_items SET done_at = ? WHERE id = ?', [done ? now() : null, id])
        return room(tx, interviewId)
      })
    },

    async removeItem(id: string): Promise<PrepRoom> {
      return db.transaction(async (tx) => {
        const interviewId = await itemOwner(tx, id)
        await tx.run('UPDATE checklist_items SET removed_at = ? WHERE id = ?', [now(), id])
        return room(tx, interviewId)
      })
    },

    async restoreItem(id: string): Promise<PrepRoom> {
      return db.transaction(async (tx) => {
        const interviewId = await itemOwner(tx, id, true)
        await tx.run('UPDATE checklist_items SET removed_at = NULL WHERE id = ?', [id])
        return room(tx, interviewId)
      })
    },

    async reorder(interviewId: string, ids: string[]): Promise<PrepRoom> {
      return db.transaction(async (tx) => {
        await requireInterview(tx, interviewId)
        const current = (
          await tx.all<{ id: string }>('SELECT id FROM checklist_items WHERE interview_id = ? AND removed_at IS NULL', [interviewId])
        ).map((row) => row.id)
        const same = ids.length === current.length && new Set(ids).size === ids.length && ids.every((id) => current.includes(id))
        if (!same) throw new ApiError('CONFLICT', 'The checklist changed in the meantime. Nothing was moved; try again.')
        for (const [position, id] of ids.entries()) await tx.run('UPDATE checklist_items SET position = ? WHERE id = ?', [position, id])
        return room(tx, interviewId)
      })
    },

    /** Saves the client's research; the website is the client's own field, kept in step. */
    async saveResearch(clientId: string, fields: ResearchFields): Promise<Research> {
      return db.transaction(async (tx) => {
        const at = now()
        const result = await tx.run('UPDATE clients SET website = ?, updated_at = ? WHERE id = ?', [fields.website, at, clientId])
        if (result.changes === 0) throw new ApiError('NOT_FOUND', 'That client no longer exists')
        await tx.run(
          `INSERT INTO client_research (client_id, mission, what_they_do, about_notes, people, notes, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (client_id) DO UPDATE SET mission = excluded.mission, what_they_do = excluded.what_they_do,
             about_notes = excluded.about_notes, people = excluded.people, notes = excluded.notes, updated_at = excluded.updated_at`,
          [clientId, fields.mission, fields.whatTheyDo, fields.aboutNotes, fields.people, fields.notes, at]
        )
        return loadResearch(tx, clientId)
      })
    },

    /** Writes the prep notes into their pipeline note (made on the first word), indexed for search. */
    async saveNotes(interviewId: string, body: string): Promise<PrepNotes> {
      return db.transaction(async (tx) => {
        await requireInterview(tx, interviewId)
        const at = now()
        await ensureRoom(tx, interviewId, at)
        const current = await loadNotes(tx, interviewId)
        if (current.noteId) {
          if (current.body !== body) await tx.run('UPDATE notes SET body = ?, updated_at = ? WHERE id = ?', [body, at, current.noteId])
        } else if (body.length > 0) {
          const id = newId()
          await tx.run('INSERT INTO notes (id, interview_id, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
            id,
            interviewId,
            body,
            at,
            at
          ])
          await tx.run('UPDATE prep_rooms SET note_id = ? WHERE interview_id = ?', [id, interviewId])
        }
        return loadNotes(tx, interviewId)
      })
    },

    room: (sql: SqlRunner, interviewId: string) => room(sql, interviewId)
  }
}

export type PrepService = ReturnType<typeof createPrepService>
