import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { strFromU8, unzipSync } from 'fflate'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { BACKUP_VERSION } from '../../src/shared/backup'
import { RPC_PATH } from '../../src/shared/browser-rpc'
import { useTempDirs } from '../support/temp-dir'
import { useChromium } from './support/browser'
import { useHosts } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

/** The interview table's rows once every prep cell shows its readiness (the cells fill in after the rows). */
async function settledRows(page: Page): Promise<string[]> {
  await expect.poll(() => page.getByRole('table').locator('[aria-busy="true"]').count()).toBe(0)
  return page.getByRole('row').allTextContents()
}

async function openApp(): Promise<Page> {
  const host = await startHost()
  const page = await chromium.newPage({ acceptDownloads: true })
  await page.goto(host.url)
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
  return page
}

async function addInvitation(page: Page, client: string, title: string, description: string): Promise<void> {
  await page.getByRole('button', { name: 'Add invitation' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Add an invitation' })
  await dialog.getByLabel('Client name').fill(client)
  await dialog.getByLabel('Company').fill(`${client} Ltd`)
  await dialog.getByLabel('Job title').fill(title)
  await dialog.getByLabel('Job description').fill(description)
  await dialog.getByRole('button', { name: 'Add to inbox' }).click()
  await dialog.waitFor({ state: 'hidden' })
  await page.getByRole('article', { name: `${title}, from ${client}` }).waitFor()
}

describe('the interview pipeline', () => {
  it('takes an invitation through acceptance to a finished interview that the dashboard counts', async () => {
    const page = await openApp()
    await addInvitation(page, 'Maya Chen', 'Analytics dashboard', 'Charts for churn and cohort retention.')
    const card = page.getByRole('article', { name: 'Analytics dashboard, from Maya Chen' })
    await expect.poll(() => card.getByText(/Waiting \d+ min/).isVisible()).toBe(true)

    await card.getByRole('button', { name: 'Accept' }).click()
    const dialog = page.getByRole('dialog', { name: /Accept: Analytics dashboard/ })
    await expect.poll(() => dialog.getByLabel('Your reply').inputValue()).toMatch(/^Hi Maya, thank you for the invitation/)
    await dialog.getByRole('button', { name: 'Accept invitation' }).click()
    await page.getByText('No invitations waiting').waitFor()

    await page.getByRole('link', { name: 'Interviews' }).click()
    await page.getByRole('link', { name: 'Analytics dashboard' }).click()
    await page.getByRole('heading', { level: 1, name: 'Analytics dashboard' }).waitFor()
    await page.getByRole('button', { name: 'Move to' }).click()
    await page.getByRole('menuitem', { name: 'Scheduled' }).click()
    const schedule = page.getByRole('dialog', { name: 'Schedule the call' })
    await schedule.getByLabel(/^Date in/).fill('2030-12-02')
    await schedule.getByLabel(/^Time in/).fill('10:00')
    await page.getByRole('option', { name: '10:00 AM', exact: true }).click()
    await schedule.getByRole('button', { name: 'Schedule call' }).click()
    await page.getByText(/^Scheduled: /).waitFor()
    await page.getByRole('button', { name: 'Move to' }).click()
    await page.getByRole('menuitem', { name: 'Done' }).click()
    // The call is still ahead: Greenroom asks first.
    await page.getByRole('dialog', { name: 'Mark as done before the call?' }).getByRole('button', { name: 'Mark as done' }).click()
    await page.getByText('Moved to “Done”').waitFor()
    // The toast can come before the page has read the interview again: wait for the badge.
    await expect.poll(() => page.getByText('Done', { exact: true }).first().isVisible()).toBe(true)

    await page.getByRole('link', { name: 'Dashboard' }).click()
    await expect.poll(() => page.getByLabel('Interviews', { exact: true }).textContent()).toBe('1')
    await expect.poll(() => page.getByLabel('Response rate').textContent()).toBe('100%')
    await page.getByText('Invitations: 1').waitFor()
  })

  it('declines from the keyboard with reasons', async () => {
    const page = await openApp()
    await addInvitation(page, 'Sofia Rossi', 'Shopify tweaks', 'Banner and fonts.')
    await page.getByRole('article', { name: 'Shopify tweaks, from Sofia Rossi' }).focus()
    await page.keyboard.press('d')
    const dialog = page.getByRole('dialog', { name: /Decline: Shopify tweaks/ })
    await expect.poll(() => dialog.getByRole('button', { name: 'Decline invitation' }).isDisabled()).toBe(true)
    await dialog.getByLabel('Budget too low').check()
    await dialog.getByLabel('Skills don’t match').check()
    await dialog.getByRole('button', { name: 'Decline invitation' }).click()
    await page.getByText('No invitations waiting').waitFor()
    await page.getByRole('tab', { name: 'Answered' }).click()
    await page.getByText('Declined: Budget too low, Skills don’t match').waitFor()
  })

  it('finds a word from a job description, highlighted', async () => {
    const page = await openApp()
    await addInvitation(page, 'Priya Nair', 'Telehealth prototype', 'Video consultations with a virtual waiting room.')
    await page.keyboard.press('Control+k')
    await page.getByRole('textbox', { name: 'Search everything' }).fill('waiting')
    const result = page.getByRole('listitem').filter({ hasText: 'Telehealth prototype' })
    await result.waitFor()
    await expect.poll(() => result.locator('mark').first().textContent()).toBe('waiting')
  })

  it('shows a prep cell as loading, not as “Open”, until its readiness arrives', async () => {
    const host = await startHost()
    const page = await chromium.newPage()
    // The app's socket, with the answers that carry readiness held back until the test lets them go.
    const held: (() => void)[] = []
    let holding = false
    await page.routeWebSocket(
      (url) => url.pathname === RPC_PATH,
      (socket) => {
        const server = socket.connectToServer()
        socket.onMessage((message) => server.send(message))
        server.onMessage((message) => {
          if (holding && typeof message === 'string' && message.includes('"share"')) held.push(() => socket.send(message))
          else socket.send(message)
        })
      }
    )
    await page.goto(host.url)
    await page.getByRole('button', { name: 'Load demo data' }).click()
    await page.getByText(/Demo data loaded/).waitFor()
    holding = true
    await page.getByRole('link', { name: 'Interviews' }).click()
    const prep = page.getByRole('row', { name: /Multiplayer lobby with WebSockets/ }).getByRole('link', { name: /prep room/ })
    await expect.poll(() => prep.getAttribute('aria-busy')).toBe('true')
    await expect.poll(() => prep.textContent()).toBe('')
    await expect.poll(() => held.length).toBeGreaterThan(0)
    held.forEach((release) => release())
    await expect.poll(() => prep.getAttribute('aria-label')).toBe('43% ready: open the prep room')
    await expect.poll(() => prep.getAttribute('aria-busy')).toBeNull()
  })

  it('exports, wipes and imports back the same data; a corrupted file changes nothing', async () => {
    const page = await openApp()
    await page.getByRole('button', { name: 'Load demo data' }).click()
    await page.getByText(/Demo data loaded/).waitFor()
    await page.getByRole('link', { name: 'Interviews' }).click()
    await page.getByRole('link', { name: 'React dashboard for subscription metrics' }).waitFor()
    const rowsBefore = await settledRows(page)

    await page.getByRole('link', { name: 'Settings' }).click()
    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export backup' }).click()
    const backupFile = join(await tempDir(), 'backup.zip')
    await (await downloading).saveAs(backupFile)
    const backupJson = () => JSON.parse(strFromU8(unzipSync(new Uint8Array(readFileSync(backupFile)))['backup.json']!))
    expect(backupJson()).toMatchObject({ format: 'greenroom-backup', version: BACKUP_VERSION })

    await page.getByRole('button', { name: 'Delete all data…' }).click()
    const wipe = page.getByRole('dialog', { name: 'Delete all data?' })
    await wipe.getByLabel('Type DELETE to confirm').fill('DELETE')
    await wipe.getByRole('button', { name: 'Delete everything' }).click()
    await page.getByText('All records deleted').waitFor()
    await page.getByRole('link', { name: 'Interviews' }).click()
    await page.getByText('No interviews yet').waitFor()

    await page.getByRole('link', { name: 'Settings' }).click()
    await page.locator('input[type=file]').setInputFiles(backupFile)
    await page.getByRole('dialog', { name: 'Import this backup?' }).getByRole('button', { name: 'Replace with backup' }).click()
    await page.getByText(/Backup imported: 11 clients, 7 interviews/).waitFor()
    await page.getByRole('link', { name: 'Interviews' }).click()
    await page.getByRole('link', { name: 'React dashboard for subscription metrics' }).waitFor()
    expect(await settledRows(page)).toEqual(rowsBefore)

    const corrupted = join(await tempDir(), 'corrupted.json')
    // A backup saved as .json, as older versions made, still goes through the same checks.
    const file = backupJson()
    delete file.files
    file.data.interviews[0].status = 'vanished'
    file.data.clients = []
    await writeFile(corrupted, JSON.stringify(file))
    await page.getByRole('link', { name: 'Settings' }).click()
    await page.locator('input[type=file]').setInputFiles(corrupted)
    const dialog = page.getByRole('dialog', { name: 'Import this backup?' })
    await dialog.getByRole('button', { name: 'Replace with backup' }).click()
    await dialog
      .getByRole('alert')
      .getByText(/This backup is damaged \(record 1 of “interviews”, field “status”.*Nothing was changed/)
      .waitFor()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('link', { name: 'Interviews' }).click()
    await page.getByRole('link', { name: 'React dashboard for subscription metrics' }).waitFor()
    expect(await settledRows(page)).toEqual(rowsBefore)
  })
})
