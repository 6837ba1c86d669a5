import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useStopAfterEach } from '../support/stop-after-each'
import { meanOpinionScore } from '../../src/renderer/src/webrtc/mos'
import type { IceServer } from '../../src/shared/settings'
import { useTempDirs } from '../support/temp-dir'
import { useChromium } from './support/browser'
import { useHosts } from './support/host'
import { startLossyRelay, type LossyRelay } from './support/lossy-relay'
import { freeUdpPort, startTurnServer, type TurnServer } from './support/turn'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)
const stopAfterEach = useStopAfterEach()

async function openConnectionTest(iceServers: IceServer[], turnSecret = ''): Promise<Page> {
  const host = await startHost()
  const page = await chromium.newPage()
  await page.goto(host.url)
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
  await page.evaluate((patch) => window.greenroom.updateSettings(patch), { iceServers, turnSecret })
  await page.getByRole('link', { name: 'Connection test' }).click()
  return page
}

async function runTest(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start test' }).click()
  await page.getByText(/full report after/).waitFor({ timeout: 25_000 })
}

const number = async (page: Page, label: string) => parseFloat((await page.getByLabel(label, { exact: true }).textContent()) ?? 'NaN')

async function turn(): Promise<TurnServer> {
  const server = await startTurnServer()
  stopAfterEach(server)
  return server
}

describe('the connection test with a TURN server', () => {
  it('finds relay candidates and measures the call relayed through the server', async () => {
    const server = await turn()
    const page = await openConnectionTest([
      { url: `turn:127.0.0.1:${server.port}?transport=udp`, username: server.username, credential: server.password }
    ])
    await runTest(page)
    await expect(page.getByLabel('Paths found', { exact: true }).textContent()).resolves.toMatch(/, [1-9]\d* relayed \(TURN\)$/)
    await expect(page.getByLabel('Path', { exact: true }).textContent()).resolves.toBe('through your TURN server')
    expect(await number(page, 'Round trip')).toBeLessThan(50)
    await expect(page.getByLabel('Verdict').textContent()).resolves.toBe('Ready')
  })

  it('reaches a TURN server that takes only passwords minted from its shared secret, as the call would', async () => {
    const secret = 'the-coturn-static-auth-secret'
    const server = await startTurnServer({ sharedSecret: secret })
    stopAfterEach(server)
    // The address alone, as Settings keep it for the app's own call server: the password is minted per call, and per test.
    const page = await openConnectionTest([{ url: `turn:127.0.0.1:${server.port}?transport=udp`, username: '', credential: '' }], secret)
    await runTest(page)
    await expect(page.getByLabel('Paths found', { exact: true }).textContent()).resolves.toMatch(/, [1-9]\d* relayed \(TURN\)$/)
    await expect(page.getByLabel('Path', { exact: true }).textContent()).resolves.toBe('through your TURN server')
  })

  it('says once that the TURN server is down, and still measures the direct test call', async () => {
    const deadPort = await freeUdpPort()
    const page = await openConnectionTest([{ url: `turn:127.0.0.1:${deadPort}?transport=udp`, username: 'user', credential: 'secret' }])
    await runTest(page)
    const fixes = page.getByRole('list', { name: 'What to fix' })
    await fixes.getByText('The TURN server did not answer, so there is no fallback when direct connections are blocked.').waitFor()
    await fixes.getByText(/Check the TURN address, user name and password in Settings/).waitFor()
    await expect(fixes.getByRole('listitem').filter({ hasText: 'TURN' }).count()).resolves.toBe(1)
    await expect(page.getByText(/test call could not connect/).count()).resolves.toBe(0)
    await expect(page.getByLabel('Path', { exact: true }).textContent()).resolves.toBe('direct (TURN did not connect)')
    expect(Number.isFinite(await number(page, 'Round trip'))).toBe(true)
    await expect(page.getByLabel('Verdict').textContent()).resolves.toBe('Usable with warnings')
  })

  it('turns 200 ms and 5% loss into the verdict and the MOS the formula predicts, measuring the loss within a point', async () => {
    const server = await turn()
    // Media crosses the relay twice each way (into the TURN server and back out of it), so
    // 50 ms a crossing makes a 200 ms round trip; 1 RTP packet in 20 is dropped on the way in.
    const relay: LossyRelay = await startLossyRelay({ targetPort: server.port, delayMs: 50, dropEveryRtp: 20 })
    stopAfterEach(relay)
    const appliedLoss = 5
    const page = await openConnectionTest([
      { url: `turn:127.0.0.1:${relay.port}?transport=udp`, username: server.username, credential: server.password }
    ])
    await runTest(page)

    const rtt = await number(page, 'Round trip')
    const jitter = await number(page, 'Jitter')
    const loss = await number(page, 'Packet loss')
    const mos = await number(page, 'Expected quality (MOS)')
    expect(relay.stats().dropped).toBeGreaterThan(0)
    expect(rtt).toBeGreaterThan(180)
    expect(rtt).toBeLessThan(260)
    expect(Math.abs(loss - appliedLoss)).toBeLessThanOrEqual(1)
    expect(mos).toBeCloseTo(meanOpinionScore({ rttMs: rtt, jitterMs: jitter, lossPercent: loss }), 1)
    expect(mos).toBeLessThan(meanOpinionScore({ rttMs: 0, jitterMs: 0, lossPercent: 0 }) - 0.4)
    await expect(page.getByLabel('Verdict').textContent()).resolves.toBe('Usable with warnings')
    await page
      .getByRole('list', { name: 'What to fix' })
      .getByText(/^Packet loss of \d\.\d%: audio may break up\.$/)
      .waitFor()
    await page.getByText('Move closer to the router or use a cable.').first().waitFor()
  })
})
