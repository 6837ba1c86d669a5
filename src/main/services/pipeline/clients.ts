import type { Client, ClientFields, Job, JobFields } from '../../../shared/pipeline'
import { ApiError } from '../../../shared/errors'
import type { Clock } from '../../../shared/time-source'
import type { Database, SqlRunner } from '../database'
import { newId, toClient, toJob, type ClientRow, type JobRow, type RedFlagRow } from './records'

export async function loadClient(sql: SqlRunner, id: string): Promise<Client> {
  const row = await sql.get<ClientRow>('SELECT * FROM clients WHERE id = ?', [id])
  if (!row) throw new ApiError('NOT_FOUND', 'That client no longer exists')
  const flags = await sql.all<RedFlagRow>('SELECT * FROM client_red_flags WHERE client_id = ? ORDER BY created_at', [id])
  return toClient(row, flags)
}

export async function loadJob(sql: SqlRunner, id: string): Promise<Job> {
  const row = await sql.get<JobRow>('SELECT * FROM jobs WHERE id = ?', [id])
  if (!row) throw new ApiError('NOT_FOUND', 'That job post no longer exists')
  return toJob(row)
}

/** The hours as stored, or null when the fields leave them out. */
function workingHoursText(fields: ClientFields): string | null {
  return fields.workingHours ? JSON.stringify(fields.workingHours) : null
}

export async function insertClient(sql: SqlRunner, fields: ClientFields, now: string): Promise<string> {
  const id = newId()
  await sql.run(
    `INSERT INTO clients (id, name, company, website, time_zone, country, notes, working_hours, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, fields.name, fields.company, fields.website, fields.timeZone, fields.country, fields.notes, workingHoursText(fields), now, now]
  )
  return id
}

export async function insertJob(sql: SqlRunner, clientId: string, fields: JobFields, now: string): Promise<string> {
  const id = newId()
  await sql.run(
    `INSERT INTO jobs (id, client_id, title, description, url, budget_type, budget, skills, posted_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      clientId,
      fields.title,
      fields.description,
      fields.url,
      fields.budgetType,
      fields.budget,
      JSON.stringify(fields.skills),
      fields.postedAt,
      now
    ]
  )
  return id
}

/** Clients and their job posts. */
export async function insertRedFlag(sql: SqlRunner, clientId: string, kind: 'no_show' | 'other', note: string, now: string): Promise<void> {
  await sql.run('INSERT INTO client_red_flags (id, client_id, kind, note, created_at) VALUES (?, ?, ?, ?, ?)', [
    newId(),
    clientId,
    kind,
    note,
    now
  ])
}

export function createClientsService({ db, clock }: { db: Database; clock: Clock }) {
  const now = () => clock.now().toISOString()

  return {
    async list(): Promise<Client[]> {
      const rows = await db.all<ClientRow>('SELECT * FROM clients ORDER BY name COLLATE NOCASE')
      const flags = await db.all<RedFlagRow>('SELECT * FROM client_red_flags ORDER BY created_at')
      return rows.map((row) =>
        toClient(
          row,
          flags.filter((flag) => flag.client_id === row.id)
        )
      )
    },

    get: (id: string) => loadClient(db, id),

    async create(fields: ClientFields): Promise<Client> {
      return db.transaction(async (tx) => loadClient(tx, await insertClient(tx, fields, now())))
    },

    async update(id: string, fields: ClientFields): Promise<Client> {
      return db.transaction(async (tx) => {
        const result = await tx.run(
          `UPDATE clients SET name = ?, company = ?, website = ?, time_zone = ?, country = ?, notes = ?,
             working_hours = COALESCE(?, working_hours), updated_at = ?
           WHERE id = ?`,
          [fields.name, fields.company, fields.website, fields.timeZone, fields.country, fields.notes, workingHoursText(fields), now(), id]
        )
        if (result.changes === 0) throw new ApiError('NOT_FOUND', 'That client no longer exists')
        return loadClient(tx, id)
      })
    },

    async addRedFlag(id: string, kind: 'no_show' | 'other', note: string): Promise<Client> {
      return db.transaction(async (tx) => {
        await loadClient(tx, id)
        await insertRedFlag(tx, id, kind, note, now())
        return loadClient(tx, id)
      })
    },

    async updateJob(id: string, fields: JobFields): Promise<Job> {
      return db.transaction(async (tx) => {
        const result = await tx.run(
          `UPDATE jobs SET title = ?, description = ?, url = ?, budget_type = ?, budget = ?, skills = ?, posted_at = ? WHERE id = ?`,
          [
            fields.title,
            fields.description,
            fields.url,
            fields.budgetType,
            fields.budget,
            JSON.stringify(fields.skills),
            fields.postedAt,
            id
          ]
        )
        if (result.changes === 0) throw new ApiError('NOT_FOUND', 'That job post no longer exists')
        return loadJob(tx, id)
      })
    }
  }
}
