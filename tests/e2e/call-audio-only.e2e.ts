import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { useChromium } from './support/browser'
import { grows, hostWithInterview, startCall } from './support/call'
import { useHosts } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

describe('audio only on a weak connection', () => {
  it('stops the video packets on the same connection, tells the other side, and sends video again when switched back', async () => {
    const host = await startHost()
    const { page } = await hostWithInterview(host, chromium.newPage)
    const { guest } = await startCall(page, chromium.newPage)
    await expect.poll(() => grows(page, (c) => c.videoOut), { timeout: 10_000 }).toBeGreaterThan(10)

    await page.getByRole('button', { name: 'Choose camera and microphone' }).click()
    await page.getByRole('menuitem', { name: 'Send audio only (weak connection)' }).click()
    await page.getByText('Audio only: your video is paused').waitFor()
    await guest.getByText('Sam Rivera switched to audio only to keep the call clear').waitFor()
    await page.waitForTimeout(500)
    expect(await grows(page, (c) => c.videoOut)).toBe(0)
    expect(await grows(guest, (c) => c.framesDecoded)).toBe(0)
    // The sound goes on.
    expect(await grows(guest, (c) => c.audioIn)).toBeGreaterThan(10)

    await page.getByRole('button', { name: 'Choose camera and microphone' }).click()
    await page.getByRole('menuitem', { name: 'Send video again' }).click()
    await expect.poll(() => grows(guest, (c) => c.framesDecoded), { timeout: 10_000 }).toBeGreaterThan(5)
    await guest.getByText('Sam Rivera switched to audio only to keep the call clear').waitFor({ state: 'detached' })
  })
})
