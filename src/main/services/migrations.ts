import type { Database } from './database'

export interface Migration {
  /** 1, 2, 3 … in order, never renumbered once released. */
  version: number
  name: string
  sql: string
  /**
   * The step rebuilds a table (SQLite cannot change a CHECK constraint in place). It then
   * runs with foreign keys off, as SQLite's own procedure asks, so dropping the old table
   * cascades nothing; the keys are checked before the step commits.
   */
  rebuildsTables?: true
}

export class BrokenForeignKeysError extends Error {
  constructor(migration: string, count: number) {
    super(`Migration "${migration}" would leave ${count} broken references, so it was not applied`)
    this.name = 'BrokenForeignKeysError'
  }
}

export interface MigrationResult {
  from: number
  to: number
  /** Copy of the database taken before the first migration ran, if any ran on existing data. */
  backupFile: string | null
}

export class DatabaseTooNewError extends Error {
  constructor(found: number, known: number) {
    super(
      `This database was written by a newer Greenroom (schema ${found}; this version knows up to ${known}). ` +
        'Update Greenroom to open it.'
    )
    this.name = 'DatabaseTooNewError'
  }
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration "${migration.name}" should be number ${index + 1}, not ${migration.version}`)
    }
  })
}

function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}

/**
 * Brings the schema up to date. Each step runs in its own transaction together with the
 * `user_version` bump, so a failing step leaves the database at the previous version.
 */
export async function migrate(
  db: Database,
  migrations: readonly Migration[],
  backupFileFor: (fromVersion: number) => string
): Promise<MigrationResult> {
  assertOrdered(migrations)
  const latest = migrations.length
  const row = await db.get<{ user_version: number }>('PRAGMA user_version')
  const from = row?.user_version ?? 0
  if (from > latest) throw new DatabaseTooNewError(from, latest)
  if (from === latest) return { from, to: from, backupFile: null }

  let backupFile: string | null = null
  if (from > 0 && db.file !== ':memory:') {
    backupFile = backupFileFor(from)
    // VACUUM INTO writes a consistent copy that includes what is still in the WAL.
    await db.exec(`VACUUM INTO ${sqlString(backupFile)}`)
  }

  for (const migration of migrations.slice(from)) {
    // PRAGMA foreign_keys has no effect inside a transaction, so it is set around it.
    if (migration.rebuildsTables) await db.exec('PRAGMA foreign_keys = OFF')
    try {
      await db.transaction(async (tx) => {
        await tx.exec(migration.sql)
        if (migration.rebuildsTables) {
          const broken = await tx.all('PRAGMA foreign_key_check')
          if (broken.length > 0) throw new BrokenForeignKeysError(migration.name, broken.length)
        }
        await tx.exec(`PRAGMA user_version = ${migration.version}`)
      })
    } finally {
      if (migration.rebuildsTables) await db.exec('PRAGMA foreign_keys = ON')
    }
  }
  return { from, to: latest, backupFile }
}
