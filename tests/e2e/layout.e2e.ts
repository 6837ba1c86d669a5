import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { seriousViolations } from './support/axe'
import { useChromium } from './support/browser'
import { hostWithInterview } from './support/call'
import { useHosts, type RunningHost } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

/** Browser mode with the demo data, at a window width; returns the page and a scheduled interview's id. */
async function openWithDemoData(host: RunningHost, width: number): Promise<{ page: Page; interviewId: string }> {
  const page = await chromium.newPage({ viewport: { width, height: 900 } })
  await page.goto(host.url)
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
  const interviewId = await page.evaluate(async () => {
    if ((await window.greenroom.listClients()).length === 0) await window.greenroom.loadDemoData()
    return (await window.greenroom.listInterviews({ statuses: ['scheduled'], limit: 1 }))[0]!.id
  })
  return { page, interviewId }
}

/** Text cut off inside the element: its content is wider than the box that shows it. */
const isCut = (element: Locator) => element.evaluate((node) => node.scrollWidth > node.clientWidth + 1)

async function box(element: Locator) {
  const found = await element.boundingBox()
  if (!found) throw new Error('The element is not on the page')
  return found
}

describe('page layout', () => {
  for (const width of [1280, 1440, 1920]) {
    it(`shows the interview page’s header buttons whole at ${width} px, even beside a long title`, async () => {
      const host = await startHost()
      const { page, interviewId } = await openWithDemoData(host, width)
      await page.evaluate(async (id) => {
        const { interview: i } = await window.greenroom.getInterview({ id })
        const fields = {
          scenario: i.scenario,
          type: i.type,
          sampleTask: i.sampleTask,
          channel: i.channel,
          channelLink: i.channelLink,
          outcomeNotes: i.outcomeNotes
        }
        await window.greenroom.updateInterview({
          id,
          fields: {
            ...fields,
            title: 'React dashboard for subscription metrics, churn cohorts and the finance team’s monthly board report'
          }
        })
      }, interviewId)
      await page.goto(`${host.origin}/#/interviews/${interviewId}`)
      await page.getByRole('heading', { level: 1, name: /^React dashboard for subscription metrics, churn cohorts/ }).waitFor()

      // The call button says Join call for a call held in another app (this one is on Zoom), Start call for Greenroom's own.
      for (const name of [/^Prep room/, /^(Start|Join) call/, /^Move to/]) {
        const main = page.getByRole('main')
        const button = main.getByRole('link', { name }).or(main.getByRole('button', { name })).first()
        const label = button.locator('.mantine-Button-label')
        await expect.poll(() => isCut(label), { message: `${name} is cut off` }).toBe(false)
        const { x, width: buttonWidth } = await box(button)
        expect(x + buttonWidth, `${name} runs out of the window`).toBeLessThanOrEqual(width)
      }
    })
  }

  it('fits the board and the filter row in a 1440 px window: no sideways scrolling, the filters on one row', async () => {
    const host = await startHost()
    const { page } = await openWithDemoData(host, 1440)
    await page.getByRole('link', { name: 'Interviews' }).click()
    await page.getByRole('row').nth(1).waitFor()

    const filters = ['Status', 'Client', 'Scenario', 'Type', 'Active from', 'until']
    const tops = await Promise.all(filters.map(async (label) => (await box(page.getByText(label, { exact: true }).first())).y))
    expect(new Set(tops).size, `filter labels at ${tops.join(', ')}`).toBe(1)

    await page.getByText('Board', { exact: true }).click()
    const columns = page.getByRole('region', { name: / column$/ })
    await page.getByRole('region', { name: 'Scheduled column' }).waitFor()
    expect(await columns.count()).toBe(8)
    const main = await box(page.getByRole('main'))
    for (const column of await columns.all()) {
      const { x, width } = await box(column)
      expect(x + width, `${await column.getAttribute('aria-label')} is out of view`).toBeLessThanOrEqual(main.x + main.width)
    }
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  })

  it('keeps hang-up beside the other controls and the self-view name whole in the compact call view; the ringing card is readable', async () => {
    const host = await startHost()
    const { page } = await hostWithInterview(host, chromium.newPage)
    await page.getByRole('link', { name: 'Start call' }).click()
    const invite = page.getByRole('textbox', { name: 'Invite link' })
    await invite.waitFor()
    const guest = await chromium.newPage()
    await guest.goto(await invite.inputValue())
    await guest.getByRole('textbox', { name: 'Your name' }).fill('Maya Chen')
    await guest.getByRole('button', { name: 'Join call' }).click()
    const ring = page.getByRole('alertdialog', { name: 'Maya Chen is asking to join' })
    await ring.waitFor()
    // Its title was white on white: checked as the accessibility check reads every page.
    const findings = await seriousViolations(page, 'ringing card')
    expect(findings, findings.join('\n')).toEqual([])
    await ring.getByRole('button', { name: 'Accept' }).click()
    await page.getByRole('timer').waitFor({ timeout: 20_000 })

    await page.getByRole('button', { name: 'Compact call view' }).click()
    await page.getByRole('button', { name: 'Full call view' }).waitFor()
    const toolbar = page.getByRole('toolbar', { name: 'Call controls' })
    const hangUp = await box(toolbar.getByRole('button', { name: 'Hang up' }))
    const mic = await box(toolbar.getByRole('button', { name: 'Mute microphone' }))
    expect(Math.abs(hangUp.y - mic.y), 'hang-up wrapped to its own row').toBeLessThan(4)
    // The other person still fills the small stage; only the self-view is the small tile.
    const remote = await box(page.getByLabel('Video from Maya Chen', { exact: true }))
    expect(remote.width).toBeGreaterThan((await box(toolbar)).width * 0.9)
    const selfName = page.locator('.greenroom-video-name').filter({ hasText: /^You$/ })
    await selfName.waitFor()
    await expect.poll(() => isCut(selfName)).toBe(false)
  })
})

describe('settings layout', () => {
  it('names each section for what it holds, and a new STUN/TURN row is not an error until its address is typed or left', async () => {
    const host = await startHost()
    const page = await chromium.newPage()
    await page.goto(`${host.url}`)
    await page.getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    const sections = await page.getByRole('heading', { level: 2 }).allTextContents()
    expect(sections).toEqual(expect.arrayContaining(['Call length', 'Call servers', 'Call rooms']))
    expect(new Set(sections).size, sections.join(', ')).toBe(sections.length)

    await page.getByRole('button', { name: 'Add server' }).click()
    const address = page.getByRole('textbox', { name: 'Server 1 address' })
    await address.waitFor()
    const problem = page.getByText('Use a stun:, turn: or turns: address', { exact: false })
    await expect.poll(() => problem.count()).toBe(0)
    await expect.poll(() => address.getAttribute('aria-invalid')).not.toBe('true')

    await address.fill('turn.example.com')
    await problem.waitFor()
    await address.fill('turn:turn.example.com:3478')
    await problem.waitFor({ state: 'detached' })

    await page.getByRole('button', { name: 'Add server' }).click()
    const second = page.getByRole('textbox', { name: 'Server 2 address' })
    await second.focus()
    await expect.poll(() => problem.count()).toBe(0)
    await page.getByRole('textbox', { name: 'Server 2 user name' }).focus()
    await problem.waitFor()
  })
})
