import { describe, expect, it, vi } from 'vitest'
import { dispatch } from '../../../src/main/rpc'
import type { InterviewFields } from '../../../src/shared/pipeline'
import { anInvitation, useCore, type OpenCore } from '../../support/core'

const opened: string[] = []
const desktop = useCore({ openMeetingLink: vi.fn(async (url: string) => void opened.push(url)) })
const browser = useCore()

/** An accepted interview on `channel`, scheduled for 10:00 UTC, 30 minutes. */
async function aCallElsewhere(open: OpenCore, channel: InterviewFields['channel'], channelLink: string): Promise<string> {
  const { invitation } = await anInvitation(open.core)
  const id = (await open.core.handlers.acceptInvitation({ id: invitation.id, message: '', terms: null })).invitation.interviewId!
  const { interview } = await open.core.handlers.getInterview({ id })
  const { title, scenario, type, sampleTask, outcomeNotes } = interview
  await open.core.handlers.updateInterview({ id, fields: { title, scenario, type, sampleTask, outcomeNotes, channel, channelLink } })
  await open.core.handlers.scheduleInterview({
    id,
    startsAt: '2026-11-02T10:00:00.000Z',
    timeZone: 'America/New_York',
    durationMinutes: 30,
    note: ''
  })
  return id
}

describe('Join for a call held elsewhere', () => {
  it('hands the Zoom link to the system in the desktop app', async () => {
    opened.length = 0
    const open = await desktop('2026-11-02T09:50:00.000Z')
    const id = await aCallElsewhere(open, 'zoom', 'https://us02web.zoom.us/j/81234567890?pwd=abc')
    expect(await open.core.handlers.joinCall({ interviewId: id })).toEqual({
      link: 'https://us02web.zoom.us/j/81234567890?pwd=abc',
      opened: true
    })
    expect(opened).toEqual(['https://us02web.zoom.us/j/81234567890?pwd=abc'])
  })

  it('gives browser mode the checked link to open in a tab, and nothing to open when there is no link', async () => {
    const open = await browser('2026-11-02T09:50:00.000Z')
    const teams = await aCallElsewhere(open, 'teams', 'msteams:/l/meetup-join/19%3ameeting')
    expect(await open.core.handlers.joinCall({ interviewId: teams })).toEqual({
      link: 'msteams:/l/meetup-join/19%3ameeting',
      opened: false
    })
    const marketplace = await aCallElsewhere(open, 'marketplace', '')
    expect(await open.core.handlers.joinCall({ interviewId: marketplace })).toEqual({ link: null, opened: false })
    // The marketplace's call opens the client's message room when its link is kept.
    const room = 'https://www.upwork.com/ab/messages/rooms/room_abc'
    const withRoom = await aCallElsewhere(open, 'marketplace', room)
    expect(await open.core.handlers.joinCall({ interviewId: withRoom })).toEqual({ link: room, opened: false })
  })

  it('refuses Greenroom’s own call, which Start call opens', async () => {
    const open = await browser()
    const id = await aCallElsewhere(open, 'builtin', '')
    const result = await dispatch(open.core.handlers, 'joinCall', { interviewId: id })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('use Start call') } })
  })

  it('never keeps a call link the system must not open, and changes nothing', async () => {
    const open = await browser()
    const id = await aCallElsewhere(open, 'zoom', 'zoommtg://zoom.us/join?confno=81234567890')
    const { interview } = await open.core.handlers.getInterview({ id })
    const { title, scenario, type, sampleTask, outcomeNotes, channel } = interview
    for (const channelLink of ['javascript:alert(1)', 'file:///etc/passwd', 'https://me:pw@zoom.us/j/1']) {
      const result = await dispatch(open.core.handlers, 'updateInterview', {
        id,
        fields: { title, scenario, type, sampleTask, outcomeNotes, channel, channelLink }
      })
      expect(result.ok).toBe(false)
    }
    expect((await open.core.handlers.getInterview({ id })).interview.channelLink).toBe('zoommtg://zoom.us/join?confno=81234567890')
  })
})

describe('End call for a call held elsewhere', () => {
  it('goes on the same record as Greenroom’s calls, with channel and duration, and answers the no-show question', async () => {
    const open = await browser('2026-11-02T09:50:00.000Z')
    const id = await aCallElsewhere(open, 'zoom', 'https://zoom.us/j/1')
    open.clock.set('2026-11-02T10:20:00.000Z')
    expect((await open.core.handlers.listShowUpQuestions()).map((question) => question.interview.id)).toEqual([id])

    const call = await open.core.handlers.recordCall({
      interviewId: id,
      startedAt: '2026-11-02T10:01:00.000Z',
      endedAt: '2026-11-02T10:27:30.000Z',
      channel: 'zoom'
    })
    expect(call).toMatchObject({
      interviewId: id,
      channel: 'zoom',
      durationSeconds: 1590,
      rating: null,
      measurements: { samples: 0, mos: null }
    })
    expect(await open.core.handlers.listShowUpQuestions()).toEqual([])
    const rated = await open.core.handlers.rateCall({ id: call.id, rating: 4, issues: ['choppy_audio'] })
    expect(await open.core.handlers.listCalls({ interviewId: id })).toEqual([rated])
  })

  it('keeps the channel through a backup; calls from before are Greenroom’s own', async () => {
    const open = await browser('2026-11-02T09:50:00.000Z')
    const id = await aCallElsewhere(open, 'meet', 'https://meet.google.com/abc-defg-hij')
    await open.core.handlers.recordCall({
      interviewId: id,
      startedAt: '2026-11-02T10:00:00.000Z',
      endedAt: '2026-11-02T10:30:00.000Z',
      channel: 'meet'
    })
    const file = JSON.parse(await open.core.handlers.exportBackup())
    expect(file.data.calls.map((row: { channel: string }) => row.channel)).toEqual(['meet'])
    await open.core.handlers.importBackup({ text: JSON.stringify(file) })
    expect((await open.core.handlers.listCalls({ interviewId: id })).map((call) => call.channel)).toEqual(['meet'])

    delete file.data.calls[0].channel
    await open.core.handlers.importBackup({ text: JSON.stringify(file) })
    expect((await open.core.handlers.listCalls({ interviewId: id })).map((call) => call.channel)).toEqual(['builtin'])
  })
})
