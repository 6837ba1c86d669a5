import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/services/database'
import { migrate } from '../../../src/main/services/migrations'
import { migrations } from '../../../src/main/services/schema'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
const NOW = '2026-11-30T10:00:00.000Z'

describe('migration 8: Meet, Teams and Skype become channels of their own', () => {
  it('keeps every interview and everything hanging off it, and then accepts the new channels', async () => {
    const dir = await tempDir()
    const db = await openDatabase(join(dir, 'g.db'))
    const beforeChannels = migrations.findIndex((step) => step.name === 'meeting channels')
    await migrate(db, migrations.slice(0, beforeChannels), () => '')
    await db.run(`INSERT INTO clients (id, name, time_zone, created_at, updated_at) VALUES ('c1', 'Maya Chen', 'America/New_York', ?, ?)`, [
      NOW,
      NOW
    ])
    await db.run(
      `INSERT INTO interviews (id, client_id, title, scenario, type, channel, channel_link, status, created_at, updated_at, starts_at, agreed_time_zone, duration_minutes)
       VALUES ('i1', 'c1', 'Landing page', 'more_info', 'call', 'zoom', 'https://zoom.us/j/1', 'scheduled', ?, ?, '2026-12-03T16:00:00.000Z', 'America/New_York', 20)`,
      [NOW, NOW]
    )
    await db.run(`INSERT INTO notes (id, interview_id, body, created_at, updated_at) VALUES ('n1', 'i1', 'ask about the CMS', ?, ?)`, [
      NOW,
      NOW
    ])

    await migrate(db, migrations, (from) => join(dir, `backup-v${from}.db`))

    expect(await db.get('SELECT channel, channel_link, starts_at, duration_minutes FROM interviews')).toEqual({
      channel: 'zoom',
      channel_link: 'https://zoom.us/j/1',
      starts_at: '2026-12-03T16:00:00.000Z',
      duration_minutes: 20
    })
    expect(await db.all('SELECT id FROM notes')).toEqual([{ id: 'n1' }])
    await db.run("UPDATE interviews SET channel = 'meet' WHERE id = 'i1'")
    await expect(db.run("UPDATE interviews SET channel = 'fax' WHERE id = 'i1'")).rejects.toThrow(/CHECK/)
    // Deleting the client still cascades: the rebuilt table kept its foreign keys.
    await db.run("DELETE FROM clients WHERE id = 'c1'")
    expect(await db.all('SELECT id FROM notes')).toEqual([])
    await db.close()
  })
})
