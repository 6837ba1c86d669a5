import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useStopAfterEach } from '../support/stop-after-each'
import { useTempDirs } from '../support/temp-dir'
import { seriousViolations } from './support/axe'
import { useChromium } from './support/browser'
import { CAPTURE_CONNECTIONS, hostWithInterview } from './support/call'
import { useHosts } from './support/host'
import { freeUdpPort, hasCoturn, startTurnServer } from './support/turn'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)
const stopAfterEach = useStopAfterEach()
const TURN_SECRET = 'guest-page-test-turn-secret'

/**
 * In the guest's browser the camera answers as the test says: `window.__camera` is 'blocked'
 * (the person said no), 'missing' (none plugged in) or 'ok'. A browser can be made to do
 * neither from a test, so getUserMedia is wrapped; everything else is the real page.
 */
const CAMERA_AS_TOLD = (initial: 'blocked' | 'missing') => `
  window.__camera = '${initial}';
  const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = (constraints) => {
    if (constraints && constraints.video && window.__camera !== 'ok') {
      return Promise.reject(window.__camera === 'blocked'
        ? new DOMException('Permission denied', 'NotAllowedError')
        : new DOMException('Requested device not found', 'NotFoundError'));
    }
    return real(constraints);
  };
`

/** The host (Sam Rivera) schedules the interview with Maya Chen and makes its invite link; the guest opens it in Tokyo. */
async function inviteLink(turnUrl: string | null): Promise<{ link: string; title: string }> {
  const host = await startHost()
  const { page, id } = await hostWithInterview(host, chromium.newPage)
  const title = await page.evaluate(
    async ({ interviewId, url, secret }) => {
      // The app's own call server mints each guest a TURN password from the TURN server's shared secret.
      await window.greenroom.updateSettings(
        url ? { iceServers: [{ url, username: '', credential: '' }], turnSecret: secret } : { iceServers: [] }
      )
      await window.greenroom.scheduleInterview({
        id: interviewId,
        startsAt: '2027-03-10T16:00:00.000Z',
        timeZone: 'America/New_York',
        durationMinutes: 15,
        note: ''
      })
      return (await window.greenroom.getInterview({ id: interviewId })).interview.title
    },
    { interviewId: id, url: turnUrl, secret: TURN_SECRET }
  )
  const room = await page.evaluate((interviewId) => window.greenroom.openCallRoom({ interviewId }), id)
  return { link: room.inviteUrl, title }
}

async function openAsGuest(link: string, init: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const guest = await chromium.newPage({ timezoneId: 'Asia/Tokyo', locale: 'en-US', colorScheme })
  await guest.addInitScript(init)
  await guest.goto(link)
  await guest.getByRole('heading', { name: 'Join the call' }).waitFor()
  return guest
}

describe.skipIf(!hasCoturn())('the guest page before joining', () => {
  it('names the host and the call in the guest’s own time, and finds a relay path through the room’s TURN server', async () => {
    const turn = await startTurnServer({ sharedSecret: TURN_SECRET })
    stopAfterEach(turn)
    const { link, title } = await inviteLink(`turn:127.0.0.1:${turn.port}?transport=udp`)
    for (const scheme of ['light', 'dark'] as const) {
      const guest = await openAsGuest(link, CAPTURE_CONNECTIONS, scheme)
      await guest
        .getByText(`Sam Rivera invites you to a 15-minute call about ${title}, Thu, Mar 11, 1:00 AM your time`, { exact: true })
        .waitFor()
      await expect(guest.title()).resolves.toBe('Call with Sam Rivera · Greenroom')
      const check = guest.getByRole('status', { name: 'Your connection is ready' })
      await check.waitFor({ timeout: 15_000 })
      await check.getByText('The call can get through from the network you are on.').waitFor()
      await guest.getByLabel('Your camera preview').waitFor()
      await guest.screenshot({ path: `/tmp/greenroom-guest-page-${scheme}.png`, fullPage: true })
      expect(await seriousViolations(guest, `guest page, ${scheme}`)).toEqual([])
    }
  })

  it('says plainly when the relay cannot be reached from the guest’s network, and checks again on request', async () => {
    const { link } = await inviteLink(`turn:127.0.0.1:${await freeUdpPort()}?transport=udp`)
    const guest = await openAsGuest(link, CAPTURE_CONNECTIONS)
    const check = guest.getByRole('status', { name: 'Your connection cannot reach the call' })
    await check.waitFor({ timeout: 20_000 })
    await check.getByText(/Try another network, such as your phone’s hotspot/).waitFor()
    expect(await seriousViolations(guest, 'guest page, connection check failed')).toEqual([])
    await check.getByRole('button', { name: 'Check again' }).click()
    await guest.getByRole('status').filter({ hasText: 'Checking your connection…' }).waitFor()
    await check.waitFor({ timeout: 20_000 })
  })

  it('tells a blocked camera from a missing one, each with what to do and a Try again that opens it once allowed', async () => {
    const { link } = await inviteLink(null)
    const blocked = await openAsGuest(link, `${CAPTURE_CONNECTIONS}${CAMERA_AS_TOLD('blocked')}`)
    const alert = blocked.getByRole('alert').filter({ hasText: 'Your camera is blocked' })
    await alert.waitFor()
    await alert.getByText(/Click the camera or lock icon at the left of the address bar, choose Allow, then press Try again/).waitFor()
    await expect(blocked.getByText('No camera found').count()).resolves.toBe(0)
    await blocked.screenshot({ path: '/tmp/greenroom-guest-camera-blocked.png', fullPage: true })
    expect(await seriousViolations(blocked, 'guest page, camera blocked')).toEqual([])
    await blocked.evaluate(() => ((window as unknown as { __camera: string }).__camera = 'ok'))
    await alert.getByRole('button', { name: 'Try again' }).click()
    await alert.waitFor({ state: 'detached' })
    await expect
      .poll(() => blocked.getByLabel('Your camera preview').evaluate((video: HTMLVideoElement) => video.videoWidth))
      .toBeGreaterThan(0)

    const missing = await openAsGuest(link, `${CAPTURE_CONNECTIONS}${CAMERA_AS_TOLD('missing')}`)
    const none = missing.getByRole('alert').filter({ hasText: 'No camera found' })
    await none.getByText('This computer shows no camera. Plug one in and press Try again, or join without it.').waitFor()
    await expect(missing.getByText('Your camera is blocked').count()).resolves.toBe(0)
    // The microphone opened: the guest can still join, without video.
    await missing.getByRole('textbox', { name: 'Your name' }).fill('Maya Chen')
    await expect(missing.getByRole('button', { name: 'Join call' }).isEnabled()).resolves.toBe(true)
  })
})
