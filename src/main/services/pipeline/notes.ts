import { ApiError } from '../../../shared/errors'
import type { Note } from '../../../shared/pipeline'
import type { Clock } from '../../../shared/time-source'
import type { Database, SqlRunner } from '../database'
import { newId, toNote, type NoteRow } from './records'

async function loadNote(sql: SqlRunner, id: string): Promise<Note> {
  const row = await sql.get<NoteRow>('SELECT * FROM notes WHERE id = ?', [id])
  if (!row) throw new ApiError('NOT_FOUND', 'That note no longer exists')
  return toNote(row)
}

/** Notes on an interview; each is indexed for search as it is written. */
export function createNotesService({ db, clock }: { db: Database; clock: Clock }) {
  const now = () => clock.now().toISOString()
  return {
    async add(interviewId: string, body: string): Promise<Note> {
      return db.transaction(async (tx) => {
        if (!(await tx.get('SELECT 1 FROM interviews WHERE id = ?', [interviewId]))) {
          throw new ApiError('NOT_FOUND', 'That interview no longer exists')
        }
        const id = newId()
        const at = now()
        await tx.run('INSERT INTO notes (id, interview_id, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
          id,
          interviewId,
          body,
          at,
          at
        ])
        await tx.run('UPDATE interviews SET updated_at = ? WHERE id = ?', [at, interviewId])
        return loadNote(tx, id)
      })
    },

    async update(id: string, body: string): Promise<Note> {
      return db.transaction(async (tx) => {
        const result = await tx.run('UPDATE notes SET body = ?, updated_at = ? WHERE id = ?', [body, now(), id])
        if (result.changes === 0) throw new ApiError('NOT_FOUND', 'That note no longer exists')
        return loadNote(tx, id)
      })
    },

    async remove(id: string): Promise<void> {
      const result = await db.run('DELETE FROM notes WHERE id = ?', [id])
      if (result.changes === 0) throw new ApiError('NOT_FOUND', 'That note no longer exists')
    }
  }
}
