import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { consoleErrorsOf, useChromium } from './support/browser'
import { useHosts } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

/** An accepted invitation with a job post; opens its prep room from the interviews list. */
async function openPrepRoom(): Promise<{ page: Page; origin: string; url: string }> {
  const host = await startHost()
  const page = await chromium.newPage()
  await page.goto(host.url)
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
  await page.evaluate(async () => {
    const item = await window.greenroom.createInvitation({
      client: {
        fields: {
          name: 'Maya Chen',
          company: 'Brightloop',
          website: 'https://brightloop.example',
          timeZone: 'America/New_York',
          country: 'US',
          notes: ''
        }
      },
      job: {
        title: 'Analytics dashboard',
        description: 'We need cohort retention charts.\n\nMust know React and D3. Weekly demos.',
        url: '',
        budgetType: 'hourly',
        budget: 80,
        skills: ['React'],
        postedAt: null
      },
      message: '',
      receivedAt: null
    })
    await window.greenroom.acceptInvitation({ id: item.invitation.id, message: '', terms: null })
  })
  await page.getByRole('link', { name: 'Interviews' }).click()
  await page
    .getByRole('row', { name: /Analytics dashboard/ })
    .getByRole('link', { name: '0% ready: open the prep room' })
    .click()
  await page.getByRole('heading', { level: 1, name: 'Prep room' }).waitFor()
  return { page, origin: host.origin, url: host.url }
}

const readiness = (page: Page) => page.getByRole('status', { name: /% ready/ }).getAttribute('aria-label')

describe('the prep room', () => {
  it('ticks checklist items and shows readiness change, here and in the interviews list', async () => {
    const { page } = await openPrepRoom()
    await expect.poll(() => readiness(page)).toBe('0% ready, 0 of 7 prep items done')
    await expect.poll(() => page.getByText('Must know React and D3. Weekly demos.').isVisible()).toBe(true)

    await page.getByRole('checkbox', { name: 'Reread the job post' }).check()
    await page.getByRole('status', { name: '14% ready, 1 of 7 prep items done' }).waitFor()
    await page.getByRole('checkbox', { name: /Ask the client what they’d like you to prepare/ }).check()
    await page.getByRole('status', { name: '29% ready, 2 of 7 prep items done' }).waitFor()

    // Add one, remove one and undo it, from the keyboard where it matters.
    await page.getByRole('textbox', { name: 'New checklist item' }).fill('Look up their app in the store')
    await page.keyboard.press('Enter')
    await page.getByRole('status', { name: '25% ready, 2 of 8 prep items done' }).waitFor()
    await page.getByRole('button', { name: 'Remove “Take notes”' }).click()
    await page.getByRole('status', { name: '29% ready, 2 of 7 prep items done' }).waitFor()
    await page.getByRole('button', { name: 'Undo' }).click()
    await page.getByRole('status', { name: '25% ready, 2 of 8 prep items done' }).waitFor()

    await page.getByRole('link', { name: 'Interviews' }).first().click()
    await page
      .getByRole('row', { name: /Analytics dashboard/ })
      .getByRole('link', { name: '25% ready: open the prep room' })
      .waitFor()
    expect(consoleErrorsOf(page)).toEqual([])
  })

  it('keeps notes typed just before a reload, and finds them in search', async () => {
    const { page } = await openPrepRoom()
    const notes = page.getByRole('textbox', { name: 'Prep notes' })
    await notes.click()
    await page.keyboard.type('## Plan\nAsk about their churn dashboard')
    // Reload at once: no pause for the autosave to fire on its own.
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Prep room' }).waitFor()
    await expect.poll(() => page.getByRole('textbox', { name: 'Prep notes' }).inputValue()).toBe('## Plan\nAsk about their churn dashboard')

    const interviewId = page.url().match(/interviews\/([0-9a-f-]{36})\/prep/)![1]!
    await expect
      .poll(() => page.evaluate((id) => window.greenroom.getPrepRoom({ interviewId: id }).then((room) => room.notes.body), interviewId))
      .toBe('## Plan\nAsk about their churn dashboard')

    await page.getByText('Preview', { exact: true }).click()
    await page.getByRole('region', { name: 'Notes preview' }).getByRole('heading', { name: 'Plan' }).waitFor()

    await page.keyboard.press('Control+k')
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor()
    await page.getByRole('textbox', { name: 'Search everything' }).fill('churn')
    await page.getByRole('list', { name: 'Search results' }).getByText(/churn/).first().waitFor()
  })

  it('keeps notes typed just before the window closes, with no local copy to fall back on', async () => {
    const { page, url } = await openPrepRoom()
    await page.getByRole('textbox', { name: 'Prep notes' }).click()
    await page.keyboard.type('Typed, then the window closed')
    const address = page.url()
    await page.close({ runBeforeUnload: true })
    // A fresh browser profile: only what reached the database can show.
    const fresh = await chromium.newPage()
    await fresh.goto(url)
    await fresh.goto(address)
    await expect.poll(() => fresh.getByRole('textbox', { name: 'Prep notes' }).inputValue()).toBe('Typed, then the window closed')
  })

  it('quotes the client’s words into the notes, and only hints at timestamps when no call runs', async () => {
    const { page } = await openPrepRoom()
    await page.getByRole('button', { name: 'Quote paragraph 2 in notes' }).click()
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Prep notes' }).inputValue())
      .toBe('> Must know React and D3. Weekly demos.\n')
    await page.getByRole('textbox', { name: 'Prep notes' }).press('Control+;')
    await page.getByText('Timestamps mark the time into a running call; no call is running now.').waitFor()
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Prep notes' }).inputValue())
      .toBe('> Must know React and D3. Weekly demos.\n')
  })

  it('adds a sample file, attaches it, lists it and serves it to open', async () => {
    const { page, origin } = await openPrepRoom()
    await page.getByRole('tab', { name: 'Samples' }).click()
    await page.getByText('No samples attached yet').waitFor()
    await page.getByRole('button', { name: 'New sample…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add a sample' })
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'dashboard-case-study.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\nA case study\n%%EOF\n')
    })
    await expect.poll(() => dialog.getByLabel('Title').inputValue()).toBe('dashboard case study')
    await dialog.getByLabel('What it proves').fill('Cut reporting time from days to minutes')
    await dialog.getByRole('button', { name: 'Add sample' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const attached = page.getByRole('article', { name: 'dashboard case study' })
    await attached.getByText('Cut reporting time from days to minutes').waitFor()
    await page.getByRole('tab', { name: 'Samples (1)' }).waitFor()

    const opening = page.context().waitForEvent('page')
    await attached.getByRole('button', { name: 'Open “dashboard case study”' }).click()
    const tab = await opening
    expect(tab.url()).toMatch(new RegExp(`^${origin}/samples/[0-9a-f-]{36}/dashboard-case-study\\.pdf$`))
    await tab.close()

    await page.getByRole('link', { name: 'Samples' }).first().click()
    await page.getByRole('article', { name: 'dashboard case study' }).waitFor()
  })

  it('refuses a file that is not a sample type, saying why', async () => {
    const { page } = await openPrepRoom()
    await page.getByRole('tab', { name: 'Samples' }).click()
    await page.getByRole('button', { name: 'New sample…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add a sample' })
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') })
    await dialog.getByText('“setup.exe” is not a type Greenroom keeps as a sample').waitFor()
    await expect.poll(() => dialog.getByRole('button', { name: 'Add sample' }).isDisabled()).toBe(true)
  })

  it('marks a question “couldn’t answer well” and shows its follow-up', async () => {
    const { page } = await openPrepRoom()
    await page.getByRole('tab', { name: 'Questions' }).click()
    await page.getByRole('button', { name: 'New question…' }).click()
    const dialog = page.getByRole('dialog', { name: 'New question' })
    await dialog.getByLabel('Question').fill('Why is your rate higher than others?')
    await dialog.getByLabel('Prepared answer').fill('Fewer revisions, faster delivery.')
    await dialog.getByRole('button', { name: 'Add question' }).click()
    const card = page.getByRole('article', { name: 'Why is your rate higher than others?' })
    await card.getByText('Fewer revisions, faster delivery.').waitFor()

    await card.getByRole('switch', { name: 'Couldn’t answer well' }).check()
    const followUps = page.getByRole('alert', { name: 'Follow-ups' })
    await followUps.getByRole('checkbox', { name: 'Send a considered answer to “Why is your rate higher than others?”' }).waitFor()
    await page.getByLabel('1 open follow-ups').waitFor()
    await followUps.getByRole('checkbox').check()
    await page.getByText('Follow-ups (all done)').waitFor()
  })
})
