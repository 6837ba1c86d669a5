import { spawnSync } from 'node:child_process'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { CAPTURE_CONNECTIONS, framesPainted, hostWithInterview, selectedPair } from './support/call'
import { namespacesUnavailable } from './support/netns'
import { startWorld, useStandaloneServer, type World, type WorldOptions } from './support/netns-call'

/**
 * The built-in call between two homes, each behind its own NAT, through a signaling server
 * and coturn on the "internet": network namespaces made by the test (see support/netns.ts),
 * so the paths, NATs and firewalls are real Linux ones, on this machine only.
 */
const unavailable = namespacesUnavailable()
if (unavailable) console.warn(`Skipping the home-network call tests: ${unavailable}.`)

let world: World | null = null
afterEach(async () => {
  await world?.close()
  world = null
})

async function open(options: WorldOptions): Promise<World> {
  world = await startWorld(options)
  return world
}

/** When the page's newest connection was first seen to have decoded a video frame (this process's clock, checked every 50 ms). */
async function firstFrameAt(page: Page, timeout = 45_000): Promise<number> {
  const deadline = Date.now() + timeout
  for (;;) {
    const decoded = await page.evaluate(async () => {
      const pc = (window as unknown as { __connections?: RTCPeerConnection[] }).__connections?.at(-1)
      if (!pc) return false
      for (const stat of (await pc.getStats()).values()) {
        if (stat.type === 'inbound-rtp' && stat.kind === 'video' && (stat.framesDecoded ?? 0) > 0) return true
      }
      return false
    })
    if (decoded) return Date.now()
    if (Date.now() > deadline) throw new Error(`No video frame decoded within ${timeout} ms`)
    await page.waitForTimeout(50)
  }
}

/**
 * The host (home A) starts the call; the guest (home B) opens the link, sees the page's
 * check of their connection (`check`, its title), joins, is let in. Returns both pages once
 * the host accepted, and when the guest pressed Join.
 */
async function call(world: World, check: string): Promise<{ host: Page; guest: Page; joinedAt: number }> {
  const { page: host } = await hostWithInterview(
    { url: world.hostUrl, origin: new URL(world.hostUrl).origin, output: world.hostOutput, stop: async () => {} },
    world.newHostPage
  )
  await useStandaloneServer(host)
  await host.getByRole('link', { name: 'Start call' }).click()
  const invite = host.getByRole('textbox', { name: 'Invite link' })
  await invite.waitFor()
  const link = await invite.inputValue()
  expect(link).toMatch(/^https:\/\/203\.0\.113\.1:8443\/join\/[\w-]{22}#[\w-]{43}$/)

  const guest = await world.newGuestPage()
  await guest.addInitScript(CAPTURE_CONNECTIONS)
  await guest.goto(link)
  await guest.getByLabel('Your camera preview').waitFor()
  await guest.getByText('Sam Rivera invites you to a 20-minute call about', { exact: false }).waitFor()
  await guest.getByRole('status', { name: check }).waitFor({ timeout: 20_000 })
  await guest.getByRole('textbox', { name: 'Your name' }).fill('Maya Chen')
  const joinedAt = Date.now()
  await guest.getByRole('button', { name: 'Join call' }).click()
  const ring = host.getByRole('alertdialog', { name: 'Maya Chen is asking to join' })
  await ring.getByRole('button', { name: 'Accept' }).click()
  return { host, guest, joinedAt }
}

/** Frames flow both ways; prints join-to-first-frame (the later of the two sides). */
async function framesBothWays(what: string, host: Page, guest: Page, joinedAt: number): Promise<void> {
  const [hostFirst, guestFirst] = await Promise.all([firstFrameAt(host), firstFrameAt(guest)])
  console.log(
    `${what}: join to first frame ${Math.max(hostFirst, guestFirst) - joinedAt} ms (host ${hostFirst - joinedAt} ms, guest ${guestFirst - joinedAt} ms)`
  )
  await expect.poll(() => framesPainted(host, 'Video from Maya Chen'), { timeout: 15_000 }).toBeGreaterThan(3)
  await expect.poll(() => framesPainted(guest, 'Video from Sam Rivera'), { timeout: 15_000 }).toBeGreaterThan(3)
}

describe.skipIf(unavailable !== null)('a call between two homes behind NAT', { timeout: 120_000 }, () => {
  it('connects when both homes sit behind ordinary NAT, frames flowing both ways', async () => {
    const { host, guest, joinedAt } = await call(await open({}), 'Your connection is ready')
    await framesBothWays('ordinary NAT both sides', host, guest, joinedAt)
    // Each side reaches the other's public (NAT) address directly: no relay needed.
    const pair = await selectedPair(guest)
    expect(pair).not.toBeNull()
    expect([pair!.local, pair!.remote]).not.toContain('host')
  })

  it('connects through the TURN relay when the guest sits behind a symmetric NAT, and the selected pair says relay', async () => {
    const { host, guest, joinedAt } = await call(await open({ natB: 'symmetric' }), 'Your connection is ready')
    await framesBothWays('symmetric NAT (guest)', host, guest, joinedAt)
    const pairs = [await selectedPair(host), await selectedPair(guest)]
    expect(pairs.flatMap((pair) => [pair?.local, pair?.remote])).toContain('relay')
    // The guest's relay account was minted for this room and role, and runs out with it.
    const turn = await guest.evaluate(() =>
      (window as unknown as { __connections: RTCPeerConnection[] }).__connections
        .at(-1)!
        .getConfiguration()
        .iceServers!.filter((server) => server.username)
    )
    expect(turn).toHaveLength(1)
    expect(turn[0]!.username).toMatch(/^\d{10}:[\w-]{22}\.guest$/)
  })

  it('connects over TURN on TCP when the guest’s network blocks UDP', async () => {
    const { host, guest, joinedAt } = await call(await open({ udpBlockedB: true }), 'Your connection is ready')
    await framesBothWays('guest UDP blocked', host, guest, joinedAt)
    const pair = await selectedPair(guest)
    expect(pair).toMatchObject({ local: 'relay' })
    expect(['tcp', 'tls']).toContain(pair!.relayProtocol)
  })

  it('removes every namespace it made, also when a start fails half-way', async () => {
    const ours = () =>
      (spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout ?? '')
        .split('\n')
        .filter((line) => line.startsWith(`gr${process.pid}`))
    await expect(startWorld({ root: '/nonexistent-greenroom-build' })).rejects.toThrow(/exited with/)
    expect(ours()).toEqual([])
    const made = await open({})
    expect(ours()).toHaveLength(5)
    // Nothing in a home changes once its browser runs (no IPv6 address settling late): Chromium would cut its page loads.
    for (const home of [made.networks.ns.homeA, made.networks.ns.homeB])
      expect(spawnSync('ip', ['-n', home, '-6', 'addr', 'show'], { encoding: 'utf8' }).stdout).toBe('')
    await made.close()
    world = null
    expect(ours()).toEqual([])
  })

  it('tells both sides in plain words why the call cannot connect when TURN is down and the guest’s NAT is symmetric', async () => {
    const { host, guest } = await call(await open({ natB: 'symmetric', turn: false }), 'Your connection cannot reach the call')
    await guest.getByText('The call could not connect', { exact: true }).waitFor({ timeout: 60_000 })
    await guest
      .getByText(
        'Your computer and Sam Rivera’s could not reach each other: one of your networks blocks direct calls, and the relay server',
        { exact: false }
      )
      .waitFor({ timeout: 5_000 })
    await guest.getByText('try from another network', { exact: false }).waitFor()
    const alert = host.getByRole('alert').filter({ hasText: 'The call could not connect' })
    await alert.waitFor({ timeout: 60_000 })
    await expect(alert.textContent()).resolves.toMatch(
      /Your computer and Maya Chen’s could not reach each other.*Check the TURN server in Settings → Calls/
    )
  })
})
