import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { useChromium } from './support/browser'
import { useHosts, type RunningHost } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

/** A call well ahead of any clock these tests run at. */
const CALL_AHEAD = '2031-03-04T15:00:00.000Z'

async function openApp(host: RunningHost, options: Parameters<typeof chromium.newPage>[0] = {}): Promise<Page> {
  const page = await chromium.newPage(options)
  await page.goto(host.url)
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
  return page
}

/** Maya Chen's accepted invitation, its call booked at `startsAt` (or not booked); returns the interview id. */
function interviewWithMaya(page: Page, startsAt: string | null): Promise<string> {
  return page.evaluate(async (startsAt) => {
    await window.greenroom.updateSettings({ timeZone: 'Europe/Berlin', timeFormat: '24h', userName: 'Sam Rivera' })
    const item = await window.greenroom.createInvitation({
      client: { fields: { name: 'Maya Chen', company: 'Brightloop', website: '', timeZone: 'America/New_York', country: 'US', notes: '' } },
      job: {
        title: 'Analytics dashboard',
        description: 'Cohort charts',
        url: '',
        budgetType: 'fixed',
        budget: 3000,
        skills: [],
        postedAt: null
      },
      message: '',
      receivedAt: null
    })
    const accepted = await window.greenroom.acceptInvitation({ id: item.invitation.id, message: '', terms: null })
    const id = accepted.invitation.interviewId!
    if (startsAt) await window.greenroom.scheduleInterview({ id, startsAt, timeZone: 'America/New_York', durationMinutes: 20, note: '' })
    return id
  }, startsAt)
}

const offersOf = (page: Page, id: string) => page.evaluate(async (id) => (await window.greenroom.getInterview({ id })).offers, id)
const statusOf = (page: Page, id: string) => page.evaluate(async (id) => (await window.greenroom.getInterview({ id })).interview.status, id)

describe('offers', () => {
  it('arrive before the call: recorded once per click or Enter, the form clears, and accepting hires from “Scheduled”', async () => {
    const host = await startHost()
    const page = await openApp(host)
    const id = await interviewWithMaya(page, CALL_AHEAD)
    await page.goto(`${host.origin}/#/interviews/${id}`)
    await page.getByRole('tab', { name: /^Offers/ }).click()
    const form = page.getByRole('form', { name: 'Record an offer' })
    const amount = form.getByRole('textbox', { name: 'Amount' })

    await amount.fill('2800')
    await form.getByLabel('Note').fill('Phase 1 only')
    await form.getByRole('button', { name: 'Record offer' }).dblclick()
    await page.getByText('Offer recorded').first().waitFor()
    await expect.poll(() => amount.inputValue()).toBe('')
    await expect.poll(() => form.getByLabel('Note').inputValue()).toBe('')
    await expect.poll(() => form.getByRole('button', { name: 'Record offer' }).isDisabled()).toBe(true)
    await expect.poll(() => offersOf(page, id)).toMatchObject([{ amount: 2800, note: 'Phase 1 only', status: 'pending' }])

    await amount.fill('3100')
    await amount.press('Enter')
    await amount.press('Enter')
    await page.getByRole('tab', { name: 'Offers (2)' }).waitFor()
    await page.waitForTimeout(500)
    expect((await offersOf(page, id)).map((offer) => offer.amount)).toEqual([2800, 3100])
    // The call is still booked: the offer came before it.
    await expect.poll(() => statusOf(page, id)).toBe('scheduled')

    await page.getByRole('button', { name: 'Accept offer' }).first().click()
    await page.getByText('Offer accepted: you are hired').waitFor()
    await expect.poll(() => statusOf(page, id)).toBe('hired')
    await expect.poll(() => page.getByText(/cannot become/).count()).toBe(0)
  })
})

describe('the interview page', () => {
  it('asks before “Done” while the call is still ahead, and changes nothing when told to keep it', async () => {
    const host = await startHost()
    const page = await openApp(host)
    const id = await interviewWithMaya(page, CALL_AHEAD)
    await page.goto(`${host.origin}/#/interviews/${id}`)

    await page.getByRole('button', { name: 'Move to' }).click()
    await page.getByRole('menuitem', { name: 'Done' }).click()
    const ask = page.getByRole('dialog', { name: 'Mark as done before the call?' })
    await expect.poll(() => ask.textContent()).toContain('Tue 4 Mar, 16:00 your time · 10:00 in New York')
    await ask.getByRole('button', { name: 'Keep it scheduled' }).click()
    await ask.waitFor({ state: 'hidden' })
    await expect.poll(() => statusOf(page, id)).toBe('scheduled')

    await page.getByRole('button', { name: 'Move to' }).click()
    await page.getByRole('menuitem', { name: 'Done' }).click()
    await ask.getByRole('button', { name: 'Mark as done' }).click()
    await page.getByText('Moved to “Done”').waitFor()
    await expect.poll(() => statusOf(page, id)).toBe('done')
  })

  it('asks before “Mark viewed by client” freezes the cover letter', async () => {
    const host = await startHost()
    const page = await openApp(host)
    const id = await interviewWithMaya(page, null)
    await page.evaluate(async (interviewId) => {
      await window.greenroom.createProposal({
        interviewId,
        coverLetter: 'I built churn dashboards for two SaaS teams.',
        terms: { bidType: 'fixed', amount: 3000, estimatedDuration: '3 weeks' },
        attachments: []
      })
    }, id)
    await page.goto(`${host.origin}/#/interviews/${id}`)
    await page.getByRole('tab', { name: 'Proposal' }).click()
    const letter = page.getByRole('textbox', { name: 'Cover letter' })

    await page.getByRole('button', { name: 'Mark viewed by client' }).click()
    const ask = page.getByRole('dialog', { name: 'Did the client view your proposal?' })
    await ask.getByRole('button', { name: 'Not yet' }).click()
    await ask.waitFor({ state: 'hidden' })
    await expect.poll(() => letter.getAttribute('readonly')).toBeNull()
    await expect.poll(() => page.evaluate(async (id) => (await window.greenroom.getInterview({ id })).proposal!.viewedAt, id)).toBeNull()

    await page.getByRole('button', { name: 'Mark viewed by client' }).click()
    await ask.getByRole('button', { name: 'Mark viewed and freeze' }).click()
    await page.getByText(/^Viewed by the client .*: read-only$/).waitFor()
    await expect.poll(() => letter.getAttribute('readonly')).not.toBeNull()
  })
})

describe('answers to invitations', () => {
  it('copy the accept and decline replies for the marketplace; answered cards show how long the answer took, not the client’s clock', async () => {
    const host = await startHost()
    const page = await openApp(host, { permissions: ['clipboard-read', 'clipboard-write'] })
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText())
    await page.evaluate(async () => {
      for (const [name, title] of [
        ['Maya Chen', 'Analytics dashboard'],
        ['Sofia Rossi', 'Shopify tweaks']
      ]) {
        await window.greenroom.createInvitation({
          client: { fields: { name: name!, company: '', website: '', timeZone: 'America/New_York', country: 'US', notes: '' } },
          job: { title: title!, description: '', url: '', budgetType: 'fixed', budget: 500, skills: [], postedAt: null },
          message: '',
          receivedAt: null
        })
      }
    })
    await page.reload()
    const maya = page.getByRole('article', { name: 'Analytics dashboard, from Maya Chen' })
    // Waiting: the client's clock is shown, for a reply at a decent hour.
    await maya.getByText(/for them \(America\/New_York\)/).waitFor()

    await maya.getByRole('button', { name: 'Accept' }).click()
    const accept = page.getByRole('dialog', { name: /Accept: Analytics dashboard/ })
    const reply = await accept.getByLabel('Your reply').inputValue()
    await accept.getByRole('button', { name: 'Copy reply' }).click()
    await accept.getByRole('button', { name: 'Copied' }).waitFor()
    await expect.poll(() => clipboard()).toBe(reply)
    await accept.getByRole('button', { name: 'Accept invitation' }).click()
    await accept.waitFor({ state: 'hidden' })

    await page.getByRole('article', { name: 'Shopify tweaks, from Sofia Rossi' }).getByRole('button', { name: 'Decline' }).click()
    const decline = page.getByRole('dialog', { name: /Decline: Shopify tweaks/ })
    await expect.poll(() => decline.getByRole('button', { name: 'Copy message' }).isDisabled()).toBe(true)
    await decline.getByLabel('Not available').check()
    await decline.getByLabel('Message to the client (optional)').fill('Thank you, Sofia. I am booked until March.')
    await decline.getByRole('button', { name: 'Copy message' }).click()
    await expect.poll(clipboard).toBe('Thank you, Sofia. I am booked until March.')
    await decline.getByRole('button', { name: 'Decline invitation' }).click()
    await decline.waitFor({ state: 'hidden' })

    await page.getByRole('tab', { name: 'Answered' }).click()
    const answered = page.getByRole('article', { name: 'Analytics dashboard, from Maya Chen' })
    await answered.getByText(/^Accepted in \d+ min$/).waitFor()
    await expect.poll(() => answered.getByText(/for them/).count()).toBe(0)
    await answered.getByRole('button', { name: 'Copy reply' }).click()
    await expect.poll(clipboard).toBe(reply)
    const declined = page.getByRole('article', { name: 'Shopify tweaks, from Sofia Rossi' })
    await declined.getByText(/^Declined in \d+ min$/).waitFor()
    await declined.getByRole('button', { name: 'Copy reply' }).click()
    await expect.poll(clipboard).toBe('Thank you, Sofia. I am booked until March.')
  })
})

describe('the no-show question', () => {
  it('answered in its banner takes the reminder toast of the same call with it', async () => {
    // Three seconds before the question is due (10 minutes after a 15:00 Berlin start).
    const host = await startHost(undefined, ['--clock-start', '2026-11-24T14:09:57.000Z'])
    const page = await openApp(host)
    await interviewWithMaya(page, '2026-11-24T14:00:00.000Z')
    // The toast, not the banner that asks the same: the toast's way in is its Answer button.
    const toast = page
      .getByRole('alert')
      .filter({ hasText: 'Did Maya Chen come to the call?' })
      .filter({ has: page.getByRole('button', { name: 'Answer' }) })
    await toast.waitFor({ timeout: 15_000 })
    const question = page.getByRole('region', { name: 'No-show question for Analytics dashboard' })
    await question.getByRole('button', { name: 'Yes, we talked' }).click()
    await question.waitFor({ state: 'detached' })
    await toast.waitFor({ state: 'detached' })
    await page.getByText('Marked as done: record the outcome when you know it.').waitFor()
  })
})
