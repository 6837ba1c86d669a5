import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/services/database'
import { DatabaseTooNewError, migrate, type Migration } from '../../src/main/services/migrations'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()

const v1: Migration = { version: 1, name: 'notes', sql: 'CREATE TABLE notes (text TEXT NOT NULL)' }
const v2: Migration = { version: 2, name: 'note dates', sql: 'ALTER TABLE notes ADD COLUMN created_at TEXT' }

describe('migrations', () => {
  it('bring a new database to the latest version without a backup', async () => {
    const dir = await tempDir()
    const db = await openDatabase(join(dir, 'g.db'))
    const result = await migrate(db, [v1, v2], () => join(dir, 'backup.db'))
    expect(result).toEqual({ from: 0, to: 2, backupFile: null })
    expect(await db.get('PRAGMA user_version')).toEqual({ user_version: 2 })
    await db.close()
    expect((await readdir(dir)).filter((name) => name.startsWith('backup'))).toEqual([])
  })

  it('keep a copy of existing data before migrating it', async () => {
    const dir = await tempDir()
    const db = await openDatabase(join(dir, 'g.db'))
    await migrate(db, [v1], () => join(dir, 'unused.db'))
    await db.run("INSERT INTO notes VALUES ('ask about the deadline')")

    const result = await migrate(db, [v1, v2], (from) => join(dir, `backup-v${from}.db`))
    expect(result).toEqual({ from: 1, to: 2, backupFile: join(dir, 'backup-v1.db') })
    await db.close()

    const backup = await openDatabase(join(dir, 'backup-v1.db'))
    expect(await backup.get('PRAGMA user_version')).toEqual({ user_version: 1 })
    expect(await backup.all('SELECT * FROM notes')).toEqual([{ text: 'ask about the deadline' }])
    await backup.close()
  })

  it('leave the database at the last good version when a step fails', async () => {
    const dir = await tempDir()
    const db = await openDatabase(join(dir, 'g.db'))
    const broken: Migration = {
      version: 2,
      name: 'broken',
      sql: 'CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);'
    }
    await migrate(db, [v1], () => '')
    await expect(migrate(db, [v1, broken], () => join(dir, 'b.db'))).rejects.toThrow(/no_such_table/)
    expect(await db.get('PRAGMA user_version')).toEqual({ user_version: 1 })
    expect(await db.get("SELECT name FROM sqlite_master WHERE name = 'half_done'")).toBeUndefined()
    await db.close()
  })

  it('refuse a database written by a newer version, changing nothing', async () => {
    const dir = await tempDir()
    const db = await openDatabase(join(dir, 'g.db'))
    await migrate(db, [v1, v2], () => '')
    await expect(migrate(db, [v1], () => join(dir, 'b.db'))).rejects.toBeInstanceOf(DatabaseTooNewError)
    expect(await db.get('PRAGMA user_version')).toEqual({ user_version: 2 })
    await db.close()
  })

  it('refuse a list whose numbers are out of order', async () => {
    const db = await openDatabase(':memory:')
    await expect(migrate(db, [v2, v1], () => '')).rejects.toThrow(/should be number 1/)
    await db.close()
  })
})

describe('a step that rebuilds a table', () => {
  const parents: Migration = {
    version: 1,
    name: 'calls and notes',
    sql: `CREATE TABLE calls (id TEXT PRIMARY KEY, app TEXT CHECK (app IN ('zoom')));
          CREATE TABLE call_notes (call_id TEXT NOT NULL REFERENCES calls(id) ON DELETE CASCADE, text TEXT);`
  }
  const widen = (sql: string): Migration => ({ version: 2, name: 'widen', rebuildsTables: true, sql })
  const rebuild = `CREATE TABLE calls_new (id TEXT PRIMARY KEY, app TEXT CHECK (app IN ('zoom', 'meet')));
                   INSERT INTO calls_new SELECT * FROM calls; DROP TABLE calls; ALTER TABLE calls_new RENAME TO calls;`

  it('cascades nothing from the dropped table and turns foreign keys back on', async () => {
    const dir = await tempDir()
    const db = await openDatabase(join(dir, 'g.db'))
    await migrate(db, [parents], () => '')
    await db.exec("INSERT INTO calls VALUES ('c1', 'zoom'); INSERT INTO call_notes VALUES ('c1', 'asked about rates');")

    await migrate(db, [parents, widen(rebuild)], () => join(dir, 'b.db'))

    expect(await db.all('SELECT * FROM call_notes')).toEqual([{ call_id: 'c1', text: 'asked about rates' }])
    await db.run("INSERT INTO calls VALUES ('c2', 'meet')")
    expect(await db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 })
    await expect(db.run("INSERT INTO call_notes VALUES ('nobody', 'x')")).rejects.toThrow(/FOREIGN KEY/)
    await db.close()
  })

  it('is refused, and changes nothing, when it would leave broken references', async () => {
    const dir = await tempDir()
    const db = await openDatabase(join(dir, 'g.db'))
    await migrate(db, [parents], () => '')
    await db.exec("INSERT INTO calls VALUES ('c1', 'zoom'); INSERT INTO call_notes VALUES ('c1', 'kept');")
    const losesRows = rebuild.replace('SELECT * FROM calls', 'SELECT * FROM calls WHERE 0')

    await expect(migrate(db, [parents, widen(losesRows)], () => join(dir, 'b.db'))).rejects.toThrow(/1 broken references/)

    expect(await db.get('PRAGMA user_version')).toEqual({ user_version: 1 })
    expect(await db.all('SELECT * FROM calls')).toEqual([{ id: 'c1', app: 'zoom' }])
    expect(await db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 })
    await db.close()
  })
})
