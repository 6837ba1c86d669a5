import { readFile } from 'node:fs/promises'
import { DateTime } from 'luxon'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { useChromium } from './support/browser'
import { useHosts } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

/** Berlin user, New York client, an accepted invitation; opens its interview page. */
async function openInterview(): Promise<Page> {
  const host = await startHost()
  const page = await chromium.newPage({ acceptDownloads: true })
  await page.goto(host.url)
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
  await page.evaluate(async () => {
    await window.greenroom.updateSettings({ userName: 'Ana', timeZone: 'Europe/Berlin', workingHours: { days: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '20:00' } })
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

describe('scheduling', () => {
  it('takes a time in the client’s zone and shows it in the user’s, on the interview and in the calendar', async () => {
    const page = await openInterview()
    await page.getByRole('button', { name: 'Schedule…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Schedule the call' })
    await expect(dialog.getByRole('combobox', { name: 'Time zone of the proposed time' }).inputValue()).resolves.toMatch(/^America\/New York/)
    const day = DateTime.now().setZone('America/New_York').plus({ days: 2 })
    await dialog.getByLabel('Date and time in New York').fill(`${day.toISODate()}T09:00`)
    await dialog.getByText('20 min', { exact: true }).click()
    await expect(dialog.getByLabel('Time in both zones').textContent()).resolves.toBe(`${day.setZone('Europe/Berlin').set({ hour: 15 }).toFormat('ccc d LLL')}, 15:00 your time · 09:00 in New York, 20 min`)
    await dialog.getByRole('button', { name: 'Schedule call' }).click()
    await dialog.waitFor({ state: 'hidden' })
    // The page shows the new time once the saved interview comes back.
    await page.getByLabel('Call time').filter({ hasText: /15:00 your time · 09:00 in New York · 20 min$/ }).waitFor()
    await expect(page.getByText('Scheduled', { exact: true }).first().isVisible()).resolves.toBe(true)

    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Add to calendar (.ics)' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe(`interview-${day.toISODate()}.ics`)
    const ics = await readFile((await download.path())!, 'utf8')
    expect(ics).toContain('SUMMARY:Interview: Analytics dashboard (Maya Chen)')
    expect(ics).toContain(`DTSTART:${day.toFormat('yyyyLLdd')}T140000Z`)

    await page.getByRole('link', { name: 'Calendar' }).click()
    const berlinDay = day.setZone('Europe/Berlin')
    if (berlinDay.startOf('week') > DateTime.now().setZone('Europe/Berlin').startOf('week')) await page.getByRole('button', { name: 'Next week' }).click()
    const block = page.getByRole('group', { name: 'Calls on a time grid' }).getByRole('link', { name: '15:00–15:20 Analytics dashboard, Maya Chen · 09:00 in New York' })
    await block.waitFor()
    const call = page.getByRole('region', { name: 'Calls as a list' }).getByRole('link', { name: /Analytics dashboard/ })
    await expect(call.textContent()).resolves.toMatch(/^15:00–15:2009:00 in New York/)
    await page.getByText('Day', { exact: true }).click()
    await page.getByRole('button', { name: 'Today' }).click()
    await page.getByRole('heading', { name: DateTime.now().setZone('Europe/Berlin').toFormat('cccc d LLLL yyyy') }).waitFor()
  })

  it('warns when the proposed time is outside working hours', async () => {
    const page = await openInterview()
    await page.evaluate(() => window.greenroom.updateSettings({ workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } }))
    await page.getByRole('button', { name: 'Schedule…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Schedule the call' })
    const monday = DateTime.now().setZone('America/New_York').plus({ weeks: 1 }).set({ weekday: 1 })
    await dialog.getByLabel('Date and time in New York').fill(`${monday.toISODate()}T14:00`) // 20:00 in Berlin
    await dialog.getByText('Outside your working hours').waitFor()
  })

  it('offers free slots as a ready-to-paste message in the client’s zone', async () => {
    const page = await openInterview()
    await page.getByRole('button', { name: 'Offer times…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Offer times' })
    await dialog.getByRole('checkbox').first().check()
    await dialog.getByRole('checkbox').nth(2).check()
    const message = await dialog.getByLabel('Message to paste').inputValue()
    expect(message).toMatch(/^Hi Maya,\n/)
    expect(message.match(/^• .* New York time \(.* for me, Berlin\)$/gm)).toHaveLength(2)
    expect(message).toMatch(/\n\nAna$/)
    await expect(dialog.getByRole('button', { name: 'Copy message' }).isEnabled()).resolves.toBe(true)
  })
})
