import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { makeTestCertificates } from '../../support/test-ca'
import { CHROMIUM_ARGS, findChromium } from '../../../scripts/chromium.mjs'
import { buildHomeNetworks, PUBLIC_IP, type HomeNetworks, type NatKind } from './netns'

export const SIGNAL_PORT = 8443
export const TURN_PORT = 3478
const HOST_APP_PORT = 5000
export const SIGNAL_URL = `https://${PUBLIC_IP}:${SIGNAL_PORT}`
export const ADMIN_SECRET = 'netns-test-admin-secret-0123456789'
/** coturn's static-auth-secret: the signaling server mints short-lived TURN credentials with it (the TURN REST scheme). */
export const TURN_SECRET = 'netns-test-turn-shared-secret'
const TURN_URLS = [`turn:${PUBLIC_IP}:${TURN_PORT}?transport=udp`, `turn:${PUBLIC_IP}:${TURN_PORT}?transport=tcp`]
const STUN_URLS = [`stun:${PUBLIC_IP}:${TURN_PORT}`]
/** Every wait in a world is bounded by this. */
const START_TIMEOUT_MS = 15_000

/** Waits until a child prints a line matching `pattern`; fails with its output when it exits or takes too long. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, what: string): Promise<RegExpExecArray> {
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${what} printed nothing matching ${pattern} within ${START_TIMEOUT_MS} ms:\n${output}`)),
      START_TIMEOUT_MS
    )
    const check = (chunk: Buffer) => {
      output += chunk
      const match = pattern.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match)
      }
    }
    child.stdout!.on('data', check)
    child.stderr!.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${what} exited with ${code}:\n${output}`))
    })
  })
}

export interface WorldOptions {
  /** Home B's router (the guest's); home A's is always ordinary. */
  natB?: NatKind
  /** Home B drops every UDP packet to the internet. */
  udpBlockedB?: boolean
  /** coturn (STUN and TURN) in the public namespace; off: nothing answers there. */
  turn?: boolean
  /** The repository, whose out/ holds the built app (by default the one this file is in). */
  root?: string
}

export interface World {
  networks: HomeNetworks
  /** The host app's page (browser mode, in home A), signed in. */
  hostUrl: string
  /** What the host app has printed so far. */
  hostOutput(): string
  hostBrowser: Browser
  guestBrowser: Browser
  newHostPage(): Promise<Page>
  newGuestPage(): Promise<Page>
  close(): Promise<void>
}

/** A promise awaited further on: its failure is reported there, not as an unhandled rejection meanwhile. */
function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined)
  return promise
}

/** Sends a STUN Binding Request from inside the public namespace until coturn answers. */
const STUN_PROBE = `
const s = require('node:dgram').createSocket('udp4'); const r = Buffer.alloc(20); r.writeUInt16BE(1, 0); r.writeUInt32BE(0x2112a442, 4);
s.on('message', () => { console.log('STUN answered'); process.exit(0) });
const send = () => s.send(r, ${TURN_PORT}, '${PUBLIC_IP}'); send(); setInterval(send, 200); setTimeout(() => process.exit(1), 10000)`

/**
 * The call's whole world across the home networks: signaling server and coturn on the public
 * side, the host app (browser mode) and its Chromium in home A, the guest's Chromium in
 * home B. Everything started is stopped by close(), and a failed start closes what it made.
 */
export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const root = options.root ?? join(__dirname, '../../..')
  const networks = buildHomeNetworks()
  const dataDir = mkdtempSync(join(tmpdir(), 'greenroom-netns-host-'))
  const browsers: Browser[] = []
  // The server's certificate, from a CA made for this world: the host app trusts the CA, both Chromiums the key.
  const certificates = makeTestCertificates([PUBLIC_IP])
  const close = async () => {
    await Promise.all(browsers.map((browser) => browser.close().catch(() => undefined)))
    await networks.teardown()
    rmSync(dataDir, { recursive: true, force: true })
    certificates.remove()
  }
  try {
    if (options.natB) networks.setNat('b', options.natB)
    if (options.udpBlockedB) networks.blockUdp('b', true)
    const signal = networks.spawnIn(
      networks.ns.public,
      process.execPath,
      [
        join(root, 'out/main/signal.js'),
        '--host',
        PUBLIC_IP,
        '--port',
        String(SIGNAL_PORT),
        '--public-url',
        SIGNAL_URL,
        '--tls-cert',
        certificates.files.cert,
        '--tls-key',
        certificates.files.key,
        '--data-dir',
        join(dataDir, 'signal'),
        '--turn-secret',
        TURN_SECRET,
        '--turn-urls',
        TURN_URLS.join(','),
        '--stun-urls',
        STUN_URLS.join(','),
        '--allow-origin',
        `http://127.0.0.1:${HOST_APP_PORT}`
      ],
      { GREENROOM_SIGNAL_SECRET: ADMIN_SECRET }
    )
    const signalReady = awaitedLater(waitForOutput(signal, /Press Ctrl\+C to stop/, 'The signaling server'))
    let turnReady: Promise<unknown> = Promise.resolve()
    if (options.turn !== false) {
      networks.spawnIn(networks.ns.public, 'turnserver', [
        '-n',
        `--listening-ip=${PUBLIC_IP}`,
        `--listening-port=${TURN_PORT}`,
        `--relay-ip=${PUBLIC_IP}`,
        '--min-port=49152',
        '--max-port=49252',
        '--use-auth-secret',
        `--static-auth-secret=${TURN_SECRET}`,
        '--realm=greenroom.test',
        '--no-tls',
        '--no-dtls',
        '--no-cli',
        `--pidfile=${join(dataDir, 'turn.pid')}`,
        '--log-file=stdout',
        '--simple-log'
      ])
      turnReady = awaitedLater(
        waitForOutput(networks.spawnIn(networks.ns.public, process.execPath, ['-e', STUN_PROBE]), /STUN answered/, 'coturn')
      )
    }
    const host = networks.spawnIn(
      networks.ns.homeA,
      process.execPath,
      [join(root, 'out/main/browser-host.js'), '--data-dir', dataDir, '--port', String(HOST_APP_PORT)],
      {
        NODE_EXTRA_CA_CERTS: certificates.files.ca
      }
    )
    let hostOutput = ''
    host.stdout!.on('data', (chunk) => (hostOutput += chunk))
    host.stderr!.on('data', (chunk) => (hostOutput += chunk))
    const hostLink = awaitedLater(waitForOutput(host, /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/, 'The host app'))
    const executable = findChromium()
    const launch = async (namespace: string, extraArgs: string[]) => {
      const browser = await chromium.launch({
        executablePath: networks.chromiumIn(namespace, executable),
        args: [...CHROMIUM_ARGS, ...extraArgs],
        timeout: START_TIMEOUT_MS
      })
      browsers.push(browser)
      return browser
    }
    const trustServer = [`--ignore-certificate-errors-spki-list=${certificates.spki}`]
    const [hostBrowser, guestBrowser] = await Promise.all([launch(networks.ns.homeA, trustServer), launch(networks.ns.homeB, trustServer)])
    const [, , link] = await Promise.all([signalReady, turnReady, hostLink])
    const newPage = (browser: Browser) => async () => {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 820 } })).newPage()
      page.setDefaultTimeout(10_000)
      return page
    }
    return {
      networks,
      hostUrl: link[1]!,
      hostOutput: () => hostOutput,
      hostBrowser,
      guestBrowser,
      newHostPage: newPage(hostBrowser),
      newGuestPage: newPage(guestBrowser),
      close
    }
  } catch (error) {
    await close()
    throw error
  }
}

/** The STUN and TURN servers on the public side, a credential minted for `id` as the signaling server does, for a bare RTCPeerConnection. */
export function publicIceServers(credential: { username: string; credential: string }): RTCIceServer[] {
  return [{ urls: STUN_URLS }, { urls: TURN_URLS, ...credential }]
}

/** The host app on the standalone server in the public namespace; STUN and TURN come from the server's rooms. */
export async function useStandaloneServer(page: Page): Promise<void> {
  await page.evaluate(
    ({ url, secret }) =>
      window.greenroom.updateSettings({ signaling: { mode: 'remote', port: 0, remoteUrl: url, adminSecret: secret }, iceServers: [] }),
    { url: SIGNAL_URL, secret: ADMIN_SECRET }
  )
}
