import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/rpc'
import type { Core } from '../../../src/main/core'
import type { ConnectionReport } from '../../../src/shared/precall'
import { connectionIsFresh, DEFAULT_CHECKLIST, defaultReadiness, readinessOf } from '../../../src/shared/prep'
import { anInvitation, useCore } from '../../support/core'

const start = useCore()

async function anInterview(core: Core): Promise<string> {
  const item = await anInvitation(core)
  const accepted = await core.handlers.acceptInvitation({ id: item.invitation.id, message: '', terms: null })
  return accepted.invitation.interviewId!
}

const testReport = (startedAt: string, verdict: ConnectionReport['verdict']): ConnectionReport => ({
  startedAt,
  firstVerdictMs: 1000,
  durationMs: 5000,
  verdict,
  results: { camera: null, microphone: null, speakers: null, network: null, loopback: null },
  findings: []
})

describe('the checklist rules', () => {
  it('count the share of items done, and an emptied list as ready', () => {
    expect(
      readinessOf(
        [
          { kind: 'reread_post', done: true },
          { kind: 'custom', done: false }
        ],
        false
      )
    ).toEqual({ done: 1, total: 2, share: 0.5 })
    expect(readinessOf([{ kind: 'connection', done: false }], true)).toEqual({ done: 1, total: 1, share: 1 })
    expect(readinessOf([], false).share).toBe(1)
    expect(defaultReadiness(false)).toEqual({ done: 0, total: 7, share: 0 })
    expect(defaultReadiness(true)).toEqual({ done: 1, total: 7, share: 1 / 7 })
  })

  it('let a passed connection test count for 24 hours', () => {
    const now = new Date('2026-11-02T09:00:00.000Z')
    expect(connectionIsFresh('2026-11-01T09:00:00.000Z', now)).toBe(true)
    expect(connectionIsFresh('2026-11-01T08:59:59.000Z', now)).toBe(false)
    expect(connectionIsFresh(null, now)).toBe(false)
  })
})

describe('the prep room checklist', () => {
  it('is filled with the habits that win calls, each with its why, on first open', async () => {
    const { core } = await start()
    const id = await anInterview(core)
    const room = await core.handlers.getPrepRoom({ interviewId: id })
    expect(room.checklist.map((item) => item.kind)).toEqual(DEFAULT_CHECKLIST.map((item) => item.kind))
    expect(room.checklist.every((item) => item.why.length > 10 && !item.done)).toBe(true)
    expect(room.readiness).toMatchObject({ done: 0, total: 7, share: 0 })
    // A second open does not add them again.
    expect((await core.handlers.getPrepRoom({ interviewId: id })).checklist).toHaveLength(7)
  })

  it('changes readiness as items are ticked, added and removed, and undoes a removal', async () => {
    const { core } = await start()
    const id = await anInterview(core)
    const room = await core.handlers.getPrepRoom({ interviewId: id })
    const [ask, reread] = room.checklist
    await core.handlers.setChecklistItemDone({ id: ask!.id, done: true })
    let now = await core.handlers.setChecklistItemDone({ id: reread!.id, done: true })
    expect(now.readiness).toMatchObject({ done: 2, total: 7 })
    now = await core.handlers.addChecklistItem({ interviewId: id, fields: { label: 'Print the brief', why: '' } })
    expect(now.checklist.at(-1)).toMatchObject({ label: 'Print the brief', kind: 'custom', done: false })
    expect(now.readiness).toMatchObject({ done: 2, total: 8 })
    now = await core.handlers.removeChecklistItem({ id: ask!.id })
    expect(now.readiness).toMatchObject({ done: 1, total: 7 })
    now = await core.handlers.restoreChecklistItem({ id: ask!.id })
    expect(now.readiness).toMatchObject({ done: 2, total: 8 })
    expect(now.checklist[0]!.id).toBe(ask!.id)
    expect((await core.prep.readinessFor([id])).get(id)).toBe(2 / 8)
  })

  it('reorders only with exactly its own items, else changes nothing', async () => {
    const { core } = await start()
    const id = await anInterview(core)
    const ids = (await core.handlers.getPrepRoom({ interviewId: id })).checklist.map((item) => item.id)
    const reversed = [...ids].reverse()
    expect((await core.handlers.reorderChecklist({ interviewId: id, ids: reversed })).checklist.map((item) => item.id)).toEqual(reversed)
    await expect(core.handlers.reorderChecklist({ interviewId: id, ids: ids.slice(1) })).rejects.toMatchObject({ code: 'CONFLICT' })
    await expect(core.handlers.reorderChecklist({ interviewId: id, ids: [ids[0]!, ...ids.slice(0, -1)] })).rejects.toMatchObject({
      code: 'CONFLICT'
    })
    expect((await core.handlers.getPrepRoom({ interviewId: id })).checklist.map((item) => item.id)).toEqual(reversed)
  })

  it('ticks “check your connection” itself while a test passed in the last 24 hours', async () => {
    const { core, clock } = await start('2026-11-02T09:00:00.000Z')
    const id = await anInterview(core)
    await core.handlers.saveConnectionTest(testReport('2026-11-02T08:00:00.000Z', 'not_ready'))
    let connection = (await core.handlers.getPrepRoom({ interviewId: id })).checklist.find((item) => item.kind === 'connection')!
    expect(connection).toMatchObject({ done: false, auto: false })

    await core.handlers.saveConnectionTest(testReport('2026-11-02T08:30:00.000Z', 'usable'))
    const room = await core.handlers.getPrepRoom({ interviewId: id })
    connection = room.checklist.find((item) => item.kind === 'connection')!
    expect(connection).toMatchObject({ done: true, auto: true, doneAt: null })
    expect(room.connection).toMatchObject({ lastPassedAt: '2026-11-02T08:30:00.000Z', lastPassedVerdict: 'usable', fresh: true })
    expect(room.readiness.done).toBe(1)

    clock.advanceHours(24)
    connection = (await core.handlers.getPrepRoom({ interviewId: id })).checklist.find((item) => item.kind === 'connection')!
    expect(connection).toMatchObject({ done: false, auto: false })
  })

  it('gives readiness for interviews whose room was never opened from the default items', async () => {
    const { core } = await start('2026-11-02T09:00:00.000Z')
    const unopened = await anInterview(core)
    const opened = await anInterview(core)
    const room = await core.handlers.getPrepRoom({ interviewId: opened })
    await core.handlers.setChecklistItemDone({ id: room.checklist[0]!.id, done: true })
    expect(await core.prep.readinessFor([unopened, opened, '5b0c4c3e-3f52-4d2f-9a51-2b4a3c1d0e9f'])).toEqual(
      new Map([
        [unopened, 0],
        [opened, 1 / 7]
      ])
    )
    await core.handlers.saveConnectionTest(testReport('2026-11-02T07:00:00.000Z', 'ready'))
    expect((await core.prep.readinessFor([unopened])).get(unopened)).toBe(1 / 7)
    expect(await core.handlers.getPrepReadiness({ interviewIds: [opened] })).toEqual([
      { interviewId: opened, done: 2, total: 7, share: 2 / 7 }
    ])
    // Reading readiness does not open the room.
    expect(await core.handlers.getPrepReadiness({ interviewIds: [unopened] })).toEqual([
      { interviewId: unopened, done: 1, total: 7, share: 1 / 7 }
    ])
  })

  it('refuses bad input with a clear message and changes nothing', async () => {
    const { core } = await start()
    const id = await anInterview(core)
    const result = await dispatch(
      core.handlers,
      'addChecklistItem',
      { interviewId: id, fields: { label: '   ', why: '' } },
      () => undefined
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('Say what to do') } })
    expect((await core.handlers.getPrepRoom({ interviewId: id })).checklist).toHaveLength(7)
    await expect(core.handlers.setChecklistItemDone({ id: '5b0c4c3e-3f52-4d2f-9a51-2b4a3c1d0e9f', done: true })).rejects.toMatchObject({
      code: 'NOT_FOUND'
    })
  })
})

describe('prep notes and research', () => {
  it('keep the notes in one searchable pipeline note, made on the first word', async () => {
    const { core } = await start()
    const id = await anInterview(core)
    expect(await core.handlers.savePrepNotes({ interviewId: id, body: '' })).toEqual({ noteId: null, body: '', updatedAt: null })
    const first = await core.handlers.savePrepNotes({ interviewId: id, body: '# Plan\nAsk about the **onboarding** funnel' })
    const second = await core.handlers.savePrepNotes({ interviewId: id, body: '# Plan\nAsk about the **onboarding** funnel and churn' })
    expect(second.noteId).toBe(first.noteId)
    expect((await core.handlers.getPrepRoom({ interviewId: id })).notes.body).toMatch(/churn$/)
    const hits = await core.handlers.search({ query: 'onboarding churn', limit: 5 })
    expect(hits).toMatchObject([{ kind: 'note', interviewId: id }])
    expect((await core.handlers.getInterview({ id })).notes).toHaveLength(1)
  })

  it('keep company research per client, with the website as the client’s own', async () => {
    const { core } = await start()
    const id = await anInterview(core)
    const { client } = await core.handlers.getInterview({ id })
    const fields = {
      website: 'https://acme.example',
      mission: 'Make billing boring',
      whatTheyDo: 'Invoicing for clinics',
      aboutNotes: '',
      people: 'Dana (CTO)',
      notes: ''
    }
    const saved = await core.handlers.saveResearch({ clientId: client.id, fields })
    expect(saved).toMatchObject({ ...fields, clientId: client.id })
    expect((await core.handlers.getInterview({ id })).client.website).toBe('https://acme.example')
    expect((await core.handlers.getPrepRoom({ interviewId: id })).research.mission).toBe('Make billing boring')
    const bad = await dispatch(
      core.handlers,
      'saveResearch',
      { clientId: client.id, fields: { ...fields, website: 'javascript:alert(1)' } },
      () => undefined
    )
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('http') } })
    expect((await core.handlers.getInterview({ id })).client.website).toBe('https://acme.example')
  })
})
