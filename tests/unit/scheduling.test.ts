import { describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/rpc'
import { anInvitation, useCore } from '../support/core'

const start = useCore()

async function acceptedInterview(core: Awaited<ReturnType<typeof start>>['core'], title = 'React dashboard') {
  const { invitation } = await anInvitation(core, { title })
  return (await core.handlers.acceptInvitation({ id: invitation.id, message: '', terms: null })).invitation.interviewId!
}

describe('scheduling an interview', () => {
  it('stores the instant, the agreed zone and the length, and moves it to scheduled', async () => {
    const { core } = await start('2026-11-23T09:00:00.000Z')
    const id = await acceptedInterview(core)
    const detail = await core.handlers.scheduleInterview({ id, startsAt: '2026-11-24T14:00:00.000Z', timeZone: 'America/New_York', durationMinutes: 20, note: '' })
    expect(detail.interview.status).toBe('scheduled')
    expect(detail.interview.schedule).toEqual({ startsAt: '2026-11-24T14:00:00.000Z', timeZone: 'America/New_York', durationMinutes: 20 })
  })

  it('keeps history when the call moves or is cancelled', async () => {
    const { core, clock } = await start('2026-11-23T09:00:00.000Z')
    const id = await acceptedInterview(core)
    await core.handlers.scheduleInterview({ id, startsAt: '2026-11-24T14:00:00.000Z', timeZone: 'Europe/Berlin', durationMinutes: 15, note: '' })
    clock.advanceHours(1)
    await core.handlers.scheduleInterview({ id, startsAt: '2026-11-25T14:00:00.000Z', timeZone: 'Europe/Berlin', durationMinutes: 15, note: 'Client asked for Wednesday' })
    clock.advanceHours(1)
    const cancelled = await core.handlers.cancelSchedule({ id, note: 'Client postponed' })
    expect(cancelled.interview.status).toBe('accepted')
    expect(cancelled.interview.schedule).toBeNull()
    expect(cancelled.history.map((change) => [change.from, change.to])).toEqual([[null, 'accepted'], ['accepted', 'scheduled'], ['scheduled', 'accepted']])
  })

  it('refuses to schedule a finished interview, changing nothing', async () => {
    const { core } = await start()
    const id = await acceptedInterview(core)
    await core.handlers.changeInterviewStatus({ id, status: 'hired', note: '' })
    await expect(core.handlers.scheduleInterview({ id, startsAt: '2026-11-24T14:00:00.000Z', timeZone: 'UTC', durationMinutes: 15, note: '' })).rejects.toMatchObject({ code: 'CONFLICT' })
    expect((await core.handlers.getInterview({ id })).interview.schedule).toBeNull()
  })

  it('refuses an unknown zone and a silly length at the door', async () => {
    const { core } = await start()
    const id = await acceptedInterview(core)
    const quiet = () => undefined
    expect(await dispatch(core.handlers, 'scheduleInterview', { id, startsAt: '2026-11-24T14:00:00.000Z', timeZone: 'Mars/Base', durationMinutes: 15, note: '' }, quiet)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await dispatch(core.handlers, 'scheduleInterview', { id, startsAt: '2026-11-24T14:00:00.000Z', timeZone: 'UTC', durationMinutes: 1, note: '' }, quiet)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})

describe('checking a proposed time', () => {
  it('warns outside working hours and on overlaps within the buffer', async () => {
    const { core } = await start('2026-11-23T09:00:00.000Z')
    await core.handlers.updateSettings({ timeZone: 'Europe/Berlin', bufferMinutes: 15 })
    const booked = await acceptedInterview(core, 'Booked call')
    await core.handlers.scheduleInterview({ id: booked, startsAt: '2026-11-24T13:00:00.000Z', timeZone: 'Europe/Berlin', durationMinutes: 30, note: '' })

    // 14:40 Berlin: inside hours, but 10 minutes after the booked call ends (buffer 15).
    const close = await core.handlers.checkSlot({ start: '2026-11-24T13:40:00.000Z', durationMinutes: 20, interviewId: null })
    expect(close).toEqual({ outsideWorkingHours: false, conflicts: [{ id: booked, title: 'Booked call', start: '2026-11-24T13:00:00.000Z', durationMinutes: 30 }] })
    // 06:00 Berlin: no conflict, but before working hours.
    expect(await core.handlers.checkSlot({ start: '2026-11-24T05:00:00.000Z', durationMinutes: 20, interviewId: null })).toEqual({ outsideWorkingHours: true, conflicts: [] })
    // The booked call does not conflict with itself when it is being moved.
    expect((await core.handlers.checkSlot({ start: '2026-11-24T13:10:00.000Z', durationMinutes: 30, interviewId: booked })).conflicts).toEqual([])
  })

  it('suggests free slots around booked calls', async () => {
    const { core } = await start('2026-11-23T07:00:00.000Z') // Monday 08:00 Berlin
    await core.handlers.updateSettings({ timeZone: 'Europe/Berlin', bufferMinutes: 0 })
    const booked = await acceptedInterview(core)
    await core.handlers.scheduleInterview({ id: booked, startsAt: '2026-11-23T08:00:00.000Z', timeZone: 'Europe/Berlin', durationMinutes: 30, note: '' })
    const slots = await core.handlers.suggestSlots({ durationMinutes: 30, days: 1, interviewId: null })
    expect(slots.slice(0, 2).map((slot) => slot.start)).toEqual(['2026-11-23T08:30:00.000Z', '2026-11-23T09:00:00.000Z'])
  })
})
