import { chromium as playwright, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { useChromium } from './support/browser'
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs'
import { useHosts } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

const host = () => startHost()

const figure = async (page: import('playwright-core').Page, label: string) =>
  (await page.getByLabel(label, { exact: true }).textContent()) ?? ''

describe('the connection test', () => {
  // How fast the verdicts come is measured in bench/, not asserted here.
  it('reaches Ready with plausible figures on a healthy machine, with a first verdict before the full report', async () => {
    const running = await host()
    const page = await chromium.newPage()
    await page.goto(running.url)
    await page.getByRole('link', { name: 'Connection test' }).click()
    await page.getByRole('button', { name: 'Start test' }).click()
    await page.getByText('First verdict; the test call is still measuring.').waitFor({ timeout: 20_000 })
    await page.getByText(/full report after/).waitFor({ timeout: 20_000 })

    await expect(page.getByLabel('Verdict').textContent()).resolves.toBe('Ready')
    expect(await figure(page, 'Camera resolution')).toMatch(/^\d{3,4} × \d{3,4}$/)
    expect(parseFloat(await figure(page, 'Camera frame rate'))).toBeGreaterThan(10)
    expect(parseFloat(await figure(page, 'Round trip'))).toBeLessThan(50)
    expect(parseFloat(await figure(page, 'Packet loss'))).toBeLessThan(1)
    expect(parseFloat(await figure(page, 'Expected quality (MOS)'))).toBeGreaterThan(4.2)
    expect(await figure(page, 'Video sent')).toMatch(/^[1-9]\d* kbit\/s at \d+ × \d+, [1-9]\d* frames decoded$/)
    // The microphone is described in words, not in dBFS.
    expect(['Loud and clear', 'A little quiet, but clear']).toContain(await figure(page, 'How you sound'))
    await page.getByRole('table', { name: 'Past tests' }).getByText('Ready').waitFor()
  })

  describe('without camera permission', () => {
    let browser: Browser
    beforeAll(async () => {
      // No fake permission prompt here: the camera request is refused, as when a user says no.
      browser = await playwright.launch({
        executablePath: findChromium(),
        args: CHROMIUM_ARGS.filter((arg) => arg !== '--use-fake-ui-for-media-stream')
      })
    })
    afterAll(async () => browser.close())

    it('fails the camera check and says how to allow it', async () => {
      const running = await host()
      const context = await browser.newContext()
      await context.grantPermissions(['microphone'], { origin: running.origin })
      const page = await context.newPage()
      await page.goto(running.url)
      await page.getByRole('link', { name: 'Connection test' }).click()
      await page.getByRole('button', { name: 'Start test' }).click()
      await page.getByText(/full report after/).waitFor({ timeout: 20_000 })
      await expect(page.getByLabel('Verdict').textContent()).resolves.toBe('Not ready')
      const fixes = page.getByRole('list', { name: 'What to fix' })
      await fixes.getByText('Greenroom is not allowed to use the camera.').waitFor()
      await fixes.getByText(/Allow camera access for Greenroom/).waitFor()
      // In browser mode the block is the site permission, so the fix starts at the address bar.
      await fixes.getByText(/in this browser: click the icon at the left of the address bar, set Camera to Allow/).waitFor()
      await expect(page.getByText(/Privacy & security → Camera/).count()).resolves.toBe(0)
      const cameraCard = page.getByRole('region', { name: 'Camera check' })
      await expect(cameraCard.getByText('Problem').isVisible()).resolves.toBe(true)
      await expect(cameraCard.getByText('Greenroom is not allowed to use the camera.').isVisible()).resolves.toBe(true)
      // The test call still carries a picture (a stand-in), so the network is judged on video too.
      expect(await figure(page, 'Video sent')).toMatch(/^[1-9]\d* kbit\/s at \d+ × \d+, [1-9]\d* frames decoded$/)
      await expect(page.getByRole('region', { name: 'Microphone check' }).getByText('Good').isVisible()).resolves.toBe(true)
      await context.close()
    })
  })
})

describe('starting the connection test from elsewhere', () => {
  it('runs at once when opened with ?start=1, as the tray and reminders will', async () => {
    const running = await host()
    const page = await chromium.newPage()
    await page.goto(running.url)
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
    await page.evaluate(() => (location.hash = '#/connection-test?start=1'))
    await page.getByText(/full report after/).waitFor({ timeout: 20_000 })
    expect(new URL(page.url()).hash).toBe('#/connection-test')
    await expect(page.getByLabel('Verdict').textContent()).resolves.toBe('Ready')
  })
})
