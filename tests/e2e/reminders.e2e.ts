import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { useChromium } from './support/browser'
import { useHosts, type RunningHost } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

const CALL_START = '2026-11-24T14:00:00.000Z'

/** Opens the app and books a 15-minute call with Maya Chen at CALL_START; returns the interview id. */
async function bookCall(host: RunningHost): Promise<{ page: Page; id: string }> {
  const page = await openApp(host)
  const id = await page.evaluate(async (startsAt) => {
    await window.greenroom.updateSettings({ timeZone: 'Europe/Berlin', timeFormat: '24h' })
    const item = await window.greenroom.createInvitation({
      client: { fields: { name: 'Maya Chen', company: 'Brightloop', website: '', timeZone: 'America/New_York', country: 'US', notes: '' } },
      job: { title: 'Analytics dashboard', description: '', url: '', budgetType: 'hourly', budget: 80, skills: [], postedAt: null },
      message: '',
      receivedAt: null
    })
    const accepted = await window.greenroom.acceptInvitation({ id: item.invitation.id, message: '', terms: null })
    const id = accepted.invitation.interviewId!
    await window.greenroom.scheduleInterview({ id, startsAt, timeZone: 'America/New_York', durationMinutes: 15, note: '' })
    return id
  }, CALL_START)
  return { page, id }
}

async function openApp(host: RunningHost): Promise<Page> {
  const page = await chromium.newPage()
  await page.goto(host.url)
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
  return page
}

const toast = (page: Page, title: string | RegExp) => page.getByRole('alert').filter({ hasText: title })

describe('reminders', () => {
  it('ring in the app when due and open the call’s prep room', async () => {
    // Five seconds before the 10-minute reminder of a 15:00 (Berlin) call.
    const host = await startHost(undefined, ['--clock-start', '2026-11-24T13:49:55.000Z'])
    const { page, id } = await bookCall(host)
    const reminder = toast(page, 'Call with Maya Chen (Brightloop)')
    await reminder.waitFor({ timeout: 15_000 })
    await expect
      .poll(() => reminder.textContent())
      .toContain('Analytics dashboard · Tue 24 Nov, 15:00 your time · 09:00 in New York · 15 min')
    // Only the reminder that was still ahead rang: the one-day and one-hour ones had passed at booking.
    await expect.poll(() => toast(page, /Call with|Missed reminder/).count()).toBe(1)

    await reminder.getByRole('button', { name: 'Open prep room' }).click()
    await page.waitForURL(`**/#/interviews/${id}/prep`)
    await page.getByRole('heading', { level: 1, name: 'Prep room' }).waitFor()
    await expect
      .poll(() => page.getByLabel('Call time').first().textContent())
      .toBe('Tue 24 Nov, 15:00 your time · 09:00 in New York · 15 min')
  })

  it('missed while Greenroom was closed show once on the next start, then never again', async () => {
    const dataDir = await tempDir()
    const first = await startHost(dataDir, ['--clock-start', '2026-11-23T09:00:00.000Z'])
    await bookCall(first)
    await first.stop()

    // Started again five minutes before the call: three reminders passed meanwhile.
    const second = await startHost(dataDir, ['--clock-start', '2026-11-24T13:55:00.000Z'])
    const page = await openApp(second)
    const missed = toast(page, 'Missed reminder: call with Maya Chen (Brightloop)')
    await missed.waitFor()
    await expect.poll(() => toast(page, /Call with|Missed reminder/).count()).toBe(1)

    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
    await page.waitForTimeout(1_500)
    await expect.poll(() => toast(page, /Missed reminder/).count()).toBe(0)
  })
})

describe('the no-show question', () => {
  it('comes after the margin; “no” marks the interview a no-show and flags the client everywhere', async () => {
    // Three seconds before the question is due (10 minutes after a 15:00 Berlin start).
    const host = await startHost(undefined, ['--clock-start', '2026-11-24T14:09:57.000Z'])
    const { page } = await bookCall(host)
    await toast(page, 'Did Maya Chen come to the call?').waitFor({ timeout: 15_000 })
    const question = page.getByRole('region', { name: 'No-show question for Analytics dashboard' })
    await question.waitFor()
    await expect.poll(() => question.textContent()).toContain('Tue 24 Nov, 15:00 your time · 09:00 in New York')

    await question.getByRole('button', { name: 'No, they didn’t show' }).click()
    await question.waitFor({ state: 'detached' })

    await page.getByRole('link', { name: 'Interviews' }).click()
    const row = page.getByRole('row').filter({ hasText: 'Analytics dashboard' })
    await expect.poll(() => row.textContent()).toMatch(/No-show/)
    await row.getByRole('link', { name: 'Analytics dashboard' }).click()
    await page.getByRole('heading', { level: 1, name: 'Analytics dashboard' }).waitFor()
    await expect.poll(() => page.getByText('Did not come to the call on 2026-11-24').isVisible()).toBe(true)
  })
})
