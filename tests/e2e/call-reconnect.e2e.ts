import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useStopAfterEach } from '../support/stop-after-each'
import { useTempDirs } from '../support/temp-dir'
import { useChromium } from './support/browser'
import { CAPTURE_CONNECTIONS, connectionsMade, hostWithInterview, relayOnlyCall, startCall, videoFlows } from './support/call'
import { useHosts } from './support/host'
import { startTcpProxy } from './support/tcp-proxy'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)
const stopAfterEach = useStopAfterEach()

/**
 * Counts the times the page was told it joined a room (the signaling service's `joined`).
 * When the test sets `window.__signalingVia`, sockets to the call server go through that
 * address instead (a proxy in front of the same server).
 */
const COUNT_ROOM_JOINS = `
  window.__roomJoins = 0;
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(url, ...rest) {
      const via = window.__signalingVia;
      if (via && String(url).startsWith(via.from)) url = via.to + String(url).slice(via.from.length);
      super(url, ...rest);
      this.addEventListener('message', (event) => {
        try { if (JSON.parse(event.data).type === 'joined') window.__roomJoins++; } catch {}
      });
    }
  };
`
/** The ICE user fragment the page's newest connection offers: it changes with each ICE restart. */
const iceCredentials = (page: Page) =>
  page.evaluate(() => {
    const all = (window as unknown as { __connections: RTCPeerConnection[] }).__connections
    return /a=ice-ufrag:(\S+)/.exec(all[all.length - 1]?.localDescription?.sdp ?? '')?.[1] ?? null
  })
const roomJoins = (page: Page) => page.evaluate(() => (window as unknown as { __roomJoins: number }).__roomJoins)

describe('the call room when the network drops', () => {
  it('says it is reconnecting while the media path is dead for a few seconds, restarts ICE, then carries on over the same connection', async () => {
    const { page, guest, link } = await relayOnlyCall(startHost, chromium.newPage, (started) => stopAfterEach(started))
    const connections = { host: await connectionsMade(page), guest: await connectionsMade(guest) }

    // The link goes dead: both sides say so in plain words, and nothing ends the call.
    link.pause()
    await page.getByText('Connection dropped. Reconnecting…').waitFor({ timeout: 20_000 })
    await guest.getByText('Connection dropped. Reconnecting…').waitFor({ timeout: 20_000 })
    await expect(page.getByLabel(/^Connection: /).getAttribute('aria-label')).resolves.toMatch(
      /The connection dropped\. Greenroom is getting it back…/
    )
    // The link stays dead until the guest has restarted ICE (new credentials on the same connection).
    const before = await iceCredentials(guest)
    await expect.poll(() => iceCredentials(guest), { timeout: 15_000 }).not.toBe(before)

    // It comes back: the banner goes, and pictures flow again both ways, in the same call.
    link.resume()
    await page.getByText('Connection dropped. Reconnecting…').waitFor({ state: 'hidden', timeout: 30_000 })
    await guest.getByText('Connection dropped. Reconnecting…').waitFor({ state: 'hidden', timeout: 30_000 })
    await videoFlows(page, 'Video from Maya Chen')
    await videoFlows(guest, 'Video from Sam Rivera')
    expect(await page.getByRole('alertdialog', { name: /is asking to join/ }).count()).toBe(0)
    expect({ host: await connectionsMade(page), guest: await connectionsMade(guest) }).toEqual(connections)
    await page.getByRole('timer').waitFor()
    await guest.getByRole('timer').waitFor()
    expect(link.stats().dropped).toBeGreaterThan(0)

    // One call, and the drop is on its record.
    await page.getByRole('button', { name: 'Hang up' }).click()
    await guest.getByText('Sam Rivera ended the call.').waitFor()
    await page.getByRole('heading', { name: 'Call ended' }).waitFor()
    const reconnections = page
      .getByRole('table', { name: 'Measured call quality' })
      .getByRole('row', { name: /^Reconnections/ })
      .getByRole('cell')
    await expect(reconnections.textContent()).resolves.toMatch(/^[1-9]\d*$/)
  })

  it('builds a new connection within the same call when the link stays dead past the ICE restart', async () => {
    const { page, guest, link } = await relayOnlyCall(startHost, chromium.newPage, (started) => stopAfterEach(started))
    const connections = await connectionsMade(guest)

    link.pause()
    await page.getByText('Connection dropped. Reconnecting…').waitFor({ timeout: 20_000 })
    await guest.getByText('Connection dropped. Reconnecting…').waitFor({ timeout: 20_000 })
    // The restarted ICE fails too; the guest starts a fresh connection and keeps saying it is reconnecting.
    await expect.poll(() => connectionsMade(guest), { timeout: 30_000 }).toBeGreaterThan(connections)
    await guest.getByText('Connection dropped. Reconnecting…').waitFor()

    link.resume()
    await page.getByText('Connection dropped. Reconnecting…').waitFor({ state: 'hidden', timeout: 30_000 })
    await guest.getByText('Connection dropped. Reconnecting…').waitFor({ state: 'hidden', timeout: 30_000 })
    await videoFlows(page, 'Video from Maya Chen')
    await videoFlows(guest, 'Video from Sam Rivera')
    expect(await page.getByRole('alertdialog', { name: /is asking to join/ }).count()).toBe(0)

    // Still the one call: hanging up ends it for both and records the drop.
    await page.getByRole('button', { name: 'Hang up' }).click()
    await guest.getByText('Sam Rivera ended the call.').waitFor()
    const reconnections = page
      .getByRole('table', { name: 'Measured call quality' })
      .getByRole('row', { name: /^Reconnections/ })
      .getByRole('cell')
    await expect(reconnections.textContent()).resolves.toMatch(/^[1-9]\d*$/)
  })

  it('rejoins the room by itself when the guest’s connection to the call server drops, and the call goes on', async () => {
    const host = await startHost()
    const { page } = await hostWithInterview(host, chromium.newPage)
    // The guest reaches the call server through a network the test can cut.
    let proxyPort = 0
    let cut = () => {}
    const { guest } = await startCall(page, chromium.newPage, {
      guestInit: CAPTURE_CONNECTIONS + COUNT_ROOM_JOINS,
      guestLink: async (link) => {
        const url = new URL(link)
        const proxy = await startTcpProxy(Number(url.port), { originAs: url.origin })
        stopAfterEach(proxy)
        proxyPort = proxy.port
        cut = () => proxy.cut()
        url.port = String(proxy.port)
        return url.toString()
      }
    })
    expect(proxyPort).toBeGreaterThan(0)
    expect(await roomJoins(guest)).toBe(1)

    // The connection to the call server drops without a goodbye; the media goes on meanwhile.
    cut()
    await videoFlows(page, 'Video from Maya Chen')
    await videoFlows(guest, 'Video from Sam Rivera')

    // The guest's page joins the room again by itself, and the host is not rung a second time.
    await expect.poll(() => roomJoins(guest), { timeout: 15_000 }).toBe(2)
    expect(await page.getByRole('alertdialog', { name: /is asking to join/ }).count()).toBe(0)
    await page.getByRole('timer').waitFor()
    await guest.getByRole('timer').waitFor()
    await videoFlows(guest, 'Video from Sam Rivera')

    // The call goes on through the new connection: the host's hang-up reaches the guest.
    await page.getByRole('button', { name: 'Hang up' }).click()
    await guest.getByText('The call has ended').waitFor()
    await guest.getByText('Sam Rivera ended the call.').waitFor()
  })

  it('rejoins the room by itself when the host’s connection to the call server drops, and the call goes on', async () => {
    const host = await startHost()
    const { page, id } = await hostWithInterview(host, chromium.newPage, CAPTURE_CONNECTIONS + COUNT_ROOM_JOINS)
    // The host's app reaches its call server through a network the test can cut.
    const room = await page.evaluate((interviewId) => window.greenroom.openCallRoom({ interviewId }), id)
    const server = new URL(room.signalUrl)
    const proxy = await startTcpProxy(Number(server.port))
    stopAfterEach(proxy)
    await page.evaluate((via) => Object.assign(window, { __signalingVia: via }), {
      from: `${server.protocol}//${server.host}`,
      to: `${server.protocol}//127.0.0.1:${proxy.port}`
    })
    const { guest } = await startCall(page, chromium.newPage)
    expect(await roomJoins(page)).toBe(1)

    proxy.cut()
    await videoFlows(page, 'Video from Maya Chen')
    await videoFlows(guest, 'Video from Sam Rivera')

    // Back in the room by itself; nobody rings again, and both stay in the call.
    await expect.poll(() => roomJoins(page), { timeout: 15_000 }).toBe(2)
    expect(await page.getByRole('alertdialog', { name: /is asking to join/ }).count()).toBe(0)
    await page.getByRole('timer').waitFor()
    await guest.getByRole('timer').waitFor()
    await videoFlows(guest, 'Video from Sam Rivera')

    // The guest's hang-up reaches the host through the new connection.
    await guest.getByRole('button', { name: 'Hang up' }).click()
    await page.getByRole('heading', { name: 'Call ended' }).waitFor()
    await guest.getByText('The call has ended').waitFor()
  })
})
