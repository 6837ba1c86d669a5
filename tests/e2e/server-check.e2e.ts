import type { Page } from 'playwright-core'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { startSignalingServer, type SignalingServer } from '../../src/main/services/signaling/server'
import { useTempDirs } from '../support/temp-dir'
import { makeTestCertificates } from '../support/test-ca'
import { useChromium } from './support/browser'
import { useHosts } from './support/host'
import { hasCoturn, startTurnServer } from './support/turn'

/**
 * Settings → Call rooms → Check this server, against a meeting point as the README sets it
 * up, on loopback: the signaling server speaking HTTPS itself with a certificate of a test
 * CA, and coturn with the shared secret, over UDP and TLS. The app trusts the test CA as it
 * would trust Let's Encrypt (NODE_EXTRA_CA_CERTS), Chromium trusts the certificate's key.
 */
const certificates = makeTestCertificates(['localhost'])
afterAll(() => certificates.remove())
const tempDir = useTempDirs()
const chromium = useChromium([`--ignore-certificate-errors-spki-list=${certificates.spki}`])
const startHost = useHosts(tempDir)
const running: { stop?(): Promise<void>; close?(): Promise<void> }[] = []
afterEach(async () => {
  for (const thing of running.splice(0).reverse()) await (thing.stop ?? thing.close)!.call(thing)
})

const ADMIN_SECRET = 'the-admin-secret-of-the-test-server'
const TURN_SECRET = 'the-shared-secret-of-the-test-coturn'

async function meetingPoint(allowedOrigin: string): Promise<SignalingServer> {
  const turn = await startTurnServer({ sharedSecret: TURN_SECRET, tls: { cert: certificates.files.cert, key: certificates.files.key } })
  running.push(turn)
  const server = await startSignalingServer({
    host: '127.0.0.1',
    publicHost: 'localhost',
    tls: { cert: certificates.cert, key: certificates.key },
    adminSecret: ADMIN_SECRET,
    allowedOrigins: [allowedOrigin],
    ice: {
      stunUrls: [],
      turn: { secret: TURN_SECRET, urls: [`turn:127.0.0.1:${turn.port}?transport=udp`, `turns:localhost:${turn.tlsPort}?transport=tcp`] }
    }
  })
  running.push(server)
  return server
}

async function openCallRooms(): Promise<{ page: Page; origin: string }> {
  const previous = process.env.NODE_EXTRA_CA_CERTS
  process.env.NODE_EXTRA_CA_CERTS = certificates.files.ca
  const host = await startHost().finally(() => {
    if (previous === undefined) delete process.env.NODE_EXTRA_CA_CERTS
    else process.env.NODE_EXTRA_CA_CERTS = previous
  })
  const page = await chromium.newPage()
  await page.goto(host.url)
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByText('A server of mine').click()
  return { page, origin: host.origin }
}

async function check(page: Page, url: string, secret: string): Promise<string[]> {
  await page.getByLabel('Server address', { exact: true }).fill(url)
  await page.getByLabel('Admin secret', { exact: true }).fill(secret)
  await page.getByRole('button', { name: 'Check this server' }).click()
  const list = page.getByRole('list', { name: 'Server check' })
  await list.getByRole('listitem').nth(4).waitFor({ timeout: 40_000 })
  await page.getByRole('button', { name: 'Check this server' }).and(page.locator(':not([data-loading])')).waitFor({ timeout: 40_000 })
  return list.getByRole('listitem').evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''))
}

describe.skipIf(!hasCoturn())('Check this server (Settings → Call rooms)', () => {
  it('passes every step against a server set up as the README says, and each failure names its fix', async () => {
    const { page, origin } = await openCallRooms()
    const server = await meetingPoint(origin)
    expect(server.url).toMatch(/^https:\/\/localhost:\d+$/)

    expect(await check(page, server.url, ADMIN_SECRET)).toEqual([
      'The address answers over HTTPS: passed',
      'The call socket opens: passed',
      'A room can be made with the admin secret: passed',
      'A TURN relay is reached over UDP: passed',
      'A TURN relay is reached over TCP/TLS: passed'
    ])
    // The test room is gone again.
    expect(server.stats().rooms).toBe(0)
    await page.screenshot({ path: '/tmp/greenroom-server-check.png', fullPage: true })

    expect(await check(page, server.url, 'not-the-admin-secret-at-all')).toEqual([
      'The address answers over HTTPS: passed',
      'The call socket opens: passed',
      'A room can be made with the admin secret: failed',
      'A TURN relay is reached over UDP: not checked',
      'A TURN relay is reached over TCP/TLS: not checked'
    ])
    await page.getByText('Fix: Copy the admin secret again from the server').waitFor()

    expect((await check(page, server.url.replace('https:', 'http:'), ADMIN_SECRET))[0]).toBe('The address answers over HTTPS: failed')
    await page.getByText(/Fix: Give the server a certificate \(--tls-cert and --tls-key/).waitFor()
  }, 120_000)

  it('says when the server does not let this app’s pages open its socket, and how to start it so it does', async () => {
    const { page, origin } = await openCallRooms()
    const server = await meetingPoint('https://some-other-page.example')
    expect((await check(page, server.url, ADMIN_SECRET)).slice(0, 2)).toEqual([
      'The address answers over HTTPS: passed',
      'The call socket opens: failed'
    ])
    await page.getByText(`Fix: Start the server with --allow-origin ${origin}`).waitFor()
  }, 120_000)
})
