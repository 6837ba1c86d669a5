import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { seriousViolations } from './support/axe'
import { useChromium } from './support/browser'
import { useHosts, type RunningHost } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

/** Browser mode with the demo data; the interview with a scheduled call and the host page on the inbox. */
async function openWithDemoData(host: RunningHost, colorScheme: 'light' | 'dark'): Promise<{ page: Page; interviewId: string }> {
  const page = await chromium.newPage({ colorScheme, viewport: { width: 1440, height: 900 } })
  await page.goto(host.url)
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
  const interviewId = await page.evaluate(async () => {
    if ((await window.greenroom.listClients()).length === 0) await window.greenroom.loadDemoData()
    await window.greenroom.updateSettings({ userName: 'Sam Rivera' })
    const interviews = await window.greenroom.listInterviews({ statuses: ['scheduled'], limit: 1 })
    return interviews[0]!.id
  })
  return { page, interviewId }
}

async function visit(page: Page, origin: string, path: string, heading: string | RegExp): Promise<void> {
  await page.goto(`${origin}/#${path}`)
  await page.getByRole('heading', { level: 1, name: heading }).first().waitFor()
}

describe('accessibility', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`finds no serious or critical axe-core violation on any page in ${colorScheme} mode`, async () => {
      const host = await startHost()
      const { page, interviewId } = await openWithDemoData(host, colorScheme)
      const { origin } = host
      const found: string[] = []
      const check = async (where: string) => found.push(...(await seriousViolations(page, where)))

      await visit(page, origin, '/inbox', 'Inbox')
      await page.getByRole('article').first().waitFor()
      await check('inbox')
      await page.getByRole('article').first().getByRole('button', { name: 'Accept' }).click()
      await page.getByRole('dialog', { name: /^Accept: / }).waitFor()
      await check('inbox, accept dialog')
      await page.keyboard.press('Escape')
      await page.getByRole('dialog').waitFor({ state: 'detached' })
      await page.getByRole('tab', { name: 'Answered' }).click()
      await page.getByRole('article').first().waitFor()
      await check('inbox, answered')

      await visit(page, origin, '/interviews', 'Interviews')
      await page.getByRole('row').nth(1).waitFor()
      await check('interviews list')
      await page.getByText('Board', { exact: true }).click()
      await page.getByRole('region', { name: 'Scheduled column' }).waitFor()
      await check('interviews board')

      await visit(page, origin, `/interviews/${interviewId}`, /./)
      for (const tab of ['Overview', 'Job post', 'Proposal', /^Offers/, /^Notes/, 'History']) {
        await page.getByRole('tab', { name: tab }).click()
        await check(`interview page, ${tab} tab`)
      }
      // The demo call lies ahead: "Done" asks first.
      await page.getByRole('button', { name: 'Move to' }).click()
      await page.getByRole('menuitem', { name: 'Done' }).click()
      await page.getByRole('dialog', { name: 'Mark as done before the call?' }).waitFor()
      await check('interview page, Done confirmation')
      await page.keyboard.press('Escape')
      await page.getByRole('dialog').waitFor({ state: 'detached' })

      await visit(page, origin, `/interviews/${interviewId}/prep`, 'Prep room')
      await check('prep room')

      await page.goto(`${origin}/#/interviews/${interviewId}/call`)
      const invite = page.getByRole('textbox', { name: 'Invite link' })
      await invite.waitFor()
      await check('call room, waiting')
      const guestLink = await invite.inputValue()

      await visit(page, origin, '/calendar', 'Calendar')
      await check('calendar')
      await visit(page, origin, '/search?q=dashboard', 'Search')
      await page.getByRole('listitem').first().waitFor()
      await check('search with results')
      await visit(page, origin, '/dashboard', 'Dashboard')
      await check('dashboard')
      await visit(page, origin, '/samples', 'Samples')
      await check('samples')
      await page.getByRole('tab', { name: 'Question bank' }).click()
      await check('question bank')
      await visit(page, origin, '/connection-test', 'Connection test')
      await check('connection test')
      await visit(page, origin, '/settings', 'Settings')
      await check('settings')

      const guest = await chromium.newPage({ colorScheme })
      await guest.goto(guestLink)
      await guest.getByRole('heading', { name: 'Join the call' }).waitFor()
      found.push(...(await seriousViolations(guest, 'guest page')))

      expect(found, found.join('\n')).toEqual([])
    })
  }
})
