import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/rpc'
import { contract } from '../../../src/shared/contract'
import { backupFileSchema } from '../../../src/shared/backup'
import { createdRoomSchema } from '../../../src/shared/signaling'
import { aCallMeasurement, aClient, useCore } from '../../support/core'
import { databaseFingerprint } from '../../support/db-dump'

const start = useCore()
const quiet = () => undefined

const measurements = aCallMeasurement()

async function withInterview() {
  const open = await start()
  const detail = await open.core.handlers.createInterview({
    client: { fields: aClient() },
    jobId: null,
    fields: {
      title: 'Intro call',
      scenario: 'more_info',
      type: 'call',
      sampleTask: { instructions: '', fee: null, dueAt: null },
      channel: 'builtin',
      channelLink: '',
      outcomeNotes: ''
    }
  })
  return { ...open, interviewId: detail.interview.id }
}

describe('instants, one schema for the whole contract', () => {
  const edges = ['9999-12-31T23:00:00-14:00', '0000-01-01T00:00:00+14:00', '1969-12-31T23:59:59Z', '2200-01-01T00:00:00Z']

  it.each(edges)('refuses %s at the door, naming the field, and changes nothing', async (edge) => {
    const { core, interviewId } = await withInterview()
    const before = await databaseFingerprint(core.databaseFile)

    const recorded = await dispatch(core.handlers, 'recordCall', { interviewId, startedAt: edge, endedAt: edge, measurements }, quiet)
    expect(recorded).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/recordCall: startedAt: Use a date between 1970 and 2199/) }
    })
    const scheduled = await dispatch(
      core.handlers,
      'scheduleInterview',
      { id: interviewId, startsAt: edge, timeZone: 'Europe/Berlin', durationMinutes: 30, note: '' },
      quiet
    )
    expect(scheduled).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/startsAt: /) } })

    expect(await databaseFingerprint(core.databaseFile)).toBe(before)
    expect(await dispatch(core.handlers, 'listCalls', { interviewId }, quiet)).toEqual({ ok: true, value: [] })
    expect((await dispatch(core.handlers, 'exportUpcomingCalendar', undefined, quiet)).ok).toBe(true)
  })

  it('reads any offset as the same UTC instant, at the edges of the range too', async () => {
    const { core, interviewId } = await withInterview()
    const result = await dispatch(
      core.handlers,
      'recordCall',
      { interviewId, startedAt: '2026-11-02T10:00:00+14:00', endedAt: '2026-11-01T20:30:00.5-00:00', measurements },
      quiet
    )
    expect(result).toMatchObject({
      ok: true,
      value: { startedAt: '2026-11-01T20:00:00.000Z', endedAt: '2026-11-01T20:30:00.500Z', durationSeconds: 1801 }
    })
    expect(contract.checkSlot.input.parse({ start: '1970-01-01T00:00:00Z', durationMinutes: 30, interviewId: null }).start).toBe(
      '1970-01-01T00:00:00.000Z'
    )
    expect(contract.checkSlot.input.parse({ start: '2199-12-31T23:59:59.999Z', durationMinutes: 30, interviewId: null }).start).toBe(
      '2199-12-31T23:59:59.999Z'
    )
  })

  it('is the same rule in the backup file and the signaling protocol', () => {
    const file = { format: 'greenroom-backup', version: 4, exportedAt: '9999-12-31T23:00:00-14:00', appVersion: 'x', data: {} }
    expect(backupFileSchema.safeParse(file).error?.issues[0]).toMatchObject({
      path: ['exportedAt'],
      message: 'Use a date between 1970 and 2199'
    })
    const room = {
      room: 'a'.repeat(22),
      hostToken: 'b'.repeat(43),
      guestToken: 'c'.repeat(43),
      inviteUrl: 'http://127.0.0.1:1/join/x',
      signalUrl: 'ws://127.0.0.1:1/signal',
      expiresAt: '0000-01-01T00:00:00+14:00'
    }
    expect(createdRoomSchema.safeParse(room).success).toBe(false)
    expect(createdRoomSchema.parse({ ...room, expiresAt: '2026-11-03T09:00:00+01:00' }).expiresAt).toBe('2026-11-03T08:00:00.000Z')
  })
})

describe('a call that changes records, in one transaction with its result check', () => {
  it('leaves nothing behind when its result breaks the contract', async () => {
    const { core, interviewId } = await withInterview()
    const before = await databaseFingerprint(core.databaseFile)
    const log: string[] = []
    const handlers = {
      ...core.handlers,
      // A handler that writes and then answers something the contract refuses.
      recordCall: async (input: Parameters<typeof core.handlers.recordCall>[0]) => ({
        ...(await core.handlers.recordCall(input)),
        durationSeconds: -1
      })
    }
    const result = await dispatch(
      handlers,
      'recordCall',
      { interviewId, startedAt: '2026-11-02T09:00:00Z', endedAt: '2026-11-02T09:20:00Z', measurements },
      (message) => log.push(message)
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(log).toEqual(['Result of recordCall broke the contract'])
    expect(await databaseFingerprint(core.databaseFile)).toBe(before)
    expect(await core.handlers.listCalls({ interviewId })).toEqual([])
  })

  it('leaves nothing behind when it throws halfway, and announces nothing', async () => {
    const { core, interviewId } = await withInterview()
    const before = await databaseFingerprint(core.databaseFile)
    const heard: string[] = []
    core.events.subscribe((message) => heard.push(message.event))
    const handlers = {
      ...core.handlers,
      addNote: async (input: Parameters<typeof core.handlers.addNote>[0]) => {
        await core.handlers.addNote(input)
        throw new Error('disk full')
      }
    }
    const result = await dispatch(handlers, 'addNote', { interviewId, body: 'Ask about the launch date' }, quiet)
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('disk full') } })
    expect(await databaseFingerprint(core.databaseFile)).toBe(before)
    expect(heard).toEqual([])

    expect((await dispatch(core.handlers, 'addNote', { interviewId, body: 'Ask about the launch date' }, quiet)).ok).toBe(true)
    expect(heard).toEqual(['recordsChanged'])
  })
})
