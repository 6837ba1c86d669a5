import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
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

/**
 * What the browser loads before the shell's code can run: the HTML's scripts, preloads and
 * styles, and every chunk those scripts import statically. Pages and what only they use come later.
 */
async function shellFirstLoad(page: Page): Promise<{ scripts: string[]; styles: string[] }> {
  return page.evaluate(async () => {
    const text = async (url: string) => (await fetch(url)).text()
    const html = new DOMParser().parseFromString(await text(location.href), 'text/html')
    const urls = (selector: string) =>
      [...html.querySelectorAll(selector)].map((link) => new URL(link.getAttribute('href') ?? '', location.href).href)
    const loaded = [...html.querySelectorAll('script:not([src])')].flatMap((script) =>
      [...(script.textContent ?? '').matchAll(/load\("([^"]+)"\)/g)].map((match) => new URL(match[1]!, location.href).href)
    )
    const pending = [...urls('link[rel="modulepreload"]'), ...loaded]
    const scripts = new Map<string, string>()
    for (let url = pending.shift(); url; url = pending.shift()) {
      if (scripts.has(url)) continue
      const code = await text(url)
      scripts.set(url, code)
      for (const match of code.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)) pending.push(new URL(match[1]!, url).href)
    }
    return { scripts: [...scripts.values()], styles: await Promise.all(urls('link[rel="stylesheet"]').map(text)) }
  })
}

function mantineStyleSheet(path: string): string {
  return readFileSync(join(import.meta.dirname, '../../node_modules/@mantine', path), 'utf8')
}

/** The first class a Mantine style sheet defines, e.g. the charts' or the dropdowns' (Combobox). */
function firstClassOf(styleSheet: string): string {
  const css = mantineStyleSheet(styleSheet)
  return /\.(m_[0-9a-f]{8})\b/.exec(css)![1]!
}

const DESTINATIONS = ['Inbox', 'Interviews', 'Dashboard', 'Calendar', 'Samples', 'Connection test', 'Settings']

describe('the app shell', () => {
  it('renders the navigation, the inbox and its empty state', async () => {
    const { page } = await openApp()
    const nav = page.getByRole('navigation', { name: 'Main' })
    for (const name of DESTINATIONS) await expect.poll(() => nav.getByRole('link', { name }).isVisible()).toBe(true)
    await expect.poll(() => page.getByText('No invitations waiting').isVisible()).toBe(true)
    await expect.poll(() => page.getByRole('heading', { name: 'Welcome to Greenroom' }).isVisible()).toBe(true)
    expect(new URL(page.url()).searchParams.has('token')).toBe(false)
  })

  it('names the zone and its offset over the clock on hover, the tooltip’s code fetched then', async () => {
    const { page } = await openApp()
    const tooltipCode: string[] = []
    page.on('request', (request) => /\/tooltip-code-[\w-]+\.js$/.test(request.url()) && tooltipCode.push(request.url()))
    const clock = page.getByLabel(/^Your time: /)
    await expect.poll(() => page.getByRole('tooltip').count()).toBe(0)
    await clock.hover()
    await expect.poll(() => page.getByRole('tooltip').textContent()).toMatch(/^Your time zone: [\w/+-]+ \(UTC[+−-]\d\d:\d\d\)$/)
    expect(tooltipCode).toHaveLength(1)
    await page.mouse.move(600, 500)
    await page.getByRole('tooltip').waitFor({ state: 'detached' })
  })

  it('runs under its strict content security policy without a single violation', async () => {
    const { page } = await openApp()
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/]{43}=' 'strict-dynamic'/)
    await page.getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    expect(consoleErrorsOf(page)).toEqual([])
  })

  it('starts from its own code and styles only: no Luxon, no zod, no tooltips’ positioning, no charts’ or pages’ styles before it draws', async () => {
    const { page } = await openApp()
    const { scripts, styles } = await shellFirstLoad(page)
    // The shell's own code and styles are there (so the checks below look at the right files) …
    expect(scripts.some((code) => code.includes('greenroom:interactive'))).toBe(true)
    expect(styles.some((css) => css.includes(firstClassOf('core/styles/AppShell.layer.css')))).toBe(true)
    // … and none of what pages use: dates (Luxon), form checks (zod), floating-ui, charts and dropdowns.
    expect(scripts.filter((code) => code.includes('Invalid DateTime'))).toEqual([])
    expect(scripts.filter((code) => code.includes('ZodError'))).toEqual([])
    // floating-ui, which places tooltips and menus: the clock's tooltip loads it on the first hover.
    expect(scripts.filter((code) => code.includes('data-floating-ui-focusable'))).toEqual([])
    for (const sheet of ['charts/styles.layer.css', 'core/styles/Combobox.layer.css']) {
      expect(styles.filter((css) => css.includes(firstClassOf(sheet)))).toEqual([])
    }
  })

  it('has, in its first load, the styles of every Mantine component its first code draws', async () => {
    const { page } = await openApp()
    const { scripts, styles } = await shellFirstLoad(page)
    // Mantine's class names in the code, those its style sheets style (a few name no rule at all).
    const mantineCss = ['core/styles.layer.css', 'notifications/styles.layer.css'].map(mantineStyleSheet).join('\n')
    const classes = new Set(
      scripts.flatMap((code) => code.match(/\bm_[0-9a-f]{8}\b/g) ?? []).filter((name) => mantineCss.includes(`.${name}`))
    )
    expect(classes.size).toBeGreaterThan(20)
    const css = styles.join('\n')
    expect([...classes].filter((name) => !css.includes(`.${name}`))).toEqual([])
  })

  it('brings the pages’ styles with the pages, the charts’ with the dashboard', async () => {
    const { page } = await openApp()
    const appliedStyles = () =>
      page.evaluate(() => [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n'))
    await expect.poll(() => appliedStyles()).toContain(firstClassOf('core/styles/Combobox.layer.css'))
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click()
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor()
    await expect.poll(() => appliedStyles()).toContain(firstClassOf('charts/styles.layer.css'))
  })

  it('navigates to every page by clicking', async () => {
    const { page } = await openApp()
    for (const name of DESTINATIONS) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click()
      await page.getByRole('heading', { level: 1, name }).waitFor()
      await expect.poll(() => page.getByRole('link', { name }).getAttribute('aria-current')).toBe('page')
    }
  })

  it('opens a page whose code load was cut off once (the network changed), by trying again', async () => {
    const host = await startHost()
    const page = await chromium.newPage()
    // Both fetches of the page's code are cut: the early one (Vite's modulepreload) and the import's own.
    let fetches = 0
    await page.route(/\/assets\/CalendarPage-[\w-]+\.js$/, (route) =>
      ++fetches <= 2 ? route.abort('internetdisconnected') : route.continue()
    )
    await page.goto(host.url)
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click()
    await page.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor()
    expect(fetches).toBe(3)
  })

  it('says in plain words when a page’s code cannot load at all, keeps the navigation, and Reload opens it', async () => {
    const host = await startHost()
    const page = await chromium.newPage()
    let blocked = true
    await page.route(/\/assets\/SamplesPage-[\w-]+\.js$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()))
    await page.goto(host.url)
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Samples' }).click()
    const failure = page.getByRole('alert').filter({ hasText: 'This page could not load' })
    await failure.waitFor({ timeout: 15_000 }) // after the tries again, a few seconds
    await expect.poll(() => failure.getByText('Your data is safe', { exact: false }).isVisible()).toBe(true)
    await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true)
    blocked = false
    await failure.getByRole('button', { name: 'Reload' }).click()
    await page.getByRole('heading', { level: 1, name: 'Samples' }).waitFor()
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
    await expect.poll(() => light.page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('light')
    const dark = await openApp('dark')
    await expect.poll(() => dark.page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark')
    const background = await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(background).not.toBe('rgb(255, 255, 255)')
  })

  it('takes the user from the welcome card to Settings', async () => {
    const { page } = await openApp()
    await page.getByRole('link', { name: 'Set up your profile' }).click()
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
  })
})
