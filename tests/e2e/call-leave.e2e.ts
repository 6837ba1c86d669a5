import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { useChromium } from './support/browser'
import { hostWithInterview, startCall } from './support/call'
import { useHosts } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

describe('leaving the call page mid-call', () => {
  it('asks first; staying keeps the call, leaving ends it for both and records it with the interview', async () => {
    const host = await startHost()
    const { page, id } = await hostWithInterview(host, chromium.newPage)
    const { guest } = await startCall(page, chromium.newPage)

    // "← Interview" mid-call: a question, and Stay keeps everything as it was.
    await page.getByRole('link', { name: 'Interview: Analytics dashboard' }).click()
    const ask = page.getByRole('dialog', { name: 'Leave the call?' })
    await ask.waitFor()
    await ask.getByText('Leaving this page ends the call for you and Maya Chen.', { exact: false }).waitFor()
    await ask.getByRole('button', { name: 'Stay in the call' }).click()
    await ask.waitFor({ state: 'detached' })
    expect(page.url()).toMatch(new RegExp(`#/interviews/${id}/call$`))
    await page.getByRole('timer').waitFor()
    await page.waitForTimeout(2_000)
    expect(await guest.getByText('The call has ended').count()).toBe(0)

    // Asked again, leaving ends the call for both, saves it, and goes where the link pointed.
    await page.getByRole('link', { name: 'Interview: Analytics dashboard' }).click()
    await ask.getByRole('button', { name: 'End the call and leave' }).click()
    await page.waitForURL(new RegExp(`#/interviews/${id}$`))
    await guest.getByText('The call has ended').waitFor()
    await guest.getByText('Sam Rivera ended the call.').waitFor()
    const calls = await page.evaluate((interviewId) => window.greenroom.listCalls({ interviewId }), id)
    expect(calls).toHaveLength(1)
    expect(calls[0]!.durationSeconds).toBeGreaterThanOrEqual(2)
  })
})
