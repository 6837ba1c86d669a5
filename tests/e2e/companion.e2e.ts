import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { consoleErrorsOf, useChromium } from './support/browser'
import { useHosts, type RunningHost } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

const ZOOM_LINK = 'https://us02web.zoom.us/j/81234567890?pwd=abc'
/** The call: Wed 2 Dec 2026, 15:00 UTC (10:00 in New York), 30 minutes, on Zoom. */
const CALL_START = '2026-12-02T15:00:00.000Z'

/**
 * An Upwork client's interview (its job post is on upwork.com, no contract yet) held on
 * Zoom, scheduled at CALL_START; returns the page on the interview.
 */
async function zoomInterview(host: RunningHost): Promise<{ page: Page; id: string }> {
  const page = await chromium.newPage()
  // Nothing leaves the machine: the Zoom page is a stand-in.
  await page.context().route(/zoom\.us/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Zoom</title>' }))
  await page.goto(host.url)
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
  const id = await page.evaluate(
    async ({ link, startsAt }) => {
      await window.greenroom.updateSettings({ userName: 'Sam Rivera', timeZone: 'Europe/Berlin', timeFormat: '24h' })
      const item = await window.greenroom.createInvitation({
        client: {
          fields: { name: 'Maya Chen', company: 'Brightloop', website: '', timeZone: 'America/New_York', country: 'US', notes: '' }
        },
        job: {
          title: 'Analytics dashboard',
          description: 'Cohort charts in React.',
          url: 'https://www.upwork.com/jobs/~01abc',
          budgetType: 'hourly',
          budget: 80,
          skills: [],
          postedAt: null
        },
        message: '',
        receivedAt: null
      })
      const accepted = await window.greenroom.acceptInvitation({ id: item.invitation.id, message: '', terms: null })
      const interviewId = accepted.invitation.interviewId!
      const { interview } = await window.greenroom.getInterview({ id: interviewId })
      const { title, scenario, type, sampleTask, outcomeNotes } = interview
      await window.greenroom.updateInterview({
        id: interviewId,
        fields: { title, scenario, type, sampleTask, outcomeNotes, channel: 'zoom', channelLink: link }
      })
      await window.greenroom.scheduleInterview({ id: interviewId, startsAt, timeZone: 'America/New_York', durationMinutes: 30, note: '' })
      return interviewId
    },
    { link: ZOOM_LINK, startsAt: CALL_START }
  )
  await page.goto(`${host.origin}/#/interviews/${id}`)
  await page.getByRole('heading', { level: 1, name: 'Analytics dashboard' }).waitFor()
  return { page, id }
}

const timerLabel = (page: Page) => page.getByRole('timer').getAttribute('aria-label')

describe('a call held on Zoom', () => {
  it('Join opens the link and the companion with its timer; a stamped note survives a reload; End call puts the call on record and the no-show question never comes', async () => {
    // Twenty seconds before the no-show question would be due (10 minutes after the start).
    const host = await startHost(undefined, ['--clock-start', '2026-12-02T15:09:40Z'])
    const { page, id } = await zoomInterview(host)

    const join = page.getByRole('main').getByRole('button', { name: 'Join call' })
    const opening = page.context().waitForEvent('page')
    await join.click()
    const zoomTab = await opening
    expect(zoomTab.url()).toBe(ZOOM_LINK)
    await zoomTab.close()

    await page.waitForURL(`**/#/interviews/${id}/companion`)
    await page.setViewportSize({ width: 420, height: 720 })
    await page.getByRole('heading', { level: 1, name: /Call with Maya Chen/ }).waitFor()
    await expect.poll(() => page.getByLabel('Local times').textContent()).toMatch(/^16:09 your time · 10:09 for Maya \(New York\)$/)
    // The timer runs against the agreed 30 minutes.
    await page.getByRole('timer', { name: /^Call time 0:0[1-9] of 30 minutes$/ }).waitFor()

    const notes = page.getByRole('textbox', { name: 'Call notes' })
    await notes.click()
    await notes.press('Control+;')
    await notes.pressSequentially('They need cohorts by Friday')
    await expect.poll(() => notes.inputValue()).toMatch(/^\*\*\[\d\d:\d\d\]\*\* They need cohorts by Friday$/)
    await page.getByText(/^Saved \d/).waitFor()

    const before = await timerLabel(page)
    await page.reload()
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Call notes' }).inputValue())
      .toMatch(/^\*\*\[\d\d:\d\d\]\*\* They need cohorts by Friday$/)
    // The timer kept its start: it goes on from where it was instead of from zero.
    await page.waitForFunction((earlier) => {
      const seconds = (label: string | null | undefined) => Number(/0:(\d\d)/.exec(label ?? '')?.[1] ?? -1)
      return seconds(document.querySelector('[role="timer"]')?.getAttribute('aria-label')) > seconds(earlier)
    }, before)

    await page.getByRole('button', { name: 'End call' }).click()
    await page.getByRole('heading', { name: 'Call ended' }).waitFor()
    await page.getByText('Zoom ·', { exact: false }).first().waitFor()
    await page.getByRole('radio', { name: '4 stars' }).focus()
    await page.keyboard.press('Space')
    await page.getByRole('button', { name: 'Save rating' }).click()
    await page.getByText('Rating saved with the interview').waitFor()

    await page.setViewportSize({ width: 1280, height: 820 })
    await page.getByRole('button', { name: 'Back to the interview' }).click()
    await page.getByRole('tab', { name: 'Calls' }).click()
    const row = page.getByRole('table', { name: 'Calls held' }).getByRole('row').nth(1)
    await expect.poll(() => row.textContent()).toMatch(/^Wed 2 Dec, 16:09Zoom0:\d\d4 of 5$/)

    // Past the no-show margin, the question does not come: the call is on record.
    await page.waitForFunction(async () => (await window.greenroom.getClock()).now > '2026-12-02T15:10:05', undefined, { timeout: 30_000 })
    await expect.poll(() => page.evaluate(() => window.greenroom.listShowUpQuestions())).toEqual([])
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Analytics dashboard' }).waitFor()
    await page.waitForTimeout(500)
    await expect.poll(() => page.getByRole('region', { name: /No-show question/ }).count()).toBe(0)
    expect(consoleErrorsOf(page)).toEqual([])
  })

  it('They didn’t show marks the no-show at once, with a red flag', async () => {
    const host = await startHost(undefined, ['--clock-start', '2026-12-02T15:04:00Z'])
    const { page, id } = await zoomInterview(host)
    await page.goto(`${host.origin}/#/interviews/${id}/companion`)
    await page.getByRole('button', { name: 'They didn’t show' }).click()
    await page.getByRole('dialog', { name: 'Maya Chen didn’t come?' }).getByRole('button', { name: 'Mark as no-show' }).click()
    await page.waitForURL(`**/#/interviews/${id}`)
    const detail = await page.evaluate((interviewId) => window.greenroom.getInterview({ id: interviewId }), id)
    expect(detail.interview.status).toBe('no_show')
    expect(detail.client.redFlags.map((flag) => flag.kind)).toEqual(['no_show'])
  })
})

describe('Upwork’s rules before a contract', () => {
  it('warn when choosing the built-in call and on its invite link, and on a message holding an e-mail address, without blocking either', async () => {
    const host = await startHost(undefined, ['--clock-start', '2026-12-01T09:00:00Z'])
    const { page, id } = await zoomInterview(host)

    await page.getByRole('button', { name: 'Where the call is held: Zoom. Change' }).click()
    await page.getByRole('menuitem', { name: 'Greenroom call' }).click()
    const dialog = page.getByRole('dialog', { name: 'Hold this call in Greenroom?' })
    await dialog.getByText(/came through Upwork and there is no contract yet/).waitFor()
    await dialog.getByRole('button', { name: 'Use a Greenroom call anyway' }).click()
    await page.getByRole('link', { name: 'Start call' }).click()
    await page.getByRole('textbox', { name: 'Invite link' }).waitFor()
    await page.getByText(/a Greenroom call is outside Upwork/).waitFor()

    await page.goto(`${host.origin}/#/interviews/${id}/prep`)
    await page.getByRole('tab', { name: 'Ask the client' }).click()
    const message = page.getByRole('textbox', { name: 'Message to the client' })
    await message.waitFor()
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Contact details in this message' }).count()).toBe(0)
    await message.fill(`${await message.inputValue()}\n\nOr write to me at sam.rivera@example.com`)
    const warning = page.getByRole('alert').filter({ hasText: 'Contact details in this message' })
    await warning
      .getByText(/holds an e-mail address \(“sam\.rivera@example\.com”\).*keep talking on Upwork until a contract starts/)
      .waitFor()
    // A warning, not a block: the message can still be copied.
    await expect.poll(() => page.getByRole('button', { name: 'Copy message' }).isEnabled()).toBe(true)
  })
})
