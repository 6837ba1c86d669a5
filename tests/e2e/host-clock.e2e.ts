import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { useChromium } from './support/browser'
import { useHosts } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

const HOUR = 3_600_000

describe('the page follows the host’s clock', () => {
  it('shows waits and "starts in" from --clock-start, not from this computer’s clock', async () => {
    // Three days behind the real clock: read from the real one, every relative time would be off by days.
    const hostStart = new Date(Math.floor((Date.now() - 72 * HOUR) / 60_000) * 60_000)
    const host = await startHost(undefined, ['--clock-start', hostStart.toISOString()])
    const page = await chromium.newPage()
    await page.goto(host.url)
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
    const interviewId = await page.evaluate(async (startIso) => {
      const start = Date.parse(startIso)
      const item = await window.greenroom.createInvitation({
        client: { fields: { name: 'Maya Chen', company: '', website: '', timeZone: 'America/New_York', country: '', notes: '' } },
        job: { title: 'Analytics dashboard', description: '', url: '', budgetType: 'hourly', budget: 80, skills: [], postedAt: null },
        message: '',
        receivedAt: new Date(start - 5 * 3_600_000).toISOString()
      })
      await window.greenroom.createInvitation({
        client: { fields: { name: 'Jonas Weber', company: '', website: '', timeZone: null, country: '', notes: '' } },
        job: { title: 'Invoice editor', description: '', url: '', budgetType: 'fixed', budget: 4000, skills: [], postedAt: null },
        message: '',
        receivedAt: new Date(start - 5 * 3_600_000).toISOString()
      })
      const accepted = await window.greenroom.acceptInvitation({ id: item.invitation.id, message: '', terms: null })
      const id = accepted.invitation.interviewId!
      await window.greenroom.scheduleInterview({
        id,
        startsAt: new Date(start + 3 * 3_600_000 + 10 * 60_000).toISOString(),
        timeZone: 'America/New_York',
        durationMinutes: 30,
        note: ''
      })
      return id
    }, hostStart.toISOString())

    await page.reload()
    await page.getByText('Waiting 5 h').waitFor()
    await page.evaluate((id) => (location.hash = `#/interviews/${id}/prep`), interviewId)
    await page.getByRole('heading', { level: 1, name: 'Prep room' }).waitFor()
    await expect.poll(() => page.getByText('in 3 hours').isVisible()).toBe(true)
  })
})
