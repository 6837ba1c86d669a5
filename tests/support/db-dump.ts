import { createHash } from 'node:crypto'
import sqlite3 from 'sqlite3'

/**
 * Every row of every table of a database file, read over a connection of its own (the
 * file is in WAL mode, so this reads beside the core's connection): a fingerprint to
 * compare before and after a call that should have changed nothing.
 */
export async function databaseFingerprint(file: string): Promise<string> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => (error ? reject(error) : resolve(opened)))
  })
  const all = <T>(sql: string) =>
    new Promise<T[]>((resolve, reject) => db.all(sql, (error: Error | null, rows: T[]) => (error ? reject(error) : resolve(rows))))
  try {
    const hash = createHash('sha256')
    const tables = await all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    for (const { name } of tables) {
      hash.update(`${name}\n`)
      // Some (the search index's own) have no rowid: rows are sorted by their text instead.
      const rows = (await all<Record<string, unknown>>(`SELECT * FROM "${name}"`)).map((row) =>
        JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value))
      )
      for (const row of rows.sort()) hash.update(`${row}\n`)
    }
    return hash.digest('hex')
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()))
  }
}

/**
 * Watches a database file from a connection of its own. SQLite's data_version moves
 * whenever another connection commits, so a call that committed nothing is told apart
 * cheaply; after a commit the fingerprint says whether anything really changed.
 */
export async function watchDatabase(file: string) {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => (error ? reject(error) : resolve(opened)))
  })
  const dataVersion = () =>
    new Promise<number>((resolve, reject) =>
      db.get('PRAGMA data_version', (error: Error | null, row: { data_version: number }) =>
        error ? reject(error) : resolve(row.data_version)
      )
    )
  let seen = await dataVersion()
  return {
    /** True when someone committed since the last time this was asked. */
    async committed(): Promise<boolean> {
      const now = await dataVersion()
      const moved = now !== seen
      seen = now
      return moved
    },
    fingerprint: () => databaseFingerprint(file),
    close: () => new Promise<void>((resolve) => db.close(() => resolve()))
  }
}
