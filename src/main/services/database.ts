import sqlite3 from 'sqlite3'
import { AsyncLocalStorage } from 'node:async_hooks'
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
  /**
   * Runs `work` inside BEGIN IMMEDIATE … COMMIT; any throw rolls everything back. Called
   * while a transaction runs (from code it awaits, through this same object) it becomes a
   * savepoint of that transaction, and plain statements join it: so a caller can wrap a
   * whole service call in one transaction that the service's own ones nest in.
   */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>
  /**
   * Runs `effect` once the transaction under way commits, and never if it rolls back
   * (at once when none runs): for announcing a change only once it holds.
   */
  afterCommit(effect: () => void): void
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
        raw.get(sql, params, (error: Error | null, row: T | undefined) => (error ? reject(error) : resolve(row)))
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

  /** Resolves once everything queued so far, and anything it queued in turn, has run. */
  async idle(): Promise<void> {
    let seen: Promise<unknown>
    do {
      seen = this.tail
      await seen
    } while (seen !== this.tail)
  }
}

/** A transaction or savepoint under way: its statements queue here, not on the connection's queue. */
interface Scope {
  readonly queue: SerialQueue
  readonly parent: Scope | null
  readonly afterCommit: (() => void)[]
  /** False once it committed or rolled back; code still holding it (a timer set inside) falls back to the parent. */
  active: boolean
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
  const scopes = new AsyncLocalStorage<Scope>()
  let savepoints = 0
  let closed = false
  const guard = <T>(task: () => Promise<T>): Promise<T> => {
    if (closed) return Promise.reject(new Error('The database is closed'))
    return queue.run(task)
  }
  const currentScope = (): Scope | null => {
    let scope = scopes.getStore() ?? null
    while (scope && !scope.active) scope = scope.parent
    return scope
  }
  /** A statement joins the transaction under way, if any, else waits its turn on the connection. */
  const statement = <T>(task: () => Promise<T>): Promise<T> => {
    const scope = currentScope()
    return scope ? scope.queue.run(task) : guard(task)
  }
  const newScope = (parent: Scope | null): Scope => ({ queue: new SerialQueue(), parent, afterCommit: [], active: true })
  /** Runs `work` in the scope; waits for whatever it left queued, so nothing of it runs after the scope ends. */
  const within = async <T>(scope: Scope, work: (tx: SqlRunner) => Promise<T>): Promise<T> => {
    try {
      return await scopes.run(scope, () => work(direct))
    } finally {
      await scope.queue.idle()
    }
  }

  return {
    file,
    run: (sql, params) => statement(() => direct.run(sql, params)),
    get: (sql, params) => statement(() => direct.get(sql, params)),
    all: (sql, params) => statement(() => direct.all(sql, params)),
    exec: (sql) => statement(() => direct.exec(sql)),
    async transaction(work) {
      const parent = currentScope()
      if (parent) {
        return parent.queue.run(async () => {
          const name = `nested_${++savepoints}`
          const scope = newScope(parent)
          await direct.exec(`SAVEPOINT ${name}`)
          try {
            const result = await within(scope, work)
            await direct.exec(`RELEASE ${name}`)
            parent.afterCommit.push(...scope.afterCommit)
            return result
          } catch (error) {
            await direct.exec(`ROLLBACK TO ${name}; RELEASE ${name}`).catch(() => undefined)
            throw error
          } finally {
            scope.active = false
          }
        })
      }
      const scope = newScope(null)
      const result = await guard(async () => {
        await direct.exec('BEGIN IMMEDIATE')
        try {
          const result = await within(scope, work)
          await direct.exec('COMMIT')
          return result
        } catch (error) {
          await direct.exec('ROLLBACK').catch(() => undefined)
          scope.afterCommit.length = 0
          throw error
        } finally {
          scope.active = false
        }
      })
      for (const effect of scope.afterCommit) effect()
      return result
    },
    afterCommit(effect) {
      const scope = currentScope()
      if (scope) scope.afterCommit.push(effect)
      else effect()
    },
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
    // Inside a transaction view the outer transaction decides; effects wait for nothing here.
    afterCommit: (effect) => effect(),
    close: () => Promise.reject(new Error('A transaction view cannot close the database'))
  }
}
