import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { useChromium } from './support/browser'
import { useHosts } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

/** The app with one interview, its client's company research and a question in the bank, made through the app's own API. */
async function openSeededApp(): Promise<{ page: Page; interviewId: string }> {
  const host = await startHost()
  const page = await chromium.newPage()
  await page.goto(host.url)
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
  const interviewId = await page.evaluate(async () => {
    const api = window.greenroom
    const item = await api.createInvitation({
      client: {
        fields: { name: 'Jonas Weber', company: 'Lagerwerk', website: '', timeZone: 'Europe/Berlin', country: 'Germany', notes: '' }
      },
      job: {
        title: 'Warehouse app',
        description: 'Track pallets between racks.',
        url: '',
        budgetType: 'fixed',
        budget: 2000,
        skills: [],
        postedAt: null
      },
      message: '',
      receivedAt: null
    })
    const accepted = await api.acceptInvitation({ id: item.invitation.id, message: '', terms: null })
    await api.saveResearch({
      clientId: item.client.id,
      fields: {
        website: '',
        mission: 'Faster forklift routes',
        whatTheyDo: 'Pallet logistics for breweries',
        aboutNotes: '',
        people: '',
        notes: ''
      }
    })
    await api.createQuestion({
      question: 'How would you model a pallet move?',
      answer: 'As an event with a source and a target rack.',
      tags: []
    })
    return accepted.invitation.interviewId!
  })
  return { page, interviewId }
}

describe('search', () => {
  it('keeps every key typed at full speed and finds company research and the question bank', async () => {
    const { page, interviewId } = await openSeededApp()
    await page.keyboard.press('Control+k')
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor()
    const field = page.getByRole('textbox', { name: 'Search everything' })
    await field.click()
    await page.keyboard.type('pallet', { delay: 0 })
    await expect.poll(() => field.inputValue()).toBe('pallet')

    const results = page.getByRole('list', { name: 'Search results' })
    await results.getByRole('listitem').filter({ hasText: 'Question bank' }).waitFor()
    await expect.poll(() => field.inputValue()).toBe('pallet')
    await expect.poll(() => results.getByRole('listitem').filter({ hasText: 'Company research' }).count()).toBe(1)
    await expect.poll(() => results.getByRole('listitem').filter({ hasText: 'Job post' }).count()).toBe(1)
    // The address (the app routes in its #fragment) follows the field, so going back keeps the search.
    await expect.poll(() => new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '').get('q')).toBe('pallet')

    // More words typed fast narrow it down, none of them lost.
    await page.keyboard.type(' move rack', { delay: 0 })
    await expect.poll(() => field.inputValue()).toBe('pallet move rack')
    await expect.poll(() => results.getByRole('listitem').count()).toBe(1)
    await results.getByRole('listitem').filter({ hasText: 'Question bank' }).click()
    await page.getByRole('tab', { name: 'Question bank', selected: true }).waitFor()

    await page.goBack()
    await expect.poll(() => field.inputValue()).toBe('pallet move rack')
    await field.fill('forklift')
    await results.getByRole('listitem').filter({ hasText: 'Company research' }).click()
    await page.getByRole('heading', { level: 1, name: 'Prep room' }).waitFor()
    expect(page.url()).toContain(`/interviews/${interviewId}/prep`)
  })
})
