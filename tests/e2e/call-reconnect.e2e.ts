import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { useChromium } from './support/browser'
import { CAPTURE_CONNECTIONS, CAPTURE_RELAY_ONLY_CONNECTIONS, connectionsMade, hostWithInterview, selectedPathType, startCall, videoFlows } from './support/call'
import { useHosts } from './support/host'
import { startLossyRelay } from './support/lossy-relay'
import { startTcpProxy } from './support/tcp-proxy'
import { startTurnServer } from './support/turn'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)
const running: { stop(): Promise<void> }[] = []
afterEach(async () => {
  for (const thing of running.splice(0).reverse()) await thing.stop()
})

/** Counts the times the page was told it joined a room (the signaling service's `joined`). */
const COUNT_ROOM_JOINS = `
  window.__roomJoins = 0;
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        try { if (JSON.parse(event.data).type === 'joined') window.__roomJoins++; } catch {}
      });
    }
  };
`
const roomJoins = (page: Page) => page.evaluate(() => (window as unknown as { __roomJoins: number }).__roomJoins)

describe('the call room when the network drops', () => {
  it('says it is reconnecting while the media path is dead for a few seconds, then carries on in the same call', async () => {
    // Both sides are behind a firewall that lets only the TURN relay through, and the
    // relay sits behind a link the test can switch off.
    const turn = await startTurnServer()
    running.push(turn)
    const link = await startLossyRelay({ targetPort: turn.port, delayMs: 0, dropEveryRtp: 0 })
    running.push(link)
    const host = await startHost()
    const { page } = await hostWithInterview(host, chromium.newPage, CAPTURE_RELAY_ONLY_CONNECTIONS)
    await page.evaluate(
      (server) => window.greenroom.updateSettings({ iceServers: [server] }),
      { url: `turn:127.0.0.1:${link.port}?transport=udp`, username: turn.username, credential: turn.password }
    )
    // The guest has no settings: the room hands it the host's TURN server.
    const { guest } = await startCall(page, chromium.newPage, { guestInit: CAPTURE_RELAY_ONLY_CONNECTIONS })
    expect(await selectedPathType(page)).toBe('relay')
    expect(await selectedPathType(guest)).toBe('relay')
    const connections = { host: await connectionsMade(page), guest: await connectionsMade(guest) }

    // The link goes dead: both sides say so in plain words, and nothing ends the call.
    link.pause()
    await page.getByText('Connection dropped. Reconnecting…').waitFor({ timeout: 20_000 })
    await guest.getByText('Connection dropped. Reconnecting…').waitFor({ timeout: 20_000 })
    await expect(page.getByLabel(/^Connection: /).getAttribute('aria-label')).resolves.toMatch(/The connection dropped\. Greenroom is getting it back…/)

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
    const reconnections = page.getByRole('table', { name: 'Measured call quality' }).getByRole('row', { name: /^Reconnections/ }).getByRole('cell')
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
        const proxy = await startTcpProxy(Number(url.port))
        running.push(proxy)
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
})
