import { describe, expect, it } from 'vitest'
import { askClientMessage, callTimestamp } from '../../../src/shared/prep'

const interview = {
  title: 'Analytics dashboard',
  schedule: { startsAt: '2026-11-03T14:00:00.000Z', timeZone: 'America/New_York', durationMinutes: 30 },
  channel: 'zoom' as const,
  channelLink: 'https://zoom.example/j/123',
  clientTimeZone: 'America/New_York'
}

describe('the ask-the-client message', () => {
  it('confirms time from the client’s side, length and channel, and asks what to prepare', () => {
    const message = askClientMessage({ interview, clientName: 'Maya Chen', userName: 'Ana', userZone: 'Europe/Berlin', cycle: '24h' })
    expect(message).toBe(
      [
        'Hi Maya,',
        '',
        'Thanks again for inviting me to talk about “Analytics dashboard”.',
        'Just to confirm our call: Tue 3 Nov, 09:00 your time · 15:00 in Berlin, 30 minutes, on Zoom (https://zoom.example/j/123).',
        '',
        'Is there anything you’d like me to prepare, such as examples of similar work, a first plan, or answers to specific questions? I want to make the most of your time.',
        '',
        'Best,',
        'Ana'
      ].join('\n')
    )
  })

  it('asks for a time when the call is not scheduled yet', () => {
    const message = askClientMessage({
      interview: { ...interview, schedule: null },
      clientName: 'Maya',
      userName: '',
      userZone: 'Europe/Berlin',
      cycle: '24h'
    })
    expect(message).toMatch(/Which day and time would suit you/)
    expect(message).toMatch(/\n\nBest$/)
  })
})

describe('the call timestamp', () => {
  it('reads minutes and seconds into the call, with hours once past one', () => {
    const start = new Date('2026-11-03T14:00:00.000Z')
    expect(callTimestamp(start, new Date('2026-11-03T14:07:05.900Z'))).toBe('07:05')
    expect(callTimestamp(start, new Date('2026-11-03T15:02:45.000Z'))).toBe('1:02:45')
    expect(callTimestamp(start, new Date('2026-11-03T13:59:00.000Z'))).toBe('00:00')
  })
})
