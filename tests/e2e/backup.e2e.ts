import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { consoleErrorsOf, useChromium } from './support/browser'
import { useHosts } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

const NOTES = 'Discovery call script\n\n1. Ask about their churn numbers\n2. Show the cohort chart\n'

async function addTextSample(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Samples' }).first().click()
  await page.getByRole('button', { name: 'Add a sample' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a sample' })
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'call-script.txt', mimeType: 'text/plain', buffer: Buffer.from(NOTES) })
  await dialog.getByLabel('Title').fill('Call script')
  await dialog.getByLabel('What it proves').fill('I come prepared')
  await dialog.getByRole('button', { name: 'Add sample' }).click()
  await dialog.waitFor({ state: 'hidden' })
  await page.getByRole('article', { name: 'Call script' }).waitFor()
}

describe('backups that hold the sample files', () => {
  it('export, delete all (the dialog names the files), import the zip, and the sample opens with its content', async () => {
    const dataDir = await tempDir()
    const host = await startHost(dataDir)
    const page = await chromium.newPage({ acceptDownloads: true })
    await page.goto(host.url)
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
    await page.getByRole('button', { name: 'Load demo data' }).click()
    await page.getByText(/Demo data loaded/).waitFor()
    await addTextSample(page)

    await page.getByRole('link', { name: 'Settings' }).click()
    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export backup' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^greenroom-backup-\d{4}-\d{2}-\d{2}\.zip$/)
    const archiveFile = join(await tempDir(), download.suggestedFilename())
    await download.saveAs(archiveFile)
    const entries = unzipSync(await readFile(archiveFile))
    const sampleEntry = Object.keys(entries).find((name) => name.endsWith('/call-script.txt'))!
    expect(sampleEntry).toMatch(/^samples\/[0-9a-f-]{36}\/call-script\.txt$/)
    expect(strFromU8(entries[sampleEntry]!)).toBe(NOTES)
    expect(JSON.parse(strFromU8(entries['backup.json']!)).files).toEqual([
      expect.objectContaining({ path: sampleEntry, size: NOTES.length })
    ])

    await page.getByRole('button', { name: 'Delete all data…' }).click()
    const wipe = page.getByRole('dialog', { name: 'Delete all data?' })
    await wipe
      .getByText(
        `This deletes 7 interviews, 11 clients, 11 invitations, 1 offer, 7 notes, 14 questions, 4 samples with 1 file (${NOTES.length} B) in ${join(dataDir, 'samples')} and 2 calls. Your settings stay.`
      )
      .waitFor()
    await wipe.getByText('Export a backup first if you may want them back: it holds the sample files too.').waitFor()
    await wipe.getByLabel('Type DELETE to confirm').fill('DELETE')
    await wipe.getByRole('button', { name: 'Delete everything' }).click()
    await page.getByText('All records deleted').waitFor()

    const choosing = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Import backup…' }).click()
    await (await choosing).setFiles(archiveFile)
    const dialog = page.getByRole('dialog', { name: 'Import this backup?' })
    await dialog.getByText(download.suggestedFilename()).waitFor()
    await dialog.getByRole('button', { name: 'Replace with backup' }).click()
    await page
      .getByText(`Backup imported: 11 clients, 7 interviews, 11 invitations, 7 notes and 4 samples with 1 file (${NOTES.length} B)`)
      .waitFor()
    await dialog.waitFor({ state: 'hidden' })

    await page.getByRole('link', { name: 'Samples' }).first().click()
    const sample = page.getByRole('article', { name: 'Call script' })
    await sample.getByText('I come prepared').waitFor()
    const opening = page.context().waitForEvent('page')
    await sample.getByRole('button', { name: 'Open “Call script”' }).click()
    const tab = await opening
    await tab.waitForLoadState()
    // Chromium shows a text file in a <pre>, as it was written.
    expect(await tab.locator('pre').textContent()).toBe(NOTES)
    await tab.close()
    expect(consoleErrorsOf(page)).toEqual([])
  })

  it('refuses a zip that is not a whole backup, saying so, and keeps everything', async () => {
    const host = await startHost()
    const page = await chromium.newPage()
    await page.goto(host.url)
    await page.getByRole('button', { name: 'Load demo data' }).click()
    await page.getByText(/Demo data loaded/).waitFor()
    await page.getByRole('link', { name: 'Settings' }).click()
    await page.locator('input[type=file]').setInputFiles({
      name: 'greenroom-backup.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6])
    })
    const dialog = page.getByRole('dialog', { name: 'Import this backup?' })
    await dialog.getByRole('button', { name: 'Replace with backup' }).click()
    await dialog
      .getByRole('alert')
      .getByText(/not a complete zip archive.*Nothing was changed/)
      .waitFor()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('link', { name: 'Interviews' }).click()
    await page.getByRole('link', { name: 'React dashboard for subscription metrics' }).waitFor()
  })
})
