import { describe, expect, it } from 'vitest'
import { STARTER_QUESTIONS } from '../../src/shared/prep'
import { useTempDirs } from '../support/temp-dir'
import { useChromium } from './support/browser'
import { useHosts } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

describe('the question bank', () => {
  it('offers the common questions when empty; one click adds them all, each then editable', async () => {
    const host = await startHost()
    const page = await chromium.newPage()
    await page.goto(host.url)
    await page.getByRole('link', { name: 'Samples' }).click()
    await page.getByRole('tab', { name: 'Question bank' }).click()
    await page.getByText('No questions in your bank yet').waitFor()
    await expect
      .poll(() => page.getByRole('list', { name: 'Common questions' }).getByRole('listitem').first().textContent())
      .toBe(STARTER_QUESTIONS[0]!.question)

    await page.getByRole('button', { name: `Add the ${STARTER_QUESTIONS.length} common questions` }).click()
    await page.getByText(`${STARTER_QUESTIONS.length} common questions added: open one to write your own answer`).waitFor()
    for (const starter of STARTER_QUESTIONS)
      await page.getByRole('button', { name: new RegExp(`^${starter.question.replace(/[?.]/g, '\\$&')}`) }).waitFor()
    await expect.poll(() => page.getByText('Write your answer').count()).toBe(STARTER_QUESTIONS.length)

    await page.getByRole('button', { name: 'Edit “What’s your availability?”' }).click()
    const dialog = page.getByRole('dialog', { name: 'Edit question' })
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Prepared answer' }).inputValue()).toMatch(/^Prompt: hours a week/)
    await dialog
      .getByRole('textbox', { name: 'Prepared answer' })
      .fill('25 hours a week, mornings in your time zone. I can start on Monday.')
    await dialog.getByRole('button', { name: 'Save question' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('button', { name: /^What’s your availability\?/ }).click()
    await page.getByText('25 hours a week, mornings in your time zone. I can start on Monday.').waitFor()
    await expect.poll(() => page.getByText('Write your answer').count()).toBe(STARTER_QUESTIONS.length - 1)
  })
})
