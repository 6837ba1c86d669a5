import { describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/rpc'
import { anInvitation, useCore, type OpenCore } from '../support/core'

const start = useCore()

/** An interview scheduled at `startsAt`, 15 minutes long; returns its id. */
async function scheduledCall({ core }: OpenCore, startsAt: string, title = 'React dashboard') {
  const { invitation } = await anInvitation(core, { title })
  const id = (await core.handlers.acceptInvitation({ id: invitation.id, message: '', terms: null })).invitation.interviewId!
  await core.handlers.scheduleInterview({ id, startsAt, timeZone: 'America/New_York', durationMinutes: 15, note: '' })
  await core.reminders.replan()
  return id
}

/** Lets the scheduler finish the passes that changes set off. */
const settle = (open: OpenCore) => open.core.reminders.replan()

/** Moves the clock and wakes the scheduler as its timer would. */
async function timePasses(open: OpenCore, iso: string) {
  open.clock.set(iso)
  open.timers.fire()
  await settle(open)
}

const rang = (open: OpenCore) => open.notified.flatMap((pass) => pass.fired.map((alert) => `${alert.kind} ${alert.leadMinutes}`))

describe('reminders before a call', () => {
  it('ring once each, at their time, and then wait for the next', async () => {
    const open = await start('2026-11-23T09:00:00.000Z')
    await scheduledCall(open, '2026-11-24T14:00:00.000Z')
    await settle(open)
    expect(open.notified).toEqual([])

    await timePasses(open, '2026-11-23T13:59:30.000Z')
    expect(open.timers.waitingMs).toBe(30_000)
    await timePasses(open, '2026-11-23T14:00:00.000Z')
    expect(rang(open)).toEqual(['before_call 1440'])

    await timePasses(open, '2026-11-24T13:00:05.000Z')
    await timePasses(open, '2026-11-24T13:50:01.000Z')
    await timePasses(open, '2026-11-24T13:51:00.000Z')
    expect(rang(open)).toEqual(['before_call 1440', 'before_call 60', 'before_call 10'])
    expect(open.notified.at(-1)!.fired[0]!.interview.title).toBe('React dashboard')
  })

  it('are shown in the app once each', async () => {
    const open = await start('2026-11-23T09:00:00.000Z')
    const id = await scheduledCall(open, '2026-11-24T14:00:00.000Z')
    await timePasses(open, '2026-11-23T14:00:00.000Z')
    const first = await open.core.handlers.takeReminderAlerts()
    expect(first.map((alert) => [alert.interview.id, alert.leadMinutes, alert.state])).toEqual([[id, 1440, 'fired']])
    expect(await open.core.handlers.takeReminderAlerts()).toEqual([])
  })

  it('follow the call when it moves, and stop when it is cancelled', async () => {
    const open = await start('2026-11-23T09:00:00.000Z')
    const id = await scheduledCall(open, '2026-11-24T14:00:00.000Z')
    await settle(open)
    await open.core.handlers.scheduleInterview({
      id,
      startsAt: '2026-11-25T14:00:00.000Z',
      timeZone: 'Europe/Berlin',
      durationMinutes: 15,
      note: 'Moved'
    })
    await settle(open)

    await timePasses(open, '2026-11-23T14:00:00.000Z')
    expect(rang(open)).toEqual([])
    await timePasses(open, '2026-11-24T14:00:00.000Z')
    expect(rang(open)).toEqual(['before_call 1440'])

    await open.core.handlers.cancelSchedule({ id, note: '' })
    await settle(open)
    await timePasses(open, '2026-11-25T13:55:00.000Z')
    expect(rang(open)).toEqual(['before_call 1440'])
  })

  it('follow the lead times in Settings', async () => {
    const open = await start('2026-11-23T09:00:00.000Z')
    await scheduledCall(open, '2026-11-24T14:00:00.000Z')
    await open.core.handlers.updateSettings({ reminderLeadMinutes: [30] })
    await settle(open)
    await timePasses(open, '2026-11-23T14:00:00.000Z')
    await timePasses(open, '2026-11-24T13:30:00.000Z')
    expect(rang(open)).toEqual(['before_call 30'])
  })

  it('do not ring for times already past when the call was booked', async () => {
    const open = await start('2026-11-24T13:30:00.000Z')
    await scheduledCall(open, '2026-11-24T14:00:00.000Z')
    await settle(open)
    await timePasses(open, '2026-11-24T13:50:00.000Z')
    expect(rang(open)).toEqual(['before_call 10'])
    expect(open.notified.flatMap((pass) => pass.missed)).toEqual([])
  })
})

describe('reminders missed while Greenroom was closed', () => {
  it('are shown once on the next start, as missed, one per call rather than a burst', async () => {
    const open = await start('2026-11-23T09:00:00.000Z')
    await scheduledCall(open, '2026-11-24T14:00:00.000Z')
    await settle(open)
    // Quit, and start again 5 minutes before the call: three reminders passed meanwhile.
    open.clock.set('2026-11-24T13:55:00.000Z')
    const again = await open.restart()
    expect(again.notified).toHaveLength(1)
    expect(again.notified[0]!.fired).toEqual([])
    expect(again.notified[0]!.missed.map((alert) => [alert.leadMinutes, alert.state])).toEqual([[10, 'missed']])

    expect((await again.core.handlers.takeReminderAlerts()).map((alert) => alert.state)).toEqual(['missed'])
    expect(await again.core.handlers.takeReminderAlerts()).toEqual([])
    const third = await again.restart()
    expect(third.notified).toEqual([])
  })

  it('say nothing about a call that is already over: the no-show question covers it', async () => {
    const open = await start('2026-11-23T09:00:00.000Z')
    const id = await scheduledCall(open, '2026-11-24T14:00:00.000Z')
    await settle(open)
    open.clock.set('2026-11-26T08:00:00.000Z')
    const again = await open.restart()
    expect(again.notified.flatMap((pass) => pass.missed).map((alert) => alert.kind)).toEqual(['no_show'])
    expect((await again.core.handlers.listShowUpQuestions()).map((question) => question.interview.id)).toEqual([id])
  })

  it('count as missed after the computer slept through them, and ring on time otherwise', async () => {
    const open = await start('2026-11-23T09:00:00.000Z')
    await scheduledCall(open, '2026-11-24T14:00:00.000Z')
    await settle(open)
    // Woke up three hours after the one-day reminder was due.
    await timePasses(open, '2026-11-23T17:00:00.000Z')
    expect(open.notified.flatMap((pass) => pass.missed).map((alert) => alert.leadMinutes)).toEqual([1440])
    // A timer 30 seconds late still rings as usual.
    await timePasses(open, '2026-11-24T13:00:30.000Z')
    expect(rang(open)).toEqual(['before_call 60'])
  })
})

describe('the no-show question', () => {
  it('comes after the margin and, answered no, marks the interview and flags the client', async () => {
    const open = await start('2026-11-24T13:00:00.000Z')
    const id = await scheduledCall(open, '2026-11-24T14:00:00.000Z')
    await timePasses(open, '2026-11-24T14:05:00.000Z')
    expect(await open.core.handlers.listShowUpQuestions()).toEqual([])

    await timePasses(open, '2026-11-24T14:10:00.000Z')
    expect(rang(open)).toContain('no_show -10')
    expect((await open.core.handlers.listShowUpQuestions()).map((question) => question.interview.id)).toEqual([id])

    const answered = await open.core.handlers.answerShowUp({ id, showedUp: false })
    expect(answered.interview.status).toBe('no_show')
    expect(answered.client.redFlags.map((flag) => [flag.kind, flag.note])).toEqual([['no_show', 'Did not come to the call on 2026-11-24']])
    expect(await open.core.handlers.listShowUpQuestions()).toEqual([])
    const listed = await dispatch(open.core.handlers, 'listInterviews', {}, () => undefined)
    expect(listed).toMatchObject({ ok: true, value: [{ id, clientHasRedFlags: true }] })
  })

  it('is not asked at all when the call took place in Greenroom’s call room', async () => {
    const open = await start('2026-11-24T13:00:00.000Z')
    const id = await scheduledCall(open, '2026-11-24T14:00:00.000Z')
    const measurements = {
      averageRttMs: 40,
      worstRttMs: 80,
      averageLossPercent: 0,
      worstLossPercent: 0,
      averageJitterMs: 3,
      mos: 4.4,
      samples: 8,
      reconnects: 0
    }
    open.clock.set('2026-11-24T14:09:00.000Z')
    await open.core.handlers.recordCall({
      interviewId: id,
      startedAt: '2026-11-24T14:00:30.000Z',
      endedAt: '2026-11-24T14:08:30.000Z',
      measurements
    })
    await timePasses(open, '2026-11-24T14:10:00.000Z')
    expect(rang(open)).not.toContain('no_show -10')
    expect(await open.core.handlers.listShowUpQuestions()).toEqual([])
  })

  it('answered yes, records that the call took place, and cannot be answered twice', async () => {
    const open = await start('2026-11-24T13:00:00.000Z')
    const id = await scheduledCall(open, '2026-11-24T14:00:00.000Z')
    open.clock.set('2026-11-24T14:30:00.000Z')
    const answered = await open.core.handlers.answerShowUp({ id, showedUp: true })
    expect(answered.interview.status).toBe('done')
    expect(answered.client.redFlags).toEqual([])
    await expect(open.core.handlers.answerShowUp({ id, showedUp: false })).rejects.toMatchObject({ code: 'CONFLICT' })
    expect((await open.core.handlers.getInterview({ id })).client.redFlags).toEqual([])
  })

  it('refuses a malformed answer at the door', async () => {
    const open = await start()
    const result = await dispatch(open.core.handlers, 'answerShowUp', { id: 'not-an-id', showedUp: 'maybe' }, () => undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})

describe('upcoming calls', () => {
  it('lists the calls ahead in order, until they end', async () => {
    const open = await start('2026-11-23T09:00:00.000Z')
    const later = await scheduledCall(open, '2026-11-25T10:00:00.000Z', 'Later call')
    const sooner = await scheduledCall(open, '2026-11-24T10:00:00.000Z', 'Sooner call')
    expect((await open.core.handlers.listUpcomingCalls({ limit: 5 })).map((call) => call.interview.id)).toEqual([sooner, later])
    open.clock.set('2026-11-24T10:10:00.000Z')
    expect((await open.core.handlers.listUpcomingCalls({ limit: 5 })).map((call) => call.interview.id)).toEqual([sooner, later])
    open.clock.set('2026-11-24T10:16:00.000Z')
    expect((await open.core.handlers.listUpcomingCalls({ limit: 5 })).map((call) => call.interview.id)).toEqual([later])
  })

  it('carry the prep room’s readiness, for the tray', async () => {
    const open = await start('2026-11-23T09:00:00.000Z')
    const id = await scheduledCall(open, '2026-11-24T10:00:00.000Z')
    expect((await open.core.upcomingCalls(5))[0]!.readiness).toBe(0)
    const room = await open.core.handlers.getPrepRoom({ interviewId: id })
    for (const item of room.checklist.slice(0, 2)) await open.core.handlers.setChecklistItemDone({ id: item.id, done: true })
    expect((await open.core.upcomingCalls(5))[0]!.readiness).toBeCloseTo(2 / room.checklist.length)
  })
})
