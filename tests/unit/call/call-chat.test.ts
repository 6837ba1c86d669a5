import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/rpc'
import { anInvitation, useCore } from '../../support/core'

const openCore = useCore()

describe('a call’s chat, saved with the interview', () => {
  it('goes into the interview’s notes as one note, each line with its time (the user’s zone) and who wrote it', async () => {
    const open = await openCore('2026-11-02T09:50:00.000Z')
    await open.core.handlers.updateSettings({ timeZone: 'Europe/Berlin', timeFormat: '24h' })
    const { invitation } = await anInvitation(open.core)
    const id = (await open.core.handlers.acceptInvitation({ id: invitation.id, message: '', terms: null })).invitation.interviewId!
    const note = await open.core.handlers.saveCallChat({
      interviewId: id,
      startedAt: '2026-11-02T10:00:00.000Z',
      lines: [
        { from: 'Maya Chen', at: '2026-11-02T10:01:00.000Z', text: 'The brief: https://example.com/brief' },
        { from: 'Sam Rivera', at: '2026-11-02T10:02:30.000Z', text: 'Thanks!' }
      ]
    })
    expect(note.body).toBe(
      'Chat during the call of Mon 2 Nov, 11:00\n\n11:01 Maya Chen: The brief: https://example.com/brief\n11:02 Sam Rivera: Thanks!'
    )
    expect((await open.core.handlers.getInterview({ id })).notes.map((saved) => saved.id)).toEqual([note.id])
  })

  it('refuses an empty chat, an over-long line or an unknown interview, and saves nothing', async () => {
    const open = await openCore('2026-11-02T09:50:00.000Z')
    const { invitation } = await anInvitation(open.core)
    const id = (await open.core.handlers.acceptInvitation({ id: invitation.id, message: '', terms: null })).invitation.interviewId!
    const line = { from: 'Maya', at: '2026-11-02T10:01:00.000Z', text: 'hi' }
    expect((await dispatch(open.core.handlers, 'saveCallChat', { interviewId: id, startedAt: line.at, lines: [] })).ok).toBe(false)
    expect(
      (
        await dispatch(open.core.handlers, 'saveCallChat', {
          interviewId: id,
          startedAt: line.at,
          lines: [{ ...line, text: 'x'.repeat(2_001) }]
        })
      ).ok
    ).toBe(false)
    const missing = await dispatch(open.core.handlers, 'saveCallChat', {
      interviewId: '6f1c1a52-58a4-4c3e-9d43-2b7a1d3e9f10',
      startedAt: line.at,
      lines: [line]
    })
    expect(missing).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'That interview no longer exists' } })
    expect((await open.core.handlers.getInterview({ id })).notes).toEqual([])
  })
})
