import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/rpc'
import { aClient, anInvitation, useCore } from '../support/core'

const start = useCore()

async function acceptedInterview(core: Awaited<ReturnType<typeof start>>['core'], title = 'React dashboard') {
  const { invitation } = await anInvitation(core, { title })
  return (await core.handlers.acceptInvitation({ id: invitation.id, message: '', terms: null })).invitation.interviewId!
}

describe('scheduling an interview', () => {
  it('stores the instant, the agreed zone and the length, and moves it to scheduled', async () => {
    const { core } = await start('2026-11-23T09:00:00.000Z')
    const id = await acceptedInterview(core)
    const detail = await core.handlers.scheduleInterview({
      id,
      startsAt: '2026-11-24T14:00:00.000Z',
      timeZone: 'America/New_York',
      durationMinutes: 20,
      note: ''
    })
    expect(detail.interview.status).toBe('scheduled')
    expect(detail.interview.schedule).toEqual({ startsAt: '2026-11-24T14:00:00.000Z', timeZone: 'America/New_York', durationMinutes: 20 })
  })

  it('keeps history when the call moves or is cancelled', async () => {
    const { core, clock } = await start('2026-11-23T09:00:00.000Z')
    const id = await acceptedInterview(core)
    await core.handlers.scheduleInterview({
      id,
      startsAt: '2026-11-24T14:00:00.000Z',
      timeZone: 'Europe/Berlin',
      durationMinutes: 15,
      note: ''
    })
    clock.advanceHours(1)
    await core.handlers.scheduleInterview({
      id,
      startsAt: '2026-11-25T14:00:00.000Z',
      timeZone: 'Europe/Berlin',
      durationMinutes: 15,
      note: 'Client asked for Wednesday'
    })
    clock.advanceHours(1)
    const cancelled = await core.handlers.cancelSchedule({ id, note: 'Client postponed' })
    expect(cancelled.interview.status).toBe('accepted')
    expect(cancelled.interview.schedule).toBeNull()
    expect(cancelled.history.map((change) => [change.from, change.to])).toEqual([
      [null, 'accepted'],
      ['accepted', 'scheduled'],
      ['scheduled', 'accepted']
    ])
  })

  it('lists each time the call had, with the time a move or a cancellation replaced', async () => {
    const { core, clock } = await start('2026-11-23T09:00:00.000Z')
    const id = await acceptedInterview(core)
    await core.handlers.scheduleInterview({
      id,
      startsAt: '2026-11-25T14:30:00.000Z',
      timeZone: 'Europe/Berlin',
      durationMinutes: 15,
      note: ''
    })
    clock.advanceHours(1)
    await core.handlers.scheduleInterview({
      id,
      startsAt: '2026-11-26T15:00:00.000Z',
      timeZone: 'Europe/Berlin',
      durationMinutes: 20,
      note: 'Client asked for Thursday'
    })
    clock.advanceHours(1)
    await core.handlers.cancelSchedule({ id, note: '' })
    expect(await core.handlers.listScheduleHistory({ interviewId: id })).toEqual([
      {
        action: 'scheduled',
        startsAt: '2026-11-25T14:30:00.000Z',
        previousStartsAt: null,
        timeZone: 'Europe/Berlin',
        durationMinutes: 15,
        changedAt: '2026-11-23T09:00:00.000Z',
        note: ''
      },
      {
        action: 'rescheduled',
        startsAt: '2026-11-26T15:00:00.000Z',
        previousStartsAt: '2026-11-25T14:30:00.000Z',
        timeZone: 'Europe/Berlin',
        durationMinutes: 20,
        changedAt: '2026-11-23T10:00:00.000Z',
        note: 'Client asked for Thursday'
      },
      {
        action: 'cancelled',
        startsAt: null,
        previousStartsAt: '2026-11-26T15:00:00.000Z',
        timeZone: null,
        durationMinutes: null,
        changedAt: '2026-11-23T11:00:00.000Z',
        note: ''
      }
    ])
  })

  it('refuses to schedule a finished interview, changing nothing', async () => {
    const { core } = await start()
    const id = await acceptedInterview(core)
    await core.handlers.changeInterviewStatus({ id, status: 'hired', note: '' })
    await expect(
      core.handlers.scheduleInterview({ id, startsAt: '2026-11-24T14:00:00.000Z', timeZone: 'UTC', durationMinutes: 15, note: '' })
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    expect((await core.handlers.getInterview({ id })).interview.schedule).toBeNull()
  })

  it('refuses an unknown zone and a silly length at the door', async () => {
    const { core } = await start()
    const id = await acceptedInterview(core)
    const quiet = () => undefined
    expect(
      await dispatch(
        core.handlers,
        'scheduleInterview',
        { id, startsAt: '2026-11-24T14:00:00.000Z', timeZone: 'Mars/Base', durationMinutes: 15, note: '' },
        quiet
      )
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(
      await dispatch(
        core.handlers,
        'scheduleInterview',
        { id, startsAt: '2026-11-24T14:00:00.000Z', timeZone: 'UTC', durationMinutes: 1, note: '' },
        quiet
      )
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})

describe('checking a proposed time', () => {
  it('warns outside working hours and on overlaps within the buffer', async () => {
    const { core } = await start('2026-11-23T09:00:00.000Z')
    await core.handlers.updateSettings({ timeZone: 'Europe/Berlin', bufferMinutes: 15 })
    const booked = await acceptedInterview(core, 'Booked call')
    await core.handlers.scheduleInterview({
      id: booked,
      startsAt: '2026-11-24T13:00:00.000Z',
      timeZone: 'Europe/Berlin',
      durationMinutes: 30,
      note: ''
    })

    // 14:40 Berlin: inside hours, but 10 minutes after the booked call ends (buffer 15).
    const close = await core.handlers.checkSlot({ start: '2026-11-24T13:40:00.000Z', durationMinutes: 20, interviewId: null })
    expect(close).toEqual({
      outsideWorkingHours: false,
      conflicts: [{ id: booked, title: 'Booked call', start: '2026-11-24T13:00:00.000Z', durationMinutes: 30 }]
    })
    // 06:00 Berlin: no conflict, but before working hours.
    expect(await core.handlers.checkSlot({ start: '2026-11-24T05:00:00.000Z', durationMinutes: 20, interviewId: null })).toEqual({
      outsideWorkingHours: true,
      conflicts: []
    })
    // The booked call does not conflict with itself when it is being moved.
    expect(
      (await core.handlers.checkSlot({ start: '2026-11-24T13:10:00.000Z', durationMinutes: 30, interviewId: booked })).conflicts
    ).toEqual([])
  })

  it('suggests free slots around booked calls', async () => {
    const { core } = await start('2026-11-23T07:00:00.000Z') // Monday 08:00 Berlin
    await core.handlers.updateSettings({ timeZone: 'Europe/Berlin', bufferMinutes: 0 })
    const booked = await acceptedInterview(core)
    await core.handlers.scheduleInterview({
      id: booked,
      startsAt: '2026-11-23T08:00:00.000Z',
      timeZone: 'Europe/Berlin',
      durationMinutes: 30,
      note: ''
    })
    const { slots } = await core.handlers.suggestSlots({ durationMinutes: 30, days: 1, interviewId: null })
    expect(slots.slice(0, 2).map((slot) => slot.start)).toEqual(['2026-11-23T08:30:00.000Z', '2026-11-23T09:00:00.000Z'])
  })
})

describe('times offered to the interview’s client', () => {
  it('keep to the client’s working hours, 09–18 in their zone until edited on the client', async () => {
    const { core } = await start('2026-11-23T07:00:00.000Z') // Monday 08:00 Berlin, 02:00 New York
    await core.handlers.updateSettings({ timeZone: 'Europe/Berlin', bufferMinutes: 0 })
    const { invitation, client } = await anInvitation(core, {}, { timeZone: 'America/New_York' })
    const id = (await core.handlers.acceptInvitation({ id: invitation.id, message: '', terms: null })).invitation.interviewId!
    expect(client.workingHours).toEqual({ days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' })

    const inNewYork = (iso: string) => DateTime.fromISO(iso).setZone('America/New_York').toFormat('HH:mm')
    const offered = await core.handlers.suggestSlots({ durationMinutes: 30, days: 7, interviewId: id })
    expect(offered.overlap).toBe(true)
    expect(offered.slots.map((slot) => inNewYork(slot.start)).every((time) => time >= '09:00' && time <= '10:30')).toBe(true)

    // An early riser: 07:00–15:00 in New York is 13:00–21:00 in Berlin.
    const edited = await core.handlers.updateClient({
      id: client.id,
      fields: { ...aClient({ timeZone: 'America/New_York' }), workingHours: { days: [1, 2, 3, 4, 5], start: '07:00', end: '15:00' } }
    })
    expect(edited.workingHours).toEqual({ days: [1, 2, 3, 4, 5], start: '07:00', end: '15:00' })
    const earlier = await core.handlers.suggestSlots({ durationMinutes: 30, days: 7, interviewId: id })
    expect(earlier.slots.map((slot) => inNewYork(slot.start))).toContain('08:00') // before the default day starts
    expect(earlier.slots.every((slot) => inNewYork(slot.start) >= '07:00' && inNewYork(slot.start) <= '10:30')).toBe(true)

    // Saving the client without hours keeps the ones stored.
    const { workingHours: _kept, ...withoutHours } = edited
    await core.handlers.updateClient({
      id: client.id,
      fields: {
        name: withoutHours.name,
        company: withoutHours.company,
        website: withoutHours.website,
        timeZone: withoutHours.timeZone,
        country: withoutHours.country,
        notes: 'Prefers mornings'
      }
    })
    expect((await core.handlers.getInterview({ id })).client.workingHours.start).toBe('07:00')
  })

  it('refuse client hours that end before they start, changing nothing', async () => {
    const { core } = await start()
    const { client } = await anInvitation(core)
    const reply = await dispatch(
      core.handlers,
      'updateClient',
      { id: client.id, fields: { ...aClient(), workingHours: { days: [1], start: '18:00', end: '09:00' } } },
      () => undefined
    )
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('end after they start') } })
    expect((await core.handlers.listClients()).find((found) => found.id === client.id)!.workingHours.end).toBe('18:00')
  })
})
