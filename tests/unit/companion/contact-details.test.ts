import { describe, expect, it } from 'vitest'
import { contactDetailsWarning, findContactDetails, isUpworkLink, upworkRulesApply } from '../../../src/shared/marketplace-rules'

const kinds = (text: string) => findContactDetails(text).map((detail) => [detail.kind, detail.text])

describe('contact details in a message to paste', () => {
  it.each([
    ['Write to me at maya.chen@example.com any time', [['email', 'maya.chen@example.com']]],
    ['Call me on +1 (415) 555-0134 tomorrow', [['phone', '+1 (415) 555-0134']]],
    ['or 415-555-0134', [['phone', '415-555-0134']]],
    ['My skype: maya.chen', [['skype', 'skype: maya.chen']]],
    ['Skype ID: live:maya_chen_77', [['skype', 'Skype ID: live:maya_chen_77']]],
    ['Ping me at t.me/maya.', [['telegram', 't.me/maya']]],
    ['telegram: @mayachen', [['telegram', 'telegram: @mayachen']]],
    ['WhatsApp works too: https://wa.me/14155550134', [['whatsapp', 'https://wa.me/14155550134']]],
    ['Here is my portfolio: https://maya.dev/work, have a look', [['link', 'https://maya.dev/work']]],
    ['See www.maya.dev', [['link', 'www.maya.dev']]]
  ])('finds them in “%s”', (text, expected) => {
    expect(kinds(text)).toEqual(expected)
  })

  it.each([
    'We run v2.10.3 of the SDK',
    'The budget is $1,200.50 in total',
    'Shall we say 2026-12-03?',
    'I am free 11:00–11:30 your time',
    'Tue 3 Dec, 15:00–15:30 (09:00–09:30 in New York)',
    'The job post: https://www.upwork.com/jobs/~01abc and the room https://www.upwork.com/ab/messages/rooms/room_1',
    'Happy to talk on Skype or Zoom, whichever you like',
    'Order #12345 shipped'
  ])('leaves “%s” alone', (text) => {
    expect(findContactDetails(text)).toEqual([])
  })

  it('names every kind found in one warning, with the reason', () => {
    const warning = contactDetailsWarning(findContactDetails('mail maya@example.com or call +1 (415) 555-0134'))
    expect(warning).toContain('an e-mail address and a phone number')
    expect(warning).toContain('“maya@example.com”')
    expect(warning).toMatch(/keep talking on Upwork until a contract starts/)
    expect(contactDetailsWarning([])).toBeNull()
  })
})

describe('when Upwork’s rules apply', () => {
  const upworkJob = { url: 'https://www.upwork.com/jobs/~01abc' } as never
  it('knows Upwork links from look-alikes', () => {
    expect(isUpworkLink('https://www.upwork.com/jobs/~01')).toBe(true)
    expect(isUpworkLink('https://upwork.com.evil.example/jobs')).toBe(false)
    expect(isUpworkLink('')).toBe(false)
  })

  it('applies to an Upwork interview until a contract is recorded', () => {
    expect(upworkRulesApply({ job: upworkJob, offers: [], interview: { status: 'scheduled' } })).toBe(true)
    expect(upworkRulesApply({ job: upworkJob, offers: [{ status: 'accepted' }] as never, interview: { status: 'offer' } })).toBe(false)
    expect(upworkRulesApply({ job: upworkJob, offers: [], interview: { status: 'hired' } })).toBe(false)
    expect(
      upworkRulesApply({ job: { url: 'https://clients.example.com/job' } as never, offers: [], interview: { status: 'scheduled' } })
    ).toBe(false)
    expect(upworkRulesApply({ job: null, offers: [], interview: { status: 'scheduled' } })).toBe(false)
  })
})
