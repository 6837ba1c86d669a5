import sqlite3 from 'sqlite3'
import { access } from 'node:fs/promises'

export type SqlValue = string | number | bigint | Buffer | null
export type SqlParams = SqlValue[] | Record<string, SqlValue>

/** The statements a service may run; a transaction hands out the same surface. */
export interface SqlRunner {
  run(sql: string, params?: SqlParams): Promise<{ changes: number; lastID: number }>
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>
  all<T>(sql: string, params?: SqlParams): Promise<T[]>
  exec(sql: string): Promise<void>
}

export interface Database extends SqlRunner {
  readonly file: string
  /** Runs `work` inside BEGIN IMMEDIATE … COMMIT; any throw rolls everything back. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** The file is not a healthy SQLite database; it has been left exactly as it was. */
export class DatabaseCorruptError extends Error {
  constructor(
    readonly file: string,
    detail: string
  ) {
    super(
      `The database at ${file} is damaged (${detail}). Greenroom left the file untouched: ` +
        'restore a backup copy from the same folder, or move the file away to start fresh.'
    )
    this.name = 'DatabaseCorruptError'
  }
}

function runnerFor(raw: sqlite3.Database): SqlRunner {
  return {
    run: (sql, params = []) =>
      new Promise((resolve, reject) => {
        raw.run(sql, params, function (this: sqlite3.RunResult, error: Error | null) {
          if (error) reject(error)
          else resolve({ changes: this.changes, lastID: this.lastID })
        })
      }),
    get: <T>(sql: string, params: SqlParams = []) =>
      new Promise<T | undefined>((resolve, reject) => {
        raw.get(sql, params, (error: Error | null, row: T | undefined) =>
          error ? reject(error) : resolve(row)
        )
      }),
    all: <T>(sql: string, params: SqlParams = []) =>
      new Promise<T[]>((resolve, reject) => {
        raw.all(sql, params, (error: Error | null, rows: T[]) => (error ? reject(error) : resolve(rows)))
      }),
    exec: (sql) =>
      new Promise((resolve, reject) => {
        raw.exec(sql, (error: Error | null) => (error ? reject(error) : resolve()))
      })
  }
}

/**
 * One connection serves the whole app, so statements are queued: while a transaction
 * runs, nothing from outside it can slip in between its statements.
 */
class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task)
    this.tail = result.catch(() => undefined)
    return result
  }
}

function openRaw(file: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const raw = new sqlite3.Database(file, mode, (error) => (error ? reject(error) : resolve(raw)))
  })
}

function closeRaw(raw: sqlite3.Database): Promise<void> {
  return new Promise((resolve, reject) => raw.close((error) => (error ? reject(error) : resolve())))
}

async function fileExists(file: string): Promise<boolean> {
  try {
    await access(file)
    return true
  } catch {
    return false
  }
}

/**
 * Checks an existing file read-only before anything writes to it, so a damaged
 * database is reported and never "repaired" by accident.
 */
async function assertHealthy(file: string): Promise<void> {
  let raw: sqlite3.Database | undefined
  try {
    raw = await openRaw(file, sqlite3.OPEN_READONLY)
    const rows = await runnerFor(raw).all<{ integrity_check: string }>('PRAGMA integrity_check')
    const problems = rows.map((row) => row.integrity_check).filter((text) => text !== 'ok')
    if (problems.length > 0) throw new DatabaseCorruptError(file, problems.slice(0, 3).join('; '))
  } catch (error) {
    if (error instanceof DatabaseCorruptError) throw error
    throw new DatabaseCorruptError(file, error instanceof Error ? error.message : String(error))
  } finally {
    if (raw) await closeRaw(raw).catch(() => undefined)
  }
}

export async function openDatabase(file: string): Promise<Database> {
  if (file !== ':memory:' && (await fileExists(file))) await assertHealthy(file)

  const raw = await openRaw(file, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE)
  const direct = runnerFor(raw)
  await direct.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;')

  const queue = new SerialQueue()
  let closed = false
  const guard = <T>(task: () => Promise<T>): Promise<T> => {
    if (closed) return Promise.reject(new Error('The database is closed'))
    return queue.run(task)
  }

  return {
    file,
    run: (sql, params) => guard(() => direct.run(sql, params)),
    get: (sql, params) => guard(() => direct.get(sql, params)),
    all: (sql, params) => guard(() => direct.all(sql, params)),
    exec: (sql) => guard(() => direct.exec(sql)),
    transaction: (work) =>
      guard(async () => {
        await direct.exec('BEGIN IMMEDIATE')
        try {
          const result = await work(direct)
          await direct.exec('COMMIT')
          return result
        } catch (error) {
          await direct.exec('ROLLBACK').catch(() => undefined)
          throw error
        }
      }),
    close: () =>
      guard(async () => {
        closed = true
        await closeRaw(raw)
      })
  }
}

/**
 * A Database view of an open transaction, for running services inside a larger one:
 * their own transactions become savepoints, so the outer one still commits or rolls
 * back as a whole.
 */
export function withinTransaction(tx: SqlRunner, file: string): Database {
  let depth = 0
  return {
    file,
    run: tx.run,
    get: tx.get,
    all: tx.all,
    exec: tx.exec,
    async transaction(work) {
      const name = `nested_${++depth}`
      await tx.exec(`SAVEPOINT ${name}`)
      try {
        const result = await work(tx)
        await tx.exec(`RELEASE ${name}`)
        return result
      } catch (error) {
        await tx.exec(`ROLLBACK TO ${name}; RELEASE ${name}`)
        throw error
      } finally {
        depth--
      }
    },
    close: () => Promise.reject(new Error('A transaction view cannot close the database'))
  }
}
