import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { useChromium } from './support/browser'
import { useHosts } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

async function openSettings(dataDir: string) {
  const host = await startHost(dataDir)
  const page = await chromium.newPage()
  await page.goto(host.url)
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
  return { page, host }
}

/** Picks a time from a time field the way a user does: type, then choose from the list. */
async function chooseTime(page: Page, label: string, time: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).fill(time)
  await page.getByRole('option', { name: time, exact: true }).click()
}

describe('settings', () => {
  it('survive a restart of the host', async () => {
    const dataDir = await tempDir()
    const first = await openSettings(dataDir)
    const { page } = first
    await page.getByLabel('Your name').fill('Ana Souza')
    await page.getByRole('combobox', { name: 'Your time zone' }).fill('Sao Paulo')
    await page.getByRole('option', { name: /America\/Sao Paulo/ }).click()
    await page.getByText('Sat', { exact: true }).click()
    await expect.poll(() => page.getByRole('checkbox', { name: 'Sat' }).isChecked()).toBe(true)
    await page.getByRole('combobox', { name: 'Time format' }).click()
    await page.getByRole('option', { name: '24-hour (16:30)' }).click()
    await chooseTime(page, 'From', '10:00')
    await chooseTime(page, 'Until', '18:30')
    await page.getByText('20 min', { exact: true }).click()
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Settings saved').waitFor()
    await first.host.stop()

    const second = await openSettings(dataDir)
    await expect.poll(() => second.page.getByLabel('Your name').inputValue()).toBe('Ana Souza')
    await expect.poll(() => second.page.getByRole('combobox', { name: 'Your time zone' }).inputValue()).toMatch(/^America\/Sao Paulo/)
    await expect.poll(() => second.page.getByRole('checkbox', { name: 'Sat' }).isChecked()).toBe(true)
    await expect.poll(() => second.page.getByRole('checkbox', { name: 'Sun' }).isChecked()).toBe(false)
    await expect.poll(() => second.page.getByRole('combobox', { name: 'From', exact: true }).inputValue()).toBe('10:00')
    await expect.poll(() => second.page.getByRole('combobox', { name: 'Until', exact: true }).inputValue()).toBe('18:30')
    await expect.poll(() => second.page.getByRole('radio', { name: '20 min' }).isChecked()).toBe(true)
    await expect.poll(() => second.page.getByRole('combobox', { name: 'Time format' }).inputValue()).toBe('24-hour (16:30)')
    await expect.poll(() => second.page.getByText('America/Sao_Paulo').first().isVisible()).toBe(true)
  })

  it('shows what is wrong and will not save it', async () => {
    const { page } = await openSettings(await tempDir())
    // This browser's locale (en-US) uses the 12-hour clock, and "from your system" follows it.
    await chooseTime(page, 'From', '6:00 PM')
    await chooseTime(page, 'Until', '9:00 AM')
    await page.getByText('Working hours must end after they start').waitFor()
    await expect.poll(() => page.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true)
    await page.getByRole('button', { name: 'Discard changes' }).click()
    // The field's text follows its value a render later (Mantine's searchable select).
    await expect.poll(() => page.getByRole('combobox', { name: 'From', exact: true }).inputValue()).toBe('9:00 AM')
    await expect.poll(() => page.getByRole('button', { name: 'Discard changes' }).isDisabled()).toBe(true)
  })

  it('save with Ctrl+S and apply the chosen theme at once', async () => {
    const { page } = await openSettings(await tempDir())
    await page.getByText('Dark', { exact: true }).click()
    await page.keyboard.press('Control+s')
    await page.getByText('Settings saved').waitFor()
    await expect.poll(() => page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark')
  })

  it('refuse a backup file over the size limit before sending it, saying how large it is and what the limit is', async () => {
    const { page, host } = await openSettings(await tempDir())
    await page.getByRole('button', { name: 'Import backup…' }).waitFor()
    // Every message the page sends to Greenroom, by size, so the test sees that nothing big went.
    await page.evaluate(() => {
      const sent: number[] = []
      Object.assign(window, { __sentSizes: sent })
      const send = WebSocket.prototype.send
      WebSocket.prototype.send = function (this: WebSocket, data: string) {
        sent.push(String(data).length)
        return send.call(this, data)
      }
    })
    const before = await page.evaluate(() => window.greenroom.exportBackup())

    const huge = join(await tempDir(), 'huge-backup.json')
    await writeFile(huge, Buffer.alloc(33_000_000, ' '))
    await page.locator('input[type=file]').setInputFiles(huge)
    const alert = page.getByRole('alert').filter({ hasText: 'Not imported' })
    await alert
      .getByText('“huge-backup.json” is 31.5 MB, and a Greenroom backup can be at most 30 MB. Nothing was imported.', { exact: false })
      .waitFor()
    expect(await page.getByRole('dialog', { name: 'Import this backup?' }).count()).toBe(0)
    expect(Math.max(0, ...(await page.evaluate(() => (window as unknown as { __sentSizes: number[] }).__sentSizes)))).toBeLessThan(
      1_000_000
    )

    // Greenroom still answers, and nothing changed.
    const after = await page.evaluate(() => window.greenroom.exportBackup())
    expect(JSON.parse(after).data).toEqual(JSON.parse(before).data)
    await alert.getByRole('button', { name: 'Dismiss' }).click()
    expect(await page.getByRole('alert').filter({ hasText: 'Not imported' }).count()).toBe(0)
    expect(host.output()).not.toMatch(/unexpected error/)
  })

  it('never send Greenroom more than it takes in one message: the call is refused in the page and the connection stays', async () => {
    const { page } = await openSettings(await tempDir())
    // Control characters travel as six bytes each (\u0001): this one is over the socket's cap.
    const refusal = await page.evaluate(() =>
      window.greenroom.importBackup({ text: '\u0001'.repeat(11_000_000) }).then(
        () => 'sent',
        (error: Error) => error.message
      )
    )
    expect(refusal).toMatch(/^This is too large to send to Greenroom: at most \d+ MB at once\.$/)
    await expect.poll(() => page.evaluate(async () => (await window.greenroom.getSettings()).theme)).toBe('system')
  })

  it('tell how to start a server of yours so that this page may join its calls', async () => {
    const { page, host } = await openSettings(await tempDir())
    await page.getByText('A server of mine').click()
    await page.getByText(/The server lets in only its own call page, the desktop app and the pages it was told of/).waitFor()
    await expect.poll(() => page.getByText(`--allow-origin ${host.origin}`, { exact: true }).isVisible()).toBe(true)
  })
})
