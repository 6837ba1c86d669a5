import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/rpc'
import { aCallMeasurement, useCore } from '../../support/core'
import { databaseFingerprint } from '../../support/db-dump'

const start = useCore()
const quiet = () => undefined

/** A core with the demo story and one recorded call, and its backup as parsed JSON. */
async function withBackup() {
  const open = await start()
  await open.core.handlers.loadDemoData()
  const [interview] = await open.core.handlers.listInterviews({ limit: 1 })
  await open.core.handlers.recordCall({
    interviewId: interview!.id,
    startedAt: '2026-11-02T08:00:00.000Z',
    endedAt: '2026-11-02T08:20:00.000Z',
    measurements: aCallMeasurement()
  })
  const file = JSON.parse(await open.core.handlers.exportBackup()) as { data: Record<string, Record<string, unknown>[]> }
  return { ...open, file }
}

describe('backup import checks every record with the rules the app reads and writes with', () => {
  const damages: [string, (data: Record<string, Record<string, unknown>[]>) => void, RegExp][] = [
    [
      'an unknown time zone',
      (data) => (data.clients![3]!.time_zone = 'Mars/Olympus'),
      /record 4 of “clients”, field “time_zone”: Unknown time zone 'Mars\/Olympus'/
    ],
    [
      'a website that is not http(s)',
      (data) => (data.clients![0]!.website = 'javascript:alert(1)'),
      /record 1 of “clients”, field “website”: Links start with http/
    ],
    [
      'a 10,000-character name',
      (data) => (data.clients![1]!.name = 'N'.repeat(10_000)),
      /record 2 of “clients”, field “name”: The name must be under 120 characters/
    ],
    ['job skills that are not a list', (data) => (data.jobs![0]!.skills = '{}'), /record 1 of “jobs”, field “skills”/],
    [
      'an unknown decline reason',
      (data) => (data.invitations![0]!.decline_reasons = '["too_far"]'),
      /record 1 of “invitations”, field “decline_reasons”: 0: Invalid option/
    ],
    [
      'call measurements that are not measurements',
      (data) => (data.calls![0]!.measurements = '{}'),
      /record 1 of “calls”, field “measurements”/
    ],
    [
      'a connection-test report that is not one',
      (data) =>
        data.connection_tests!.push({ id: 1, started_at: '2026-11-01T09:00:00.000Z', verdict: 'ready', report: '{"verdict":"ready"}' }),
      /record 1 of “connection_tests”, field “report”/
    ],
    [
      'a setting out of range',
      (data) => data.settings!.push({ key: 'bufferMinutes', value: '-5', updated_at: '2026-11-01T09:00:00.000Z' }),
      /“settings”, field “value”: No negative buffers/
    ],
    [
      'a setting Greenroom does not have',
      (data) => data.settings!.push({ key: 'telemetry', value: 'true', updated_at: '2026-11-01T09:00:00.000Z' }),
      /“settings”, field “key”: Not a Greenroom setting/
    ],
    [
      'a call scheduled in year 0',
      (data) => (data.interviews![0]!.starts_at = '0000-01-01T00:00:00+14:00'),
      /record 1 of “interviews”, field “starts_at”: Use a date between 1970 and 2199/
    ]
  ]

  it.each(damages)('refuses %s, naming the record and field, and changes nothing', async (_what, damage, message) => {
    const { core, file } = await withBackup()
    damage(file.data)
    const before = await databaseFingerprint(core.databaseFile)
    const result = await dispatch(core.handlers, 'importBackup', { text: JSON.stringify(file) }, quiet)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) } })
    expect(result.ok === false && result.error.message).toMatch(/Nothing was changed\.$/)
    expect(await databaseFingerprint(core.databaseFile)).toBe(before)
  })

  it('imports a file at the limits, which then reads back, exports and imports again', async () => {
    const { core, file } = await withBackup()
    const data = file.data
    data.clients![0]!.name = 'N'.repeat(120)
    data.clients![0]!.notes = 'n'.repeat(20_000)
    data.clients![0]!.time_zone = 'Pacific/Kiritimati'
    data.jobs![0]!.skills = JSON.stringify(Array.from({ length: 50 }, (_, i) => `skill ${i}`.padEnd(60, '+')))
    data.invitations![0]!.decline_reasons = JSON.stringify([
      'not_interested',
      'budget_too_low',
      'not_available',
      'client_history',
      'skills_mismatch',
      'too_busy',
      'other'
    ])
    data.interviews![0]!.starts_at = '2199-12-31T20:00:00.000Z'
    data.interviews![0]!.agreed_time_zone = 'Pacific/Kiritimati'
    data.interviews![0]!.duration_minutes = 240
    data.notes![0]!.body = 'b'.repeat(1_000_000)

    expect(await dispatch(core.handlers, 'importBackup', { text: JSON.stringify(file) }, quiet)).toMatchObject({ ok: true })
    const interviews = await dispatch(core.handlers, 'listInterviews', { limit: 1000 }, quiet)
    expect(interviews.ok).toBe(true)
    for (const { id } of (interviews.ok ? interviews.value : []) as { id: string }[]) {
      expect((await dispatch(core.handlers, 'getInterview', { id }, quiet)).ok).toBe(true)
      expect((await dispatch(core.handlers, 'listCalls', { interviewId: id }, quiet)).ok).toBe(true)
    }
    for (const method of ['listClients', 'listSamples', 'listQuestions', 'exportUpcomingCalendar'] as const) {
      expect((await dispatch(core.handlers, method, undefined, quiet)).ok).toBe(true)
    }
    const again = await dispatch(core.handlers, 'exportBackup', undefined, quiet)
    expect(again.ok).toBe(true)
    expect(await dispatch(core.handlers, 'importBackup', { text: again.ok ? (again.value as string) : '' }, quiet)).toMatchObject({
      ok: true
    })
  })
})
