import { describe, expect, it } from 'vitest'
import { isLiveCall } from '../../../src/shared/call'
import { INTERVIEW_STATUSES, isBeforeTheCall, isSchedulable } from '../../../src/shared/pipeline'
import { checklistKindSchema, isConnectionAutoDone } from '../../../src/shared/prep'

const CHECKLIST_KINDS = checklistKindSchema.options

const where = (predicate: (status: (typeof INTERVIEW_STATUSES)[number]) => boolean) => INTERVIEW_STATUSES.filter(predicate)

describe('domain rules, one definition each', () => {
  it('schedulable: an accepted interview, a scheduled one (moved) and a no-show (booked again)', () => {
    expect(where(isSchedulable)).toEqual(['accepted', 'scheduled', 'no_show'])
  })

  it('before the call: from the invitation until the call took place, a no-show included', () => {
    expect(where(isBeforeTheCall)).toEqual(['invited', 'accepted', 'scheduled', 'no_show'])
  })

  it('a live call: connecting, connected or reconnecting, and no other phase', () => {
    const phases = ['preparing', 'ready', 'waiting', 'ringing', 'declined', 'connecting', 'connected', 'reconnecting', 'ended', 'failed']
    expect(phases.filter(isLiveCall)).toEqual(['connecting', 'connected', 'reconnecting'])
  })

  it('only the connection item ticks itself, and only while a recent test passed', () => {
    expect(CHECKLIST_KINDS.filter((kind) => isConnectionAutoDone(kind, true))).toEqual(['connection'])
    expect(CHECKLIST_KINDS.filter((kind) => isConnectionAutoDone(kind, false))).toEqual([])
  })
})
