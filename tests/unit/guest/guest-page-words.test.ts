import { describe, expect, it } from 'vitest'
import { inviteHeadline } from '../../../src/renderer/src/guest/invite-text'
import { relayCheckWords } from '../../../src/renderer/src/guest/relay-words'

const call = { hostName: 'Sam Rivera', title: 'Analytics dashboard', startsAt: '2026-12-02T16:00:00.000Z', durationMinutes: 15 }

describe('the guest page’s invite line', () => {
  it('names the host, the length, the title and the start in the guest’s own zone, the day left out when it is today', () => {
    const now = new Date('2026-12-02T09:00:00.000Z')
    expect(inviteHeadline(call, { now, timeZone: 'America/New_York', locale: 'en-US' })).toBe(
      'Sam Rivera invites you to a 15-minute call about Analytics dashboard, today, 11:00 AM your time'
    )
    expect(inviteHeadline(call, { now, timeZone: 'Europe/Berlin', locale: 'en-GB' })).toBe(
      'Sam Rivera invites you to a 15-minute call about Analytics dashboard, today, 17:00 your time'
    )
    // In Tokyo the call is already tomorrow.
    expect(inviteHeadline(call, { now, timeZone: 'Asia/Tokyo', locale: 'en-US' })).toBe(
      'Sam Rivera invites you to a 15-minute call about Analytics dashboard, Thu, Dec 3, 1:00 AM your time'
    )
  })

  it('leaves out what the room does not know', () => {
    const now = new Date('2026-12-02T09:00:00.000Z')
    expect(inviteHeadline({ hostName: 'Sam Rivera', durationMinutes: 20 }, { now })).toBe('Sam Rivera invites you to a 20-minute call')
    expect(inviteHeadline({ title: 'Logo refresh' }, { now })).toBe('You are invited to a call about Logo refresh')
    expect(inviteHeadline({}, { now })).toBe('You are invited to a call')
  })
})

describe('the guest’s connection check in words', () => {
  it('passes with a relay, warns when only the relay is missing, fails when nothing answered', () => {
    expect(relayCheckWords({ relayOffered: true, relay: true, direct: true })).toMatchObject({
      ok: true,
      title: 'Your connection is ready'
    })
    expect(relayCheckWords({ relayOffered: true, relay: false, direct: true })).toMatchObject({
      ok: false,
      title: 'Your connection may not get through'
    })
    expect(relayCheckWords({ relayOffered: false, relay: false, direct: true })).toMatchObject({
      ok: true,
      title: 'Your connection looks fine'
    })
    expect(relayCheckWords({ relayOffered: true, relay: false, direct: false })).toMatchObject({
      ok: false,
      title: 'Your connection cannot reach the call'
    })
  })
})
