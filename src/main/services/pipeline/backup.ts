import { z } from 'zod'
import { BACKUP_FORMAT, BACKUP_TABLE_ORDER, BACKUP_VERSION, backupFileSchema, backupTables, type BackupFile } from '../../../shared/backup'
import { ApiError } from '../../../shared/errors'
import type { BackupSummary } from '../../../shared/backup'
import type { Clock } from '../../../shared/time-source'
import type { Database, SqlRunner, SqlValue } from '../database'

/** Everything but settings: what "delete all data" removes, children first. */
const RECORD_TABLES_CHILDREN_FIRST = BACKUP_TABLE_ORDER.filter((name) => name !== 'settings').reverse()

function describeProblem(error: z.ZodError): string {
  const issue = error.issues[0]!
  const [section, table, index, column] = issue.path
  if (section === 'data' && typeof table === 'string' && typeof index === 'number') {
    return `record ${index + 1} of “${table}”${column ? `, field “${String(column)}”` : ''}: ${issue.message}`
  }
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message
}

async function clearRecords(sql: SqlRunner): Promise<void> {
  for (const table of RECORD_TABLES_CHILDREN_FIRST) await sql.run(`DELETE FROM ${table}`)
}

function summarise(data: BackupFile['data']): BackupSummary {
  return {
    clients: data.clients.length,
    interviews: data.interviews.length,
    invitations: data.invitations.length,
    notes: data.notes.length
  }
}

/**
 * Export to one versioned JSON file and import it back. An import is checked against the
 * contract's schemas first and then applied in a single transaction, so a broken or
 * foreign file changes nothing.
 */
export function createBackupService({ db, clock, appVersion }: { db: Database; clock: Clock; appVersion: string }) {
  const service = {
    async exportAll(): Promise<string> {
      const data = await db.transaction(async (tx) => {
        const tables: Record<string, unknown[]> = {}
        for (const name of BACKUP_TABLE_ORDER) {
          const columns = Object.keys(backupTables[name].shape)
          tables[name] = await tx.all(`SELECT ${columns.join(', ')} FROM ${name} ORDER BY rowid`)
        }
        return tables
      })
      const file = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: clock.now().toISOString(), appVersion, data }
      return JSON.stringify(file, null, 1)
    },

    async importAll(text: string): Promise<BackupSummary> {
      let raw: unknown
      try {
        raw = JSON.parse(text)
      } catch {
        throw new ApiError('INVALID_INPUT', 'This file is not a Greenroom backup: it is not valid JSON. Nothing was changed.')
      }
      return service.replaceAll(service.check(raw))
    },

    /** Validates a parsed backup document, record by record, without touching the database. */
    check(raw: unknown): BackupFile['data'] {
      const header = z.object({ format: z.string(), version: z.number() }).safeParse(raw)
      if (!header.success || header.data.format !== BACKUP_FORMAT) {
        throw new ApiError('INVALID_INPUT', 'This file is not a Greenroom backup. Nothing was changed.')
      }
      if (header.data.version > BACKUP_VERSION) {
        throw new ApiError(
          'INVALID_INPUT',
          `This backup was made by a newer Greenroom (format ${header.data.version}). Update Greenroom to import it. Nothing was changed.`
        )
      }
      const parsed = backupFileSchema.safeParse(raw)
      if (!parsed.success) {
        throw new ApiError('INVALID_INPUT', `This backup is damaged (${describeProblem(parsed.error)}). Nothing was changed.`)
      }
      return parsed.data.data
    },

    /** Replaces every record with checked data in one transaction: all of it or, on any failure, none. */
    async replaceAll(data: BackupFile['data']): Promise<BackupSummary> {
      try {
        await db.transaction(async (tx) => {
          await clearRecords(tx)
          await tx.run('DELETE FROM settings')
          for (const name of BACKUP_TABLE_ORDER) {
            const columns = Object.keys(backupTables[name].shape)
            const insert = `INSERT INTO ${name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
            for (const row of data[name] as Record<string, SqlValue>[])
              await tx.run(
                insert,
                columns.map((column) => row[column] ?? null)
              )
          }
        })
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error)
        if (/FOREIGN KEY/.test(detail)) {
          throw new ApiError(
            'INVALID_INPUT',
            'This backup is inconsistent: a record refers to another that is not in the file. Nothing was changed.'
          )
        }
        if (/UNIQUE|PRIMARY KEY/.test(detail)) {
          throw new ApiError('INVALID_INPUT', 'This backup lists the same record twice. Nothing was changed.')
        }
        throw new ApiError('INVALID_INPUT', `This backup could not be imported (${detail}). Nothing was changed.`)
      }
      return summarise(data)
    },

    async deleteAllRecords(): Promise<void> {
      await db.transaction(clearRecords)
    }
  }
  return service
}

export type BackupService = ReturnType<typeof createBackupService>
