import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { useChromium } from './support/browser'
import { CAPTURE_CONNECTIONS, hostWithInterview, videoFlows } from './support/call'
import { useHosts } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

/** Counts the notes the page's WebAudio plays: the ring is made by the app with oscillators. */
const COUNT_RING_NOTES = `
  window.__ringNotes = 0;
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args) { window.__ringNotes++; return start.apply(this, args); };
`
/** With GREENROOM_SHOTS set to a folder, the ring on the Inbox is photographed there in light and dark. */
async function photograph(page: import('playwright-core').Page, name: string): Promise<void> {
  const folder = process.env.GREENROOM_SHOTS
  if (!folder) return
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((value) => window.greenroom.updateSettings({ theme: value }), theme)
    await page.waitForTimeout(400)
    await page.screenshot({ path: `${folder}/${name}-${theme}.png` })
  }
}
/** Maya Chen opens the invite link in a browser of her own and asks to join; she is told the host's app rang. */
async function guestAsksToJoin(inviteUrl: string): Promise<import('playwright-core').Page> {
  const guest = await chromium.newPage()
  await guest.addInitScript(CAPTURE_CONNECTIONS)
  await guest.goto(inviteUrl)
  await guest.getByRole('textbox', { name: 'Your name' }).fill('Maya Chen')
  await guest.getByRole('button', { name: 'Join call' }).click()
  await guest.getByText('Sam Rivera has been told you are here').waitFor()
  return guest
}

/** The declined guest rings again; the host accepts from the ring, the call page opens and video flows both ways. */
async function ringAgainAndAccept(page: import('playwright-core').Page, guest: import('playwright-core').Page, id: string): Promise<void> {
  const ring = page.getByRole('alertdialog', { name: 'Maya Chen is asking to join' })
  await guest.getByRole('button', { name: 'Ring again' }).click()
  await ring.waitFor()
  await ring.getByRole('button', { name: 'Accept' }).click()
  await page.waitForURL(`**/#/interviews/${id}/call`)
  await page.getByRole('timer').waitFor({ timeout: 20_000 })
  await guest.getByRole('timer').waitFor({ timeout: 20_000 })
  await videoFlows(page, 'Video from Maya Chen')
  await videoFlows(guest, 'Video from Sam Rivera')
  expect(await page.getByRole('alertdialog').count()).toBe(0)
}

const ringNotes = (page: import('playwright-core').Page) => page.evaluate(() => (window as unknown as { __ringNotes: number }).__ringNotes)

describe('ringing anywhere', () => {
  it('rings the host on the Inbox when the guest asks to join; Decline tells the guest, Accept opens the call and lets them in', async () => {
    const host = await startHost()
    const { page, id } = await hostWithInterview(host, chromium.newPage, CAPTURE_CONNECTIONS + COUNT_RING_NOTES)
    const { inviteUrl } = await page.evaluate((interviewId) => window.greenroom.openCallRoom({ interviewId }), id)
    await page.getByRole('link', { name: 'Inbox' }).click()
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
    expect(await ringNotes(page)).toBe(0)

    // The guest opens the link and asks to join while the host's call page is closed.
    const guest = await guestAsksToJoin(inviteUrl)

    // The host's app rings on the Inbox: a dialog with Accept / Decline, a sound, the window title.
    const ring = page.getByRole('alertdialog', { name: 'Maya Chen is asking to join' })
    await ring.waitFor()
    await ring.getByText('Your call: Analytics dashboard').waitFor()
    await expect.poll(() => ringNotes(page)).toBeGreaterThan(0)
    expect(await page.title()).toBe('Maya Chen is asking to join · Greenroom')
    expect(page.url()).toMatch(/#\/inbox$/)
    await photograph(page, 'ring-inbox')

    // Not now: the guest hears so, the ring stops.
    await ring.getByRole('button', { name: 'Decline' }).click()
    await guest.getByText('Sam Rivera can’t take the call right now').waitFor()
    await ring.waitFor({ state: 'detached' })
    const notesAfterDecline = await ringNotes(page)
    await page.waitForTimeout(3_000)
    expect(await ringNotes(page)).toBe(notesAfterDecline)

    // The guest rings again; the host accepts from the Inbox and the call connects.
    await ringAgainAndAccept(page, guest, id)
  })

  it('stops ringing when the guest gives up and closes the page', async () => {
    const host = await startHost()
    const { page, id } = await hostWithInterview(host, chromium.newPage, CAPTURE_CONNECTIONS + COUNT_RING_NOTES)
    const { inviteUrl } = await page.evaluate((interviewId) => window.greenroom.openCallRoom({ interviewId }), id)
    await page.goto(`${host.origin}/#/calendar`)
    const guest = await chromium.newPage()
    await guest.goto(inviteUrl)
    await guest.getByRole('textbox', { name: 'Your name' }).fill('Maya Chen')
    await guest.getByRole('button', { name: 'Join call' }).click()
    const ring = page.getByRole('alertdialog', { name: 'Maya Chen is asking to join' })
    await ring.waitFor()
    await guest.close()
    await ring.waitFor({ state: 'detached' })
    expect(await page.evaluate(() => window.greenroom.listWaitingGuests())).toEqual([])
  })
})

const ADMIN_SECRET = 'the-admin-secret-of-the-ringing-test'
const standalone: ChildProcess[] = []
afterEach(async () => {
  for (const child of standalone.splice(0)) {
    if (child.exitCode !== null) continue
    await new Promise((resolve) => {
      child.once('exit', resolve)
      child.kill('SIGTERM')
    })
  }
})

/** `npm run signal` as the README sets it up, on loopback: the built server, an admin secret, the host's page allowed. */
async function startStandaloneServer(dataDir: string, hostOrigin: string): Promise<string> {
  const script = join(__dirname, '../../out/main/signal.js')
  const child = spawn(
    process.execPath,
    [script, '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir, '--allow-origin', hostOrigin],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GREENROOM_SIGNAL_SECRET: ADMIN_SECRET }
    }
  )
  standalone.push(child)
  let output = ''
  child.stderr!.on('data', (chunk) => (output += chunk))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The signaling server did not start within 20 s:\n${output}`)), 20_000)
    child.stdout!.on('data', (chunk) => {
      output += chunk
      const match = /Public address: (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match && output.includes('Press Ctrl+C to stop')) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`The signaling server exited with ${code}:\n${output}`))
    })
  })
}

describe('ringing anywhere with a server of yours (Settings → Call rooms → A server of mine)', () => {
  it('rings the host on the Inbox while the call page is closed; Decline tells the guest, Accept opens the call through that server', async () => {
    const host = await startHost()
    const serverUrl = await startStandaloneServer(await tempDir(), host.origin)
    const { page, id } = await hostWithInterview(host, chromium.newPage, CAPTURE_CONNECTIONS + COUNT_RING_NOTES)
    await page.evaluate(
      ({ remoteUrl, adminSecret }) => window.greenroom.updateSettings({ signaling: { mode: 'remote', port: 0, remoteUrl, adminSecret } }),
      { remoteUrl: serverUrl, adminSecret: ADMIN_SECRET }
    )
    const { inviteUrl } = await page.evaluate((interviewId) => window.greenroom.openCallRoom({ interviewId }), id)
    expect(inviteUrl.startsWith(`${serverUrl}/join/`)).toBe(true)
    await page.getByRole('link', { name: 'Inbox' }).click()
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()

    const guest = await guestAsksToJoin(inviteUrl)

    const ring = page.getByRole('alertdialog', { name: 'Maya Chen is asking to join' })
    await ring.waitFor()
    await ring.getByText('Your call: Analytics dashboard').waitFor()
    await expect.poll(() => ringNotes(page)).toBeGreaterThan(0)
    expect(page.url()).toMatch(/#\/inbox$/)
    await photograph(page, 'ring-inbox-remote')

    await ring.getByRole('button', { name: 'Decline' }).click()
    await guest.getByText('Sam Rivera can’t take the call right now').waitFor()
    await ring.waitFor({ state: 'detached' })

    await ringAgainAndAccept(page, guest, id)
  })
})
