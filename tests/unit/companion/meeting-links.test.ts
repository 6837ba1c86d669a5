import { describe, expect, it } from 'vitest'
import { checkMeetingLink, meetingLinkFieldSchema } from '../../../src/shared/meeting-links'

describe('the links Join may open', () => {
  it.each([
    'https://us02web.zoom.us/j/81234567890?pwd=abc',
    'http://meet.example.com/room',
    'https://meet.google.com/abc-defg-hij',
    'zoommtg://zoom.us/join?confno=81234567890',
    'zoomus://zoom.us/join?confno=81234567890',
    'msteams:/l/meetup-join/19%3ameeting',
    'skype:maya.chen?call'
  ])('opens %s', (link) => {
    const check = checkMeetingLink(link)
    expect(check.ok).toBe(true)
    expect(check.ok && new URL(check.url).protocol).toBe(new URL(link).protocol)
  })

  it.each([
    ['javascript:alert(1)', /only opens web links/],
    ['file:///etc/passwd', /only opens web links/],
    ['data:text/html,<script>alert(1)</script>', /only opens web links|no spaces/],
    ['//evil.example.com/zoom', /not a complete link/],
    ['zoom.us/j/123', /not a complete link/],
    ['https://', /not a complete link/],
    ['https://user:secret@zoom.us/j/1', /user name or password/],
    ['https://maya@zoom.us/j/1', /user name or password/],
    ['https://zoom.us/j/1 https://evil.example', /no spaces/],
    ['vbscript:msgbox', /only opens web links/],
    ['', /no link/]
  ])('refuses %s with its reason', (link, reason) => {
    const check = checkMeetingLink(link)
    expect(check.ok).toBe(false)
    expect(!check.ok && check.reason).toMatch(reason)
  })

  it('keeps an empty call link and refuses a bad one when an interview is saved', () => {
    expect(meetingLinkFieldSchema.parse('  ')).toBe('')
    expect(meetingLinkFieldSchema.parse('zoommtg://zoom.us/join?confno=1')).toBe('zoommtg://zoom.us/join?confno=1')
    const refused = meetingLinkFieldSchema.safeParse('javascript:alert(1)')
    expect(refused.success).toBe(false)
    expect(refused.error?.issues[0]?.message).toMatch(/only opens web links/)
  })
})
