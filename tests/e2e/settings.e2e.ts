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
    await expect(page.getByRole('checkbox', { name: 'Sat' }).isChecked()).resolves.toBe(true)
    await page.getByRole('combobox', { name: 'Time format' }).click()
    await page.getByRole('option', { name: '24-hour (16:30)' }).click()
    await chooseTime(page, 'From', '10:00')
    await chooseTime(page, 'Until', '18:30')
    await page.getByText('20 min', { exact: true }).click()
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Settings saved').waitFor()
    await first.host.stop()

    const second = await openSettings(dataDir)
    await expect(second.page.getByLabel('Your name').inputValue()).resolves.toBe('Ana Souza')
    await expect(second.page.getByRole('combobox', { name: 'Your time zone' }).inputValue()).resolves.toMatch(
      /^America\/Sao Paulo/
    )
    await expect(second.page.getByRole('checkbox', { name: 'Sat' }).isChecked()).resolves.toBe(true)
    await expect(second.page.getByRole('checkbox', { name: 'Sun' }).isChecked()).resolves.toBe(false)
    await expect(second.page.getByRole('combobox', { name: 'From', exact: true }).inputValue()).resolves.toBe('10:00')
    await expect(second.page.getByRole('combobox', { name: 'Until', exact: true }).inputValue()).resolves.toBe('18:30')
    await expect(second.page.getByRole('radio', { name: '20 min' }).isChecked()).resolves.toBe(true)
    await expect(second.page.getByRole('combobox', { name: 'Time format' }).inputValue()).resolves.toBe('24-hour (16:30)')
    await expect(second.page.getByText('America/Sao_Paulo').first().isVisible()).resolves.toBe(true)
  })

  it('shows what is wrong and will not save it', async () => {
    const { page } = await openSettings(await tempDir())
    // This browser's locale (en-US) uses the 12-hour clock, and "from your system" follows it.
    await chooseTime(page, 'From', '6:00 PM')
    await chooseTime(page, 'Until', '9:00 AM')
    await page.getByText('Working hours must end after they start').waitFor()
    await expect(page.getByRole('button', { name: 'Save' }).isDisabled()).resolves.toBe(true)
    await page.getByRole('button', { name: 'Discard changes' }).click()
    await expect(page.getByRole('combobox', { name: 'From', exact: true }).inputValue()).resolves.toBe('9:00 AM')
  })

  it('save with Ctrl+S and apply the chosen theme at once', async () => {
    const { page } = await openSettings(await tempDir())
    await page.getByText('Dark', { exact: true }).click()
    await page.keyboard.press('Control+s')
    await page.getByText('Settings saved').waitFor()
    await expect(page.locator('html').getAttribute('data-mantine-color-scheme')).resolves.toBe('dark')
  })
})
