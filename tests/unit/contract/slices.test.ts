import { describe, expect, it } from 'vitest'
import { contract, methodNames, slices, type CallSpec } from '../../../src/shared/contract'

describe('the contract, one slice per domain', () => {
  it('joins every slice without one call shadowing another', () => {
    const fromSlices = Object.values(slices).flatMap((slice) => Object.keys(slice))
    expect(new Set(fromSlices).size).toBe(fromSlices.length)
    expect([...fromSlices].sort()).toEqual([...methodNames].sort())
  })

  it('refines only calls that change records: quiet ones and ones that commit by themselves', () => {
    const refinedWithoutChanges = Object.entries(contract as Record<string, CallSpec>)
      .filter(([, spec]) => (spec.announce === false || spec.commitsItself === true) && spec.changes !== true)
      .map(([name]) => name)
    expect(refinedWithoutChanges).toEqual([])
  })
})
