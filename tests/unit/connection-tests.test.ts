import { describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/rpc'
import type { ConnectionReport } from '../../src/shared/precall'
import { useCore } from '../support/core'

const start = useCore()

const report = (startedAt: string, verdict: ConnectionReport['verdict']): ConnectionReport => ({
  startedAt,
  firstVerdictMs: 1200,
  durationMs: 6400,
  verdict,
  results: { camera: null, microphone: null, speakers: null, network: null, loopback: null },
  findings: []
})

describe('stored connection tests', () => {
  it('are kept with their time and listed newest first', async () => {
    const { core } = await start()
    await core.handlers.saveConnectionTest(report('2026-11-20T10:00:00.000Z', 'usable'))
    await core.handlers.saveConnectionTest(report('2026-11-22T10:00:00.000Z', 'ready'))
    const history = await core.handlers.listConnectionTests({ limit: 10 })
    expect(history.map((entry) => [entry.startedAt, entry.verdict])).toEqual([
      ['2026-11-22T10:00:00.000Z', 'ready'],
      ['2026-11-20T10:00:00.000Z', 'usable']
    ])
  })

  it('refuse a report that does not fit the contract', async () => {
    const { core } = await start()
    const result = await dispatch(
      core.handlers,
      'saveConnectionTest',
      { ...report('2026-11-20T10:00:00.000Z', 'ready'), verdict: 'great' },
      () => undefined
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await core.handlers.listConnectionTests({ limit: 10 })).toEqual([])
  })

  it('go into backups and come back', async () => {
    const { core } = await start()
    await core.handlers.saveConnectionTest(report('2026-11-20T10:00:00.000Z', 'ready'))
    const exported = await core.handlers.exportBackup()
    await core.handlers.deleteAllRecords({ confirm: 'DELETE' })
    expect(await core.handlers.listConnectionTests({ limit: 10 })).toEqual([])
    await core.handlers.importBackup({ text: exported })
    expect(await core.handlers.listConnectionTests({ limit: 10 })).toHaveLength(1)
  })
})
