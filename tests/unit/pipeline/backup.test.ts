import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/rpc'
import { useCore } from '../../support/core'

const start = useCore()

async function withDemoData() {
  const context = await start()
  await context.core.handlers.updateSettings({ userName: 'Ana', defaultCallMinutes: 20 })
  await context.core.handlers.loadDemoData()
  return context
}

const withoutExportTime = (text: string) => ({ ...JSON.parse(text), exportedAt: null })

describe('backup', () => {
  it('exports everything and imports it back to the same data after a wipe', async () => {
    const { core } = await withDemoData()
    const exported = await core.handlers.exportBackup()
    const interviewsBefore = await core.handlers.listInterviews({ limit: 100 })
    await core.handlers.deleteAllRecords({ confirm: 'DELETE' })
    expect(await core.handlers.listInterviews({ limit: 100 })).toEqual([])
    expect(await core.handlers.search({ query: 'dashboard', limit: 5 })).toEqual([])

    const summary = await core.handlers.importBackup({ text: exported })
    expect(summary).toEqual({ clients: 11, interviews: 7, invitations: 11, notes: 7 })
    expect(await core.handlers.listInterviews({ limit: 100 })).toEqual(interviewsBefore)
    expect(withoutExportTime(await core.handlers.exportBackup())).toEqual(withoutExportTime(exported))
    expect((await core.handlers.search({ query: 'cohort', limit: 5 })).length).toBeGreaterThan(0)
    expect((await core.handlers.getSettings()).userName).toBe('Ana')
  })

  async function expectRefused(text: string, message: RegExp) {
    const { core } = await withDemoData()
    const before = await core.handlers.exportBackup()
    await expect(core.handlers.importBackup({ text })).rejects.toMatchObject({ code: 'INVALID_INPUT', message })
    expect(withoutExportTime(await core.handlers.exportBackup())).toEqual(withoutExportTime(before))
  }

  it('refuses a file that is not JSON, changing nothing', () =>
    expectRefused('{"format": "greenroom-ba', /not valid JSON.*Nothing was changed/))

  it('refuses a foreign JSON file, changing nothing', () =>
    expectRefused('{"name": "my-package", "version": "1.0.0"}', /not a Greenroom backup/))

  it('refuses a backup from a newer Greenroom, changing nothing', async () => {
    const { core } = await start()
    const file = JSON.parse(await core.handlers.exportBackup())
    await expectRefused(JSON.stringify({ ...file, version: 99 }), /newer Greenroom/)
  })

  it('names the damaged record, changing nothing', async () => {
    const { core } = await withDemoData()
    const file = JSON.parse(await core.handlers.exportBackup())
    file.data.interviews[2].status = 'ghosted'
    await expectRefused(JSON.stringify(file), /record 3 of “interviews”, field “status”/)
  })

  it('refuses a backup whose records point at missing ones, changing nothing', async () => {
    const { core } = await withDemoData()
    const file = JSON.parse(await core.handlers.exportBackup())
    file.data.clients.shift()
    await expectRefused(JSON.stringify(file), /refers to another that is not in the file/)
  })

  it('refuses a file with a record listed twice, changing nothing', async () => {
    const { core } = await withDemoData()
    const file = JSON.parse(await core.handlers.exportBackup())
    file.data.notes.push(file.data.notes[0])
    await expectRefused(JSON.stringify(file), /same record twice/)
  })

  it('keeps the calls held in the call room, with what was measured and the rating', async () => {
    const { core } = await withDemoData()
    const [interview] = await core.handlers.listInterviews({ limit: 1 })
    const measurements = {
      averageRttMs: 40,
      worstRttMs: 80,
      averageLossPercent: 0.1,
      worstLossPercent: 1,
      averageJitterMs: 3,
      mos: 4.4,
      samples: 8,
      reconnects: 0
    }
    const call = await core.handlers.recordCall({
      interviewId: interview!.id,
      startedAt: '2026-11-01T10:00:00.000Z',
      endedAt: '2026-11-01T10:15:00.000Z',
      measurements
    })
    const rated = await core.handlers.rateCall({ id: call.id, rating: 4, issues: ['echo'] })
    const exported = await core.handlers.exportBackup()
    expect(JSON.parse(exported).version).toBe(4)
    await core.handlers.deleteAllRecords({ confirm: 'DELETE' })
    await expect(core.handlers.listCalls({ interviewId: interview!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await core.handlers.importBackup({ text: exported })
    expect(await core.handlers.listCalls({ interviewId: interview!.id })).toEqual([rated])
  })

  it('keeps each client’s working hours, and gives the default hours to clients of a file made before they existed', async () => {
    const { core } = await withDemoData()
    const [client] = await core.handlers.listClients()
    const { id, redFlags: _flags, createdAt: _created, updatedAt: _updated, ...fields } = client!
    await core.handlers.updateClient({ id, fields: { ...fields, workingHours: { days: [2, 3], start: '07:30', end: '15:00' } } })
    const exported = await core.handlers.exportBackup()
    await core.handlers.deleteAllRecords({ confirm: 'DELETE' })
    await core.handlers.importBackup({ text: exported })
    expect((await core.handlers.listClients()).find((found) => found.id === id)!.workingHours).toEqual({
      days: [2, 3],
      start: '07:30',
      end: '15:00'
    })

    const older = JSON.parse(exported)
    for (const row of older.data.clients) delete row.working_hours
    await core.handlers.importBackup({ text: JSON.stringify(older) })
    expect((await core.handlers.listClients()).find((found) => found.id === id)!.workingHours).toEqual({
      days: [1, 2, 3, 4, 5],
      start: '09:00',
      end: '18:00'
    })
  })

  it('still imports a format 1 file, made before scheduling existed', async () => {
    const { core } = await withDemoData()
    const file = JSON.parse(await core.handlers.exportBackup())
    file.version = 1
    delete file.data.schedule_history
    delete file.data.connection_tests
    for (const interview of file.data.interviews) {
      delete interview.starts_at
      delete interview.agreed_time_zone
      delete interview.duration_minutes
    }
    await core.handlers.deleteAllRecords({ confirm: 'DELETE' })
    expect(await core.handlers.importBackup({ text: JSON.stringify(file) })).toMatchObject({ interviews: 7 })
    expect((await core.handlers.listInterviews({ limit: 100 })).every((interview) => interview.schedule === null)).toBe(true)
  })

  it('asks for the word DELETE before wiping', async () => {
    const { core } = await withDemoData()
    const result = await dispatch(core.handlers, 'deleteAllRecords', { confirm: 'yes' }, () => undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await core.handlers.listInterviews({ limit: 100 })).toHaveLength(7)
  })
})

describe('demo data', () => {
  it('fills an empty database with a realistic pipeline', async () => {
    const { core } = await withDemoData()
    const interviews = await core.handlers.listInterviews({ limit: 100 })
    expect(new Set(interviews.map((interview) => interview.status))).toEqual(
      new Set(['offer', 'hired', 'no_show', 'no_offer', 'scheduled'])
    )
    expect(await core.handlers.listInvitations({ statuses: ['pending'] })).toHaveLength(2)
    expect((await core.handlers.listClients()).filter((client) => client.redFlags.length > 0).map((client) => client.name)).toEqual([
      'Priya Nair'
    ])
    const dashboard = await core.handlers.getDashboard({
      from: '2026-01-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
      timeZone: 'UTC'
    })
    expect(dashboard.funnel.hires).toBe(1)
    expect(dashboard.noShows).toBe(1)
  })

  it('goes only into an empty database', async () => {
    const { core } = await withDemoData()
    await expect(core.handlers.loadDemoData()).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(await core.handlers.listClients()).toHaveLength(11)
  })
})
