import { describe, expect, it } from 'vitest'
import { isJoinOpen, joinWindowOf } from '../../../src/shared/join-window'

const call = { startsAt: '2026-12-02T15:00:00.000Z', durationMinutes: 30 }
const at = (iso: string) => new Date(iso)

describe('when Join is offered', () => {
  it('opens 15 minutes before the start and closes at the end', () => {
    expect(joinWindowOf(call)).toEqual({ opensAt: at('2026-12-02T14:45:00.000Z'), closesAt: at('2026-12-02T15:30:00.000Z') })
  })

  it.each([
    ['2026-12-02T14:44:59.000Z', false],
    ['2026-12-02T14:45:00.000Z', true],
    ['2026-12-02T15:00:00.000Z', true],
    ['2026-12-02T15:30:00.000Z', true],
    ['2026-12-02T15:30:01.000Z', false],
    ['2026-12-01T15:00:00.000Z', false]
  ])('at %s: %s', (now, open) => {
    expect(isJoinOpen(call, at(now))).toBe(open)
  })

  it('is never offered for a call with no time', () => {
    expect(isJoinOpen(null, at('2026-12-02T15:00:00.000Z'))).toBe(false)
  })
})
