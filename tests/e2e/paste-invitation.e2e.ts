import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { useChromium } from './support/browser'
import { useHosts } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

const FIXTURES = join(__dirname, '../fixtures/invitations')
const fixture = (name: string) => readFile(join(FIXTURES, name), 'utf8')
const ZOOM_LINK = 'https://us06web.zoom.us/j/81234567890?pwd=Yk9hS2t5dE1hQ3ZqRmRBQT09'

/** Berlin user, New York client, an accepted invitation; opens its interview page. */
async function openInterview(): Promise<Page> {
  const host = await startHost(undefined, ['--clock-start', '2026-12-01T09:00:00.000Z'])
  const page = await chromium.newPage()
  await page.goto(host.url)
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
  await page.evaluate(async () => {
    await window.greenroom.updateSettings({
      timeZone: 'Europe/Berlin',
      timeFormat: '24h',
      defaultCallMinutes: 15,
      workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' }
    })
    const item = await window.greenroom.createInvitation({
      client: { fields: { name: 'Maya Chen', company: 'Brightloop', website: '', timeZone: 'America/New_York', country: 'US', notes: '' } },
      job: { title: 'Analytics dashboard', description: '', url: '', budgetType: 'hourly', budget: 80, skills: [], postedAt: null },
      message: '',
      receivedAt: null
    })
    await window.greenroom.acceptInvitation({ id: item.invitation.id, message: '', terms: null })
  })
  await page.getByRole('link', { name: 'Interviews' }).click()
  await page.getByRole('link', { name: 'Analytics dashboard' }).click()
  await page.getByRole('heading', { level: 1, name: 'Analytics dashboard' }).waitFor()
  return page
}

/** After Confirm: the call's time on the page, and the channel and link in the interview's fields. */
async function expectScheduled(page: Page, callTime: RegExp, channel: string, link: string): Promise<void> {
  await page.getByLabel('Call time').filter({ hasText: callTime }).waitFor()
  await expect.poll(() => page.getByText('Scheduled', { exact: true }).first().isVisible()).toBe(true)
  await expect.poll(() => page.getByRole('combobox', { name: 'Channel' }).inputValue()).toBe(channel)
  await expect.poll(() => page.getByLabel(`${channel} link`).inputValue()).toBe(link)
}

describe('scheduling from an invitation', () => {
  it('reads a pasted Zoom invitation, shows the call in both zones with its length and link, and schedules it on Confirm', async () => {
    const page = await openInterview()
    await page.getByRole('button', { name: 'Paste invitation…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Paste an invitation' })
    await dialog.getByLabel('Invitation text').fill(await fixture('zoom-en-new-york.txt'))
    await dialog.getByRole('button', { name: 'Read invitation' }).click()

    const confirm = page.getByRole('dialog', { name: 'Check the call and confirm' })
    // Zoom says no length: the user's usual 15 minutes stand in, and the dialog says so.
    await expect
      .poll(() => confirm.getByLabel('Time in both zones').textContent())
      .toBe('Thu 3 Dec, 17:00 your time · 11:00 in New York, 15 min')
    await confirm.getByText(/does not say how long the call is: your usual length \(15 min\) is set/).waitFor()
    // The channel read from the invitation, once the form shows it.
    await expect.poll(() => confirm.getByRole('combobox', { name: 'Channel' }).inputValue()).toBe('Zoom')
    await expect.poll(() => confirm.getByLabel('Zoom link').inputValue()).toBe(ZOOM_LINK)
    await confirm.getByText('20 min', { exact: true }).click()
    await expect
      .poll(() => confirm.getByLabel('Time in both zones').textContent())
      .toBe('Thu 3 Dec, 17:00 your time · 11:00 in New York, 20 min')
    await confirm.getByRole('button', { name: 'Confirm and schedule' }).click()
    await confirm.waitFor({ state: 'hidden' })

    await expectScheduled(page, /^Thu 3 Dec, 17:00 your time · 11:00 in New York · 20 min$/, 'Zoom', ZOOM_LINK)
  })

  it('schedules from an .ics file opened through the file chooser, a UTC time shown in the client’s zone', async () => {
    const page = await openInterview()
    await page.getByRole('button', { name: 'Paste invitation…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Paste an invitation' })
    const choosing = page.waitForEvent('filechooser')
    await dialog.getByRole('button', { name: 'Open an .ics file…' }).click()
    await (await choosing).setFiles(join(FIXTURES, 'google-utc.ics'))

    const confirm = page.getByRole('dialog', { name: 'Check the call and confirm' })
    await expect
      .poll(() => confirm.getByLabel('Time in both zones').textContent())
      .toBe('Thu 3 Dec, 17:00 your time · 11:00 in New York, 30 min')
    await expect
      .poll(() => confirm.getByRole('combobox', { name: 'Time zone of the invitation' }).inputValue())
      .toMatch(/^America\/New York/)
    await confirm.getByText('The file gives the time in UTC; shown in New York time, the client’s').waitFor()
    await confirm.getByRole('button', { name: 'Confirm and schedule' }).click()
    await confirm.waitFor({ state: 'hidden' })

    await expectScheduled(
      page,
      /^Thu 3 Dec, 17:00 your time · 11:00 in New York · 30 min$/,
      'Google Meet',
      'https://meet.google.com/abc-defg-hij'
    )
  })

  it('asks which zone a time without one is in, and offers the client’s zone only as a choice', async () => {
    const page = await openInterview()
    await page.getByRole('button', { name: 'Paste invitation…' }).click()
    await page
      .getByRole('dialog', { name: 'Paste an invitation' })
      .getByLabel('Invitation text')
      .fill(await fixture('no-zone.txt'))
    await page.getByRole('button', { name: 'Read invitation' }).click()

    const question = page.getByRole('dialog', { name: 'Which time zone?' })
    await question.getByText('The time has no zone: which zone is 11:00 in?').waitFor()
    await expect.poll(() => question.getByRole('button', { name: 'Continue' }).isDisabled()).toBe(true)
    await question.getByRole('radio', { name: 'The client’s zone (New York)' }).check()
    await question.getByRole('button', { name: 'Continue' }).click()

    const confirm = page.getByRole('dialog', { name: 'Check the call and confirm' })
    await expect
      .poll(() => confirm.getByLabel('Time in both zones').textContent())
      .toBe('Thu 3 Dec, 17:00 your time · 11:00 in New York, 15 min')
  })

  it('says what it could not find in text that is no invitation, and schedules nothing', async () => {
    const page = await openInterview()
    await page.getByRole('button', { name: 'Paste invitation…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Paste an invitation' })
    await dialog.getByLabel('Invitation text').fill(await fixture('garbage.txt'))
    await dialog.getByRole('button', { name: 'Read invitation' }).click()
    const alert = dialog.getByRole('alert')
    await expect
      .poll(() => alert.textContent())
      .toMatch(/^Greenroom could not read thisNo date and time found in the invitation\..*Nothing was scheduled/)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => page.getByLabel('Call time').textContent()).toBe('Not scheduled yet')
    const status = await page.evaluate(async () => (await window.greenroom.listInterviews({ limit: 10 }))[0]!.status)
    expect(status).toBe('accepted')
  })
})
