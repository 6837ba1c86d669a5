import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { anInvitation, useCore } from '../support/core'

const start = useCore()

function parse(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')
}

describe('calendar export', () => {
  it('writes one interview as an event an independent parser reads back: time, length, link, checklist, alarms', async () => {
    const { core } = await start('2026-11-23T09:00:00.000Z')
    const { invitation } = await anInvitation(core, { title: 'Analytics dashboard', url: 'https://marketplace.example/job/1' })
    const id = (await core.handlers.acceptInvitation({ id: invitation.id, message: '', terms: null })).invitation.interviewId!
    const detail = await core.handlers.getInterview({ id })
    await core.handlers.updateInterview({ id, fields: { ...detail.interview, channel: 'zoom', channelLink: 'https://zoom.example/j/123' } })
    await core.handlers.scheduleInterview({
      id,
      startsAt: '2026-11-24T14:00:00.000Z',
      timeZone: 'America/New_York',
      durationMinutes: 20,
      note: ''
    })

    const file = await core.handlers.exportInterviewCalendar({ id })
    expect(file.fileName).toBe('interview-2026-11-24.ics')
    const [event] = parse(file.text)
    const vevent = new ICAL.Event(event!)
    expect(vevent.startDate.toJSDate().toISOString()).toBe('2026-11-24T14:00:00.000Z')
    expect(vevent.endDate.toJSDate().toISOString()).toBe('2026-11-24T14:20:00.000Z')
    expect(vevent.summary).toBe('Interview: Analytics dashboard (Maya Chen)')
    expect(vevent.uid).toBe(`${id}@greenroom`)
    expect(vevent.description).toContain('Zoom: https://zoom.example/j/123')
    expect(vevent.description).toContain('Job post: https://marketplace.example/job/1')
    expect(vevent.description).toContain('☐ Reread the job post')
    // Links back into Greenroom: the prep room, and the companion for a call held in another app.
    expect(event!.getFirstPropertyValue('url')).toBe(`greenroom://interview/${id}`)
    expect(vevent.description).toContain(`Prepare in Greenroom: greenroom://interview/${id}\n`)
    expect(vevent.description).toContain(`Notes during the call: greenroom://interview/${id}/companion`)
    const triggers = event!
      .getAllSubcomponents('valarm')
      .map((alarm) => (alarm.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds())
    expect(triggers).toEqual([-86_400, -3_600, -600])
  })

  it('rings its alarms at the reminder times chosen in Settings', async () => {
    const { core } = await start('2026-11-23T09:00:00.000Z')
    await core.handlers.updateSettings({ reminderLeadMinutes: [30, 2880] })
    const { invitation } = await anInvitation(core)
    const id = (await core.handlers.acceptInvitation({ id: invitation.id, message: '', terms: null })).invitation.interviewId!
    await core.handlers.scheduleInterview({ id, startsAt: '2026-11-27T14:00:00.000Z', timeZone: 'UTC', durationMinutes: 15, note: '' })

    for (const text of [(await core.handlers.exportInterviewCalendar({ id })).text, (await core.handlers.exportUpcomingCalendar()).text]) {
      const alarms = parse(text)[0]!.getAllSubcomponents('valarm')
      expect(alarms.map((alarm) => (alarm.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds())).toEqual([-172_800, -1_800])
      expect(alarms.map((alarm) => alarm.getFirstPropertyValue('description'))).toEqual([
        'React dashboard with Maya Chen in 2 days',
        'React dashboard with Maya Chen in 30 minutes'
      ])
    }

    await core.handlers.updateSettings({ reminderLeadMinutes: [] })
    expect(parse((await core.handlers.exportInterviewCalendar({ id })).text)[0]!.getAllSubcomponents('valarm')).toEqual([])
  })

  it('folds long lines of multi-byte text at 75 octets, between characters, and reads back unchanged', async () => {
    const { core } = await start('2026-11-23T09:00:00.000Z')
    const title = 'Übersetzungsplattform für Jürgen Müllers Bäckerei-Genossenschaft 🥨🥨🥨 mit Größenübersicht — 日本語のサポート'
    const { invitation } = await anInvitation(core, { title }, { name: 'Zoë Ångström' })
    const id = (await core.handlers.acceptInvitation({ id: invitation.id, message: '', terms: null })).invitation.interviewId!
    await core.handlers.scheduleInterview({
      id,
      startsAt: '2026-11-24T14:00:00.000Z',
      timeZone: 'Europe/Berlin',
      durationMinutes: 30,
      note: ''
    })
    await core.handlers.addChecklistItem({
      interviewId: id,
      fields: { label: 'Öffnungszeiten prüfen: Größe, Maße, Übergänge, Äpfel, Öl, Süßes und 🥐🥐🥐 für alle', why: '' }
    })

    const { text } = await core.handlers.exportInterviewCalendar({ id })
    const lines = text.split('\r\n')
    expect(lines.some((line) => line.startsWith(' '))).toBe(true) // something was long enough to fold
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75)
    // No character was cut in half: the file is valid UTF-8 and an independent parser reads the same words back.
    expect(Buffer.from(text, 'utf8').toString('utf8')).not.toContain('�')
    const event = new ICAL.Event(parse(text)[0]!)
    expect(event.summary).toBe(`Interview: ${title} (Zoë Ångström)`)
    expect(event.description).toContain('☐ Öffnungszeiten prüfen: Größe, Maße, Übergänge, Äpfel, Öl, Süßes und 🥐🥐🥐 für alle')
  })

  it('lists the interview’s own prep checklist with what is already done', async () => {
    const { core } = await start('2026-11-23T09:00:00.000Z')
    const { invitation } = await anInvitation(core)
    const id = (await core.handlers.acceptInvitation({ id: invitation.id, message: '', terms: null })).invitation.interviewId!
    await core.handlers.scheduleInterview({ id, startsAt: '2026-11-24T14:00:00.000Z', timeZone: 'UTC', durationMinutes: 15, note: '' })
    const room = await core.handlers.getPrepRoom({ interviewId: id })
    await core.handlers.setChecklistItemDone({ id: room.checklist.find((item) => item.kind === 'reread_post')!.id, done: true })
    await core.handlers.addChecklistItem({ interviewId: id, fields: { label: 'Prepare the Stripe webhook demo', why: '' } })

    const description = new ICAL.Event(parse((await core.handlers.exportInterviewCalendar({ id })).text)[0]!).description
    expect(description).toContain('☑ Reread the job post')
    expect(description).toContain('☐ Ask the client what they’d like you to prepare')
    expect(description).toContain('☐ Prepare the Stripe webhook demo')
  })

  it('writes all upcoming calls into one file, leaving past and unscheduled ones out', async () => {
    const { core, clock } = await start('2026-11-23T09:00:00.000Z')
    const ids: string[] = []
    for (const title of ['Past call', 'Next call', 'Later call', 'Unscheduled']) {
      const { invitation } = await anInvitation(core, { title })
      ids.push((await core.handlers.acceptInvitation({ id: invitation.id, message: '', terms: null })).invitation.interviewId!)
    }
    await core.handlers.scheduleInterview({
      id: ids[0]!,
      startsAt: '2026-11-23T10:00:00.000Z',
      timeZone: 'UTC',
      durationMinutes: 15,
      note: ''
    })
    await core.handlers.scheduleInterview({
      id: ids[1]!,
      startsAt: '2026-11-24T10:00:00.000Z',
      timeZone: 'UTC',
      durationMinutes: 15,
      note: ''
    })
    await core.handlers.scheduleInterview({
      id: ids[2]!,
      startsAt: '2026-11-30T10:00:00.000Z',
      timeZone: 'UTC',
      durationMinutes: 30,
      note: ''
    })
    clock.set('2026-11-23T12:00:00.000Z')
    const file = await core.handlers.exportUpcomingCalendar()
    expect(file.count).toBe(2)
    expect(
      parse(file.text)
        .map((event) => new ICAL.Event(event).summary)
        .sort()
    ).toEqual(['Interview: Later call (Maya Chen)', 'Interview: Next call (Maya Chen)'])
  })

  it('writes a call whose link the ics package would refuse (a Teams app link, a one-digit port), link kept as its location', async () => {
    const { core } = await start('2026-11-23T09:00:00.000Z')
    const { invitation } = await anInvitation(core)
    const id = (await core.handlers.acceptInvitation({ id: invitation.id, message: '', terms: null })).invitation.interviewId!
    const detail = await core.handlers.getInterview({ id })
    await core.handlers.updateInterview({ id, fields: { ...detail.interview, channel: 'other', channelLink: 'http://127.0.0.1:9/room' } })
    await core.handlers.scheduleInterview({ id, startsAt: '2026-11-24T14:00:00.000Z', timeZone: 'UTC', durationMinutes: 15, note: '' })

    const [event] = parse((await core.handlers.exportInterviewCalendar({ id })).text)
    expect(new ICAL.Event(event!).location).toBe('http://127.0.0.1:9/room')
    expect(parse((await core.handlers.exportUpcomingCalendar()).text)).toHaveLength(1)
  })

  it('refuses an interview that has no time yet', async () => {
    const { core } = await start()
    const { invitation } = await anInvitation(core)
    const id = (await core.handlers.acceptInvitation({ id: invitation.id, message: '', terms: null })).invitation.interviewId!
    await expect(core.handlers.exportInterviewCalendar({ id })).rejects.toMatchObject({ code: 'CONFLICT' })
  })
})
