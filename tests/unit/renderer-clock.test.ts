import { DateTime } from 'luxon'
import { afterEach, describe, expect, it } from 'vitest'
import { followHostClock, now, syncWithHostClock } from '../../src/renderer/src/clock'
// What every lazily loaded page loads first (pages.tsx): Luxon then reads the host's clock too.
import '../../src/renderer/src/luxon-host-clock'

const HOUR = 3_600_000

afterEach(() => {
  followHostClock(new Date().toISOString(), Date.now(), Date.now())
})

describe('the renderer’s clock', () => {
  it('follows the host’s clock, for its own readings and for Luxon’s relative times', async () => {
    const hostNow = new Date(Date.now() - 72 * HOUR)
    await syncWithHostClock(async () => ({ now: hostNow.toISOString() }))
    expect(Math.abs(now().getTime() - hostNow.getTime())).toBeLessThan(60_000)
    expect(Math.abs(DateTime.now().toMillis() - hostNow.getTime())).toBeLessThan(60_000)
    expect(DateTime.fromMillis(hostNow.getTime() + 3 * HOUR + 10 * 60_000).toRelative()).toBe('in 3 hours')
  })

  it('places the host’s reading in the middle of the wait for its answer', () => {
    followHostClock('2026-11-24T12:00:00.000Z', Date.now() - 1000, Date.now() + 1000)
    expect(Math.abs(now().getTime() - Date.parse('2026-11-24T12:00:00.000Z'))).toBeLessThan(1000)
  })

  it('keeps this computer’s clock when the host cannot be asked', async () => {
    await syncWithHostClock(async () => {
      throw new Error('closed')
    })
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000)
  })
})
