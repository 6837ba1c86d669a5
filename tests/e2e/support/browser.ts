import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { CHROMIUM_ARGS, findChromium } from '../../../scripts/chromium.mjs'

const consoleErrors = new WeakMap<Page, string[]>()

/** Errors the page logged to its console so far (CSP violations among them). */
export function consoleErrorsOf(page: Page): string[] {
  return consoleErrors.get(page) ?? []
}

/** One Chromium per test file (with `extraArgs` besides the usual flags); each test opens its own context (fresh cookies and storage). */
export function useChromium(extraArgs: string[] = []): {
  browser: () => Browser
  newPage: (options?: Parameters<Browser['newContext']>[0]) => Promise<Page>
} {
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, ...extraArgs] })
  })
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()))
    await browser?.close()
  })
  return {
    browser: () => browser!,
    newPage: async (options) => {
      const context = await browser!.newContext({ viewport: { width: 1280, height: 820 }, ...options })
      contexts.push(context)
      const page = await context.newPage()
      page.setDefaultTimeout(10_000)
      page.on('pageerror', (error) => console.error('page error:', error.stack ?? error.message))
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.set(page, [...(consoleErrors.get(page) ?? []), message.text()])
      })
      return page
    }
  }
}
