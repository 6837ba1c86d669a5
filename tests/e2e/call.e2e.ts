import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { consoleErrorsOf, useChromium } from './support/browser'
import { CAPTURE_CONNECTIONS, framesPainted, grows, hostWithInterview as hostWith, startCall } from './support/call'
import { useHosts, type RunningHost } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

/** An accepted invitation from Maya Chen, scheduled for a 20-minute call; the host page on its interview. */
const hostWithInterview = (host: RunningHost) => hostWith(host, chromium.newPage)

describe('the call room', () => {
  it('connects host and guest through the invite link: video both ways, mute and camera off stop the packets, hang up ends both, the rating is saved', async () => {
    const host = await startHost()
    const { page, id } = await hostWithInterview(host)

    // "Start call" makes the room and shows the invite link.
    await page.getByRole('link', { name: 'Start call' }).click()
    await page.waitForURL(`**/#/interviews/${id}/call`)
    const invite = page.getByRole('textbox', { name: 'Invite link' })
    await invite.waitFor()
    const link = await invite.inputValue()
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/join\/[\w-]{22}#[\w-]{43}$/)
    await page.getByRole('tab', { name: 'Notes' }).waitFor()

    // The guest opens it in a browser of their own: device check, name, join.
    const guest = await chromium.newPage()
    await guest.addInitScript(CAPTURE_CONNECTIONS)
    await guest.goto(link)
    await guest.getByRole('heading', { name: 'Join the call' }).waitFor()
    await guest.getByLabel('Your camera preview').waitFor()
    await guest.getByRole('textbox', { name: 'Your name' }).fill('Maya Chen')
    await guest.getByRole('button', { name: 'Join call' }).click()
    await guest.getByText('Asking Sam Rivera to let you in…').waitFor()
    expect(await guest.evaluate(() => 'greenroom' in window)).toBe(false)

    // The host's app rings: Accept (green) / Decline (red).
    const ring = page.getByRole('alertdialog', { name: 'Maya Chen is asking to join' })
    await ring.waitFor()
    await ring.getByRole('button', { name: 'Accept' }).click()

    await page.getByRole('timer').waitFor({ timeout: 20_000 })
    await guest.getByRole('timer').waitFor({ timeout: 20_000 })
    await expect(page.getByRole('timer').getAttribute('aria-label')).resolves.toMatch(/^Call time 0:0\d of 20 minutes$/)

    // Remote video frames arrive on both sides.
    await expect.poll(() => framesPainted(page, 'Video from Maya Chen'), { timeout: 15_000 }).toBeGreaterThan(3)
    await expect.poll(() => framesPainted(guest, 'Video from Sam Rivera'), { timeout: 15_000 }).toBeGreaterThan(3)
    await expect.poll(() => grows(page, (c) => c.audioIn), { timeout: 10_000 }).toBeGreaterThan(10)

    // Muting the guest's microphone stops its audio packets (by the shortcut, too).
    await guest.getByRole('button', { name: 'Mute microphone' }).click()
    await guest.getByRole('button', { name: 'Unmute microphone' }).waitFor()
    await page.waitForTimeout(500)
    expect(await grows(guest, (c) => c.audioOut)).toBe(0)
    expect(await grows(page, (c) => c.audioIn)).toBe(0)
    await guest.keyboard.press('Control+D')
    await guest.getByRole('button', { name: 'Mute microphone' }).waitFor()
    await expect.poll(() => grows(page, (c) => c.audioIn), { timeout: 10_000 }).toBeGreaterThan(10)

    // The host's camera off stops its video; on again, frames come back.
    await page.getByRole('button', { name: 'Turn camera off' }).click()
    await page.getByRole('button', { name: 'Turn camera on' }).waitFor()
    await page.waitForTimeout(500)
    expect(await grows(guest, (c) => c.framesDecoded)).toBe(0)
    expect(await grows(page, (c) => c.videoOut)).toBe(0)
    await page.getByRole('button', { name: 'Turn camera on' }).click()
    await expect.poll(() => grows(guest, (c) => c.framesDecoded), { timeout: 10_000 }).toBeGreaterThan(5)

    // The connection indicator speaks plainly.
    await expect
      .poll(() => page.getByLabel(/^Connection: /).getAttribute('aria-label'), { timeout: 10_000 })
      .toMatch(/^Connection: Good\. Good connection: \d+ ms round trip, no packet loss\.$/)

    // Hang up ends it for both.
    await page.getByRole('button', { name: 'Hang up' }).click()
    await guest.getByText('The call has ended').waitFor()
    await guest.getByText('Sam Rivera ended the call.').waitFor()
    await page.getByRole('heading', { name: 'Call ended' }).waitFor()

    // Rate it next to what was measured; the rating is stored with the interview.
    const measured = page.getByRole('table', { name: 'Measured call quality' })
    await measured.getByText(/^\d+ ms \/ \d+ ms$/).waitFor()
    // From the keyboard: the stars are radio buttons, the issues checkboxes.
    await page.getByRole('radio', { name: '4 stars' }).focus()
    await page.keyboard.press('Space')
    await expect(page.getByRole('radio', { name: '4 stars' }).isChecked()).resolves.toBe(true)
    await page.getByRole('checkbox', { name: 'Echo' }).focus()
    await page.keyboard.press('Space')
    await page.getByRole('button', { name: 'Save rating' }).click()
    await page.getByText('Rating saved with the interview').waitFor()
    const calls = await page.evaluate((interviewId) => window.greenroom.listCalls({ interviewId }), id)
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ rating: 4, issues: ['echo'] })
    expect(calls[0]!.durationSeconds).toBeGreaterThan(3)
    expect(calls[0]!.measurements.samples).toBeGreaterThan(0)
    expect(calls[0]!.measurements.mos).toBeGreaterThan(4)

    expect(consoleErrorsOf(guest).filter((message) => /Content Security Policy/.test(message))).toEqual([])
    expect(consoleErrorsOf(page).filter((message) => /Content Security Policy/.test(message))).toEqual([])
  })

  it('switches the microphone mid-call on the same connection, without renegotiating, and the sound goes on', async () => {
    const host = await startHost()
    const { page } = await hostWithInterview(host)
    const { guest } = await startCall(page, chromium.newPage)
    const sentTrack = () =>
      guest.evaluate(() => {
        const connection = (window as unknown as { __connections: RTCPeerConnection[] }).__connections.at(-1)!
        const sender = connection.getSenders().find((candidate) => candidate.track?.kind === 'audio')
        // The track sent is the noise suppressor's (on by default): a new microphone makes a new one.
        return {
          id: sender?.track?.id ?? null,
          offer: connection.localDescription?.sdp ?? '',
          connections: (window as unknown as { __connections: unknown[] }).__connections.length
        }
      })
    const before = await sentTrack()

    await guest.getByRole('button', { name: 'Choose camera and microphone' }).click()
    const other = guest.getByRole('menuitem').filter({ hasText: /Fake Audio Input 1/ })
    await other.click()
    await expect.poll(async () => (await sentTrack()).id).not.toBe(before.id)
    const after = await sentTrack()
    expect(after.id).not.toBeNull()
    // The menu ticks the microphone now in use.
    await guest.getByRole('button', { name: 'Choose camera and microphone' }).click()
    await expect(other.locator('svg').count()).resolves.toBe(1)
    await guest.keyboard.press('Escape')
    // replaceTrack: the same connection and the same negotiated session description.
    expect(after.connections).toBe(before.connections)
    expect(after.offer).toBe(before.offer)
    await expect.poll(() => grows(page, (c) => c.audioIn), { timeout: 10_000 }).toBeGreaterThan(10)
  })

  it('keeps the invite link while the room lives, across a restart; a bad link or interview gets a clear answer', async () => {
    const dataDir = await tempDir()
    const first = await startHost(dataDir)
    const { page, id } = await hostWithInterview(first)
    const room = await page.evaluate((interviewId) => window.greenroom.openCallRoom({ interviewId }), id)
    expect(await page.evaluate((interviewId) => window.greenroom.openCallRoom({ interviewId }), id)).toEqual(room)
    await first.stop()

    const second = await startHost(dataDir)
    const again = await chromium.newPage()
    await again.goto(second.url)
    await again.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
    expect(await again.evaluate((interviewId) => window.greenroom.openCallRoom({ interviewId }), id)).toEqual(room)

    // The guest page is served with its own policy, and a wrong key is refused plainly.
    const response = await fetch(room.inviteUrl.split('#')[0]!)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'")
    const guest = await chromium.newPage()
    await guest.goto(room.inviteUrl.replace(/#.*$/, `#${'x'.repeat(43)}`))
    await guest.getByRole('textbox', { name: 'Your name' }).fill('Maya')
    await guest.getByRole('button', { name: 'Join call' }).click()
    await guest.getByText('This invite link is not valid, or its room no longer exists').waitFor()
    await guest.goto(room.inviteUrl.replace(/#.*$/, ''))
    await guest.getByText('This invite link is incomplete').waitFor()

    await expect(again.evaluate(() => window.greenroom.openCallRoom({ interviewId: 'not-an-id' }))).rejects.toThrow(/Not a valid record id/)
    await expect(
      again.evaluate((interviewId) => window.greenroom.rateCall({ id: interviewId, rating: 9, issues: [] }), id)
    ).rejects.toThrow(/Rate with 1 to 5 stars/)
  })
})
