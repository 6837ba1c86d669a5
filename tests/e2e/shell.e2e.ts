import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { consoleErrorsOf, useChromium } from './support/browser'
import { useHosts } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

async function openApp(colorScheme: 'light' | 'dark' = 'light') {
  const host = await startHost()
  const page = await chromium.newPage({ colorScheme })
  await page.goto(host.url)
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
  return { page, host }
}

const DESTINATIONS = ['Inbox', 'Interviews', 'Dashboard', 'Calendar', 'Samples', 'Connection test', 'Settings']

describe('the app shell', () => {
  it('renders the navigation, the inbox and its empty state', async () => {
    const { page } = await openApp()
    const nav = page.getByRole('navigation', { name: 'Main' })
    for (const name of DESTINATIONS) await expect(nav.getByRole('link', { name }).isVisible()).resolves.toBe(true)
    await expect(page.getByText('No invitations waiting').isVisible()).resolves.toBe(true)
    await expect(page.getByRole('heading', { name: 'Welcome to Greenroom' }).isVisible()).resolves.toBe(true)
    expect(new URL(page.url()).searchParams.has('token')).toBe(false)
  })

  it('runs under its strict content security policy without a single violation', async () => {
    const { page } = await openApp()
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/]{43}=' 'strict-dynamic'/)
    await page.getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    expect(consoleErrorsOf(page)).toEqual([])
  })

  it('navigates to every page by clicking', async () => {
    const { page } = await openApp()
    for (const name of DESTINATIONS) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click()
      await page.getByRole('heading', { level: 1, name }).waitFor()
      await expect(page.getByRole('link', { name }).getAttribute('aria-current')).resolves.toBe('page')
    }
  })

  it('navigates from the keyboard: Tab reaches the links, Ctrl+digit jumps', async () => {
    const { page } = await openApp()
    await page.keyboard.press('Control+4')
    await page.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor()
    await page.keyboard.press('Control+7')
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()

    const reached: string[] = []
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab')
      reached.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''))
    }
    expect(reached.some((text) => text.startsWith('Interviews'))).toBe(true)
    await page.getByRole('link', { name: 'Interviews' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Interviews' }).waitFor()
  })

  it('follows the system’s light and dark themes', async () => {
    const light = await openApp('light')
    await expect(light.page.locator('html').getAttribute('data-mantine-color-scheme')).resolves.toBe('light')
    const dark = await openApp('dark')
    await expect(dark.page.locator('html').getAttribute('data-mantine-color-scheme')).resolves.toBe('dark')
    const background = await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(background).not.toBe('rgb(255, 255, 255)')
  })

  it('takes the user from the welcome card to Settings', async () => {
    const { page } = await openApp()
    await page.getByRole('link', { name: 'Set up your profile' }).click()
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
  })
})
