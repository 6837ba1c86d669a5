import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DatabaseCorruptError, openDatabase } from '../../src/main/services/database'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()

describe('the SQLite store', () => {
  it('opens in WAL mode with foreign keys enforced and a busy timeout', async () => {
    const db = await openDatabase(join(await tempDir(), 'a.db'))
    expect(await db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' })
    expect(await db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 })
    expect(await db.get('PRAGMA busy_timeout')).toEqual({ timeout: 5000 })
    await db.close()
  })

  it('commits a transaction as a whole', async () => {
    const db = await openDatabase(join(await tempDir(), 'a.db'))
    await db.exec('CREATE TABLE t (n INTEGER)')
    await db.transaction(async (tx) => {
      await tx.run('INSERT INTO t VALUES (1)')
      await tx.run('INSERT INTO t VALUES (2)')
    })
    expect(await db.all('SELECT n FROM t ORDER BY n')).toEqual([{ n: 1 }, { n: 2 }])
    await db.close()
  })

  it('rolls a transaction back entirely when any step throws', async () => {
    const db = await openDatabase(join(await tempDir(), 'a.db'))
    await db.exec('CREATE TABLE t (n INTEGER NOT NULL)')
    await expect(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO t VALUES (1)')
        await tx.run('INSERT INTO t VALUES (NULL)')
      })
    ).rejects.toThrow(/NOT NULL/)
    expect(await db.all('SELECT n FROM t')).toEqual([])
    await db.close()
  })

  it('keeps statements from outside a transaction out of it', async () => {
    const db = await openDatabase(join(await tempDir(), 'a.db'))
    await db.exec('CREATE TABLE t (n INTEGER)')
    let releaseTransaction!: () => void
    const inside = db.transaction(async (tx) => {
      await tx.run('INSERT INTO t VALUES (1)')
      await new Promise<void>((resolve) => (releaseTransaction = resolve))
      throw new Error('abort')
    })
    const outside = db.run('INSERT INTO t VALUES (2)')
    await new Promise((resolve) => setTimeout(resolve, 20))
    releaseTransaction()
    await expect(inside).rejects.toThrow('abort')
    await outside
    expect(await db.all('SELECT n FROM t')).toEqual([{ n: 2 }])
    await db.close()
  })

  it('nests a service’s own transaction and plain statements inside a caller’s transaction', async () => {
    const db = await openDatabase(join(await tempDir(), 'a.db'))
    await db.exec('CREATE TABLE t (n INTEGER NOT NULL)')
    // A service that knows only `db`: its statements and its transaction join the caller's.
    const service = async (n: number) => {
      await db.run('INSERT INTO t VALUES (?)', [n])
      await db.transaction(async (tx) => tx.run('INSERT INTO t VALUES (?)', [n + 1]))
    }
    await expect(
      db.transaction(async () => {
        await service(1)
        await service(10)
        throw new Error('the caller changes its mind')
      })
    ).rejects.toThrow('the caller changes its mind')
    expect(await db.all('SELECT n FROM t')).toEqual([])

    await db.transaction(async () => {
      await service(1)
      // A savepoint that fails is undone alone; the outer transaction goes on.
      await expect(
        db.transaction(async (tx) => {
          await tx.run('INSERT INTO t VALUES (5)')
          await tx.run('INSERT INTO t VALUES (NULL)')
        })
      ).rejects.toThrow(/NOT NULL/)
    })
    expect(await db.all('SELECT n FROM t ORDER BY n')).toEqual([{ n: 1 }, { n: 2 }])
    await db.close()
  })

  it('runs effects after the commit, and drops them on a rollback', async () => {
    const db = await openDatabase(join(await tempDir(), 'a.db'))
    await db.exec('CREATE TABLE t (n INTEGER NOT NULL)')
    const effects: string[] = []
    db.afterCommit(() => effects.push('outside: at once'))
    await db.transaction(async () => {
      await db.run('INSERT INTO t VALUES (1)')
      db.afterCommit(() => effects.push('committed'))
      await db.transaction(async () => db.afterCommit(() => effects.push('nested, committed')))
      await db
        .transaction(async () => {
          db.afterCommit(() => effects.push('nested, rolled back'))
          throw new Error('no')
        })
        .catch(() => undefined)
      expect(effects).toEqual(['outside: at once'])
    })
    await db
      .transaction(async () => {
        db.afterCommit(() => effects.push('rolled back'))
        throw new Error('no')
      })
      .catch(() => undefined)
    expect(effects).toEqual(['outside: at once', 'committed', 'nested, committed'])
    await db.close()
  })

  it('enforces foreign keys', async () => {
    const db = await openDatabase(join(await tempDir(), 'a.db'))
    await db.exec('CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (parent_id INTEGER REFERENCES parent(id))')
    await expect(db.run('INSERT INTO child VALUES (42)')).rejects.toThrow(/FOREIGN KEY/)
    await db.close()
  })

  it('refuses a file that is not a database, and leaves it untouched', async () => {
    const dir = await tempDir()
    const file = join(dir, 'greenroom.db')
    const garbage = Buffer.from('this is my tax return, not a database'.repeat(200))
    await writeFile(file, garbage)
    const opening = openDatabase(file)
    await expect(opening).rejects.toBeInstanceOf(DatabaseCorruptError)
    await expect(opening).rejects.toThrow(/damaged.*left the file untouched/s)
    expect(await readFile(file)).toEqual(garbage)
    expect(await readdir(dir)).toEqual(['greenroom.db'])
  })

  it('refuses a database whose pages are damaged, and leaves it untouched', async () => {
    const file = join(await tempDir(), 'greenroom.db')
    const db = await openDatabase(file)
    await db.exec('PRAGMA journal_mode = DELETE; CREATE TABLE t (n INTEGER PRIMARY KEY, text TEXT); CREATE INDEX t_text ON t(text)')
    await db.transaction(async (tx) => {
      for (let n = 0; n < 2000; n++) await tx.run('INSERT INTO t VALUES (?, ?)', [n, `row ${n} `.repeat(5)])
    })
    await db.close()
    const bytes = await readFile(file)
    bytes.fill(0x5a, 4096 * 3, 4096 * 3 + 2048) // scribble over part of a b-tree page
    await writeFile(file, bytes)

    await expect(openDatabase(file)).rejects.toBeInstanceOf(DatabaseCorruptError)
    expect(await readFile(file)).toEqual(bytes)
  })
})
