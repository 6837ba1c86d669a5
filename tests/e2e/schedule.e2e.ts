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

/** Berlin user (24-hour clock), New York client unless told, an accepted invitation; opens its interview page. */
async function openInterview(
  options: { clientZone?: string; clockStart?: string; workingHours?: { days: number[]; start: string; end: string } } = {}
): Promise<Page> {
  const host = await startHost(undefined, options.clockStart ? ['--clock-start', options.clockStart] : [])
  const page = await chromium.newPage({ acceptDownloads: true })
  await page.goto(host.url)
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
  await page.evaluate(
    async ({ clientZone, workingHours }) => {
      await window.greenroom.updateSettings({ userName: 'Ana', timeZone: 'Europe/Berlin', timeFormat: '24h', workingHours })
      const item = await window.greenroom.createInvitation({
        client: { fields: { name: 'Maya Chen', company: 'Brightloop', website: '', timeZone: clientZone, country: 'US', notes: '' } },
        job: { title: 'Analytics dashboard', description: '', url: '', budgetType: 'hourly', budget: 80, skills: [], postedAt: null },
        message: '',
        receivedAt: null
      })
      await window.greenroom.acceptInvitation({ id: item.invitation.id, message: '', terms: null })
    },
    {
      clientZone: options.clientZone ?? 'America/New_York',
      workingHours: options.workingHours ?? { days: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '20:00' }
    }
  )
  await page.getByRole('link', { name: 'Interviews' }).click()
  await page.getByRole('link', { name: 'Analytics dashboard' }).click()
  await page.getByRole('heading', { level: 1, name: 'Analytics dashboard' }).waitFor()
  return page
}

/** Types a date and picks a time in the schedule dialog, as a user does. */
async function enterTime(page: Page, dialog: ReturnType<Page['getByRole']>, date: string, time: string): Promise<void> {
  await dialog.getByLabel(/^Date in/).fill(date)
  await dialog.getByRole('combobox', { name: /^Time in/ }).fill(time)
  await page.getByRole('option', { name: time, exact: true }).click()
}

describe('scheduling', () => {
  it('takes a time in the client’s zone and shows it in the user’s, on the interview and in the calendar', async () => {
    const page = await openInterview()
    await page.getByRole('button', { name: 'Schedule…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Schedule the call' })
    await expect
      .poll(() => dialog.getByRole('combobox', { name: 'Time zone of the proposed time' }).inputValue())
      .toMatch(/^America\/New York/)
    const day = DateTime.now().setZone('America/New_York').plus({ days: 2 })
    await enterTime(page, dialog, day.toISODate()!, '09:00')
    // The user's day of the call: in New York's evening, Berlin is already on the next day, so it is
    // the call's own instant that is shown in Berlin, not the day it is now in New York.
    const callInBerlin = day.set({ hour: 9, minute: 0, second: 0, millisecond: 0 }).setZone('Europe/Berlin')
    await dialog.getByText('20 min', { exact: true }).click()
    await expect
      .poll(() => dialog.getByLabel('Time in both zones').textContent())
      .toBe(`${callInBerlin.toFormat('ccc d LLL')}, 15:00 your time · 09:00 in New York, 20 min`)
    await dialog.getByRole('button', { name: 'Schedule call' }).click()
    await dialog.waitFor({ state: 'hidden' })
    // The page shows the new time once the saved interview comes back.
    await page
      .getByLabel('Call time')
      .filter({ hasText: /15:00 your time · 09:00 in New York · 20 min$/ })
      .waitFor()
    await expect.poll(() => page.getByText('Scheduled', { exact: true }).first().isVisible()).toBe(true)

    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Add to calendar (.ics)' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe(`interview-${day.toISODate()}.ics`)
    const ics = await readFile((await download.path())!, 'utf8')
    expect(ics).toContain('SUMMARY:Interview: Analytics dashboard (Maya Chen)')
    expect(ics).toContain(`DTSTART:${day.toFormat('yyyyLLdd')}T140000Z`)

    await page.getByRole('link', { name: 'Calendar' }).click()
    if (callInBerlin.startOf('week') > DateTime.now().setZone('Europe/Berlin').startOf('week'))
      await page.getByRole('button', { name: 'Next week' }).click()
    const block = page
      .getByRole('group', { name: 'Calls on a time grid' })
      .getByRole('link', { name: '15:00–15:20 Analytics dashboard, Maya Chen · 09:00 in New York' })
    await block.waitFor()
    const call = page.getByRole('region', { name: 'Calls as a list' }).getByRole('link', { name: /Analytics dashboard/ })
    await expect.poll(() => call.textContent()).toMatch(/^15:00–15:2009:00 in New York/)
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
    await enterTime(page, dialog, monday.toISODate()!, '14:00') // 20:00 in Berlin
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
    const lines = message.match(/^• .* New York time \(.* for me, Berlin\)$/gm)
    expect(lines).toHaveLength(2)
    // Inside the client's day (09:00–18:00 in New York), never the small hours of it.
    for (const line of lines!) {
      const [, start] = /, (\d\d:\d\d)–/.exec(line)!
      expect(start! >= '09:00' && start! < '18:00', line).toBe(true)
    }
    expect(message).toMatch(/\n\nAna$/)
    await expect.poll(() => dialog.getByRole('button', { name: 'Copy message' }).isEnabled()).toBe(true)
  })

  it('says when the two working days never meet, and marks the least bad times', async () => {
    // Early December: Berlin is 10 hours behind Sydney, whose 09:00–18:00 is Berlin's 23:00–08:00.
    const page = await openInterview({
      clientZone: 'Australia/Sydney',
      clockStart: '2026-12-01T07:00:00.000Z',
      workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }
    })
    await page.getByRole('button', { name: 'Offer times…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Offer times' })
    await dialog.getByText('Your working days don’t overlap').waitFor()
    const slots = dialog.getByRole('checkbox')
    await expect.poll(() => slots.count()).toBeGreaterThan(0)
    for (const label of await slots.evaluateAll((boxes) => boxes.map((box) => box.closest('.mantine-Checkbox-root')?.textContent ?? ''))) {
      expect(label).toMatch(/Outside working hours: .*(before|after) (your|Sydney’s) working day (starts|ends)/)
    }
    await slots.first().check()
    await expect
      .poll(() => dialog.getByLabel('Message to paste').inputValue())
      .toContain('Our working days barely meet across the time difference')
  })

  it('shows a moved call’s old and new times in the History tab', async () => {
    const page = await openInterview()
    const day = DateTime.now().setZone('Europe/Berlin').plus({ days: 3 })
    await page.getByRole('button', { name: 'Schedule…' }).click()
    let dialog = page.getByRole('dialog', { name: 'Schedule the call' })
    await dialog.getByRole('combobox', { name: 'Time zone of the proposed time' }).fill('Berlin')
    await page.getByRole('option', { name: /Europe\/Berlin/ }).click()
    await enterTime(page, dialog, day.toISODate()!, '15:30')
    await dialog.getByRole('button', { name: 'Schedule call' }).click()
    await dialog.waitFor({ state: 'hidden' })

    await page.getByRole('button', { name: 'Move…' }).click()
    dialog = page.getByRole('dialog', { name: 'Move the call' })
    await enterTime(page, dialog, day.plus({ days: 1 }).toISODate()!, '16:00')
    await dialog.getByRole('button', { name: 'Move call' }).click()
    await dialog.waitFor({ state: 'hidden' })

    await page.getByRole('tab', { name: 'History' }).click()
    const history = page.getByLabel('History')
    await history
      .getByText(`Call moved from ${day.toFormat('ccc d LLL')}, 15:30 to ${day.plus({ days: 1 }).toFormat('ccc d LLL')}, 16:00, 15 min`)
      .waitFor()
    await expect.poll(() => history.getByText(`Call booked for ${day.toFormat('ccc d LLL')}, 15:30, 15 min`).isVisible()).toBe(true)
  })

  it('says why a custom length cannot be booked', async () => {
    const page = await openInterview()
    await page.getByRole('button', { name: 'Schedule…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Schedule the call' })
    await enterTime(page, dialog, DateTime.now().plus({ days: 2 }).toISODate()!, '10:00')
    await dialog.getByText('Custom', { exact: true }).click()
    await dialog.getByLabel('Custom length in minutes').fill('3')
    await expect.poll(() => dialog.getByText('A call lasts at least 5 minutes').count()).toBeGreaterThan(0)
    await expect.poll(() => dialog.getByRole('button', { name: 'Schedule call' }).isDisabled()).toBe(true)
    await dialog.getByLabel('Custom length in minutes').fill('25')
    await expect.poll(() => dialog.getByRole('button', { name: 'Schedule call' }).isEnabled()).toBe(true)
    await expect.poll(() => dialog.getByText('A call lasts at least 5 minutes').count()).toBe(0)
  })

  it('writes every time in the 12-hour clock once that is chosen, time fields included', async () => {
    const page = await openInterview()
    const id = page.url().match(/interviews\/([0-9a-f-]{36})/)![1]!
    await page.evaluate(async (interviewId) => {
      await window.greenroom.scheduleInterview({
        id: interviewId,
        startsAt: '2030-11-26T14:00:00.000Z',
        timeZone: 'America/New_York',
        durationMinutes: 15,
        note: ''
      })
      await window.greenroom.updateSettings({ timeFormat: '12h' })
    }, id)
    await page.getByLabel('Call time').filter({ hasText: 'Tue 26 Nov, 3:00 PM your time · 9:00 AM in New York · 15 min' }).waitFor()
    await page.getByRole('button', { name: 'Move…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Move the call' })
    await expect.poll(() => dialog.getByLabel('Time in New York').inputValue()).toBe('9:00 AM')
    await expect
      .poll(() => dialog.getByLabel('Time in both zones').textContent())
      .toBe('Tue 26 Nov, 3:00 PM your time · 9:00 AM in New York, 15 min')
  })

  it('lists when each call is and sorts the interviews by it', async () => {
    const page = await openInterview()
    await page.evaluate(async () => {
      const api = window.greenroom
      const [first] = await api.listInterviews({ limit: 10 })
      await api.scheduleInterview({
        id: first!.id,
        startsAt: '2030-11-28T14:00:00.000Z',
        timeZone: 'America/New_York',
        durationMinutes: 15,
        note: ''
      })
      for (const [title, startsAt] of [
        ['Landing page', '2030-11-26T09:00:00.000Z'],
        ['Unscheduled audit', null]
      ] as const) {
        const item = await api.createInvitation({
          client: { fields: { name: 'Tom Ortiz', company: '', website: '', timeZone: 'Europe/Berlin', country: '', notes: '' } },
          job: { title, description: '', url: '', budgetType: 'fixed', budget: null, skills: [], postedAt: null },
          message: '',
          receivedAt: null
        })
        const interviewId = (await api.acceptInvitation({ id: item.invitation.id, message: '', terms: null })).invitation.interviewId!
        if (startsAt) await api.scheduleInterview({ id: interviewId, startsAt, timeZone: 'Europe/Berlin', durationMinutes: 15, note: '' })
      }
    })
    await page.getByRole('link', { name: 'Interviews' }).first().click()
    const titles = () =>
      page.getByRole('row').evaluateAll((rows) => rows.slice(1).map((row) => row.querySelector('td a')?.textContent ?? ''))
    const analytics = page.getByRole('row', { name: /Analytics dashboard/ })
    await analytics.getByText('Thu 28 Nov, 15:00').waitFor()
    await expect.poll(() => analytics.getByText('09:00 in New York').isVisible()).toBe(true)
    await expect
      .poll(() =>
        page
          .getByRole('row', { name: /Unscheduled audit/ })
          .getByText('Not scheduled')
          .isVisible()
      )
      .toBe(true)

    const header = page.getByRole('columnheader', { name: 'Call' })
    await header.getByRole('button').click()
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending')
    await expect.poll(() => titles()).toEqual(['Landing page', 'Analytics dashboard', 'Unscheduled audit'])
    await header.getByRole('button').press('Enter')
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending')
    await expect.poll(() => titles()).toEqual(['Analytics dashboard', 'Landing page', 'Unscheduled audit'])
  })
})
