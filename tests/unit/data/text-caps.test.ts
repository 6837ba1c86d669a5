import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/rpc'
import { contract, methodNames } from '../../../src/shared/contract'
import type { ConnectionReport } from '../../../src/shared/precall'
import { useCore } from '../../support/core'
import { databaseFingerprint } from '../../support/db-dump'
import { defOf, eachRawSchema } from '../../support/zod-tree'

const start = useCore()

/** Formats whose pattern fixes the length by itself. */
const BOUNDED_FORMATS = new Set(['uuid'])

describe('every text field the contract accepts has a length cap', () => {
  it('finds no uncapped string in any call’s input (so nothing stored can outgrow what import accepts)', () => {
    const uncapped: string[] = []
    for (const method of methodNames) {
      eachRawSchema(contract[method].input, (schema, path) => {
        const def = defOf(schema)
        if (def.type !== 'string') return
        const capped = (schema as unknown as { maxLength: number | null }).maxLength !== null || BOUNDED_FORMATS.has(String(def.format))
        if (!capped) uncapped.push(`${method}${path || ' (the input itself)'}`)
      })
    }
    expect(uncapped).toEqual([])
  })

  it('knows every kind of schema the contract uses, so a string cannot hide inside one the walk skips', () => {
    // Leaves hold no other schema; the walk (tests/support/zod-tree.ts) descends into the rest.
    const leaves = ['string', 'number', 'boolean', 'enum', 'literal', 'null', 'void', 'undefined']
    const containers = [
      'object',
      'array',
      'union',
      'intersection',
      'record',
      'tuple',
      'optional',
      'nullable',
      'default',
      'prefault',
      'readonly',
      'nonoptional',
      'catch',
      'pipe',
      'lazy'
    ]
    const unknown = new Set<string>()
    for (const method of methodNames) {
      eachRawSchema(contract[method].input, (schema) => {
        const { type } = defOf(schema)
        if (!leaves.includes(type) && !containers.includes(type)) unknown.add(`${method}: ${type}`)
      })
    }
    expect([...unknown]).toEqual([])
  })
})

describe('a connection-test report', () => {
  const report = (cause: string): ConnectionReport => ({
    startedAt: '2026-11-02T09:00:00.000Z',
    firstVerdictMs: 900,
    durationMs: 9000,
    verdict: 'not_ready',
    results: { camera: null, microphone: null, speakers: null, network: null, loopback: null },
    findings: [{ check: 'loopback', severity: 'fail', cause, fix: 'Check your firewall.' }]
  })

  it('with a cause longer than its cap is refused, naming the field, and nothing is saved', async () => {
    const { core } = await start()
    const before = await databaseFingerprint(core.databaseFile)
    const result = await dispatch(core.handlers, 'saveConnectionTest', report('x'.repeat(1001)), () => undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('findings.0.cause') } })
    expect(await databaseFingerprint(core.databaseFile)).toBe(before)
  })

  it('at its cap is saved, and travels through a backup', async () => {
    const { core } = await start()
    expect((await dispatch(core.handlers, 'saveConnectionTest', report('x'.repeat(1000)), () => undefined)).ok).toBe(true)
    const exported = await core.handlers.exportBackup()
    expect(await core.handlers.importBackup({ text: exported })).toMatchObject({ clients: 0 })
    expect((await core.handlers.listConnectionTests({ limit: 5 }))[0]?.findings[0]?.cause).toHaveLength(1000)
  })
})
