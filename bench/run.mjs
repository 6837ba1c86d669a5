// `npm run bench`: speed figures as JSON lines { name, value, unit, baseline, ratio },
// each next to a baseline measured in the same run on the same machine and Chromium.
import { spawn } from 'node:child_process'
import { createSocket } from 'node:dgram'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { build } from 'vite'
import { WebSocketServer } from 'ws'
import { buildIfNeeded } from '../scripts/build-if-needed.mjs'
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs'

const root = new URL('..', import.meta.url).pathname
const COLD_START_ROUNDS = 7
const ROUND_TRIPS = 500
const temp = mkdtempSync(join(tmpdir(), 'greenroom-bench-'))

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const round = (value) => Math.round(value * 1000) / 1000

function report(name, unit, value, baseline) {
  console.log(JSON.stringify({ name, value: round(value), unit, baseline: round(baseline), ratio: round(value / baseline) }))
}

/** Starts the built browser host on a fresh data folder; resolves once it prints its link. */
function startGreenroom() {
  const started = performance.now()
  const child = spawn(process.execPath, [
    join(root, 'out/main/browser-host.js'),
    '--data-dir',
    mkdtempSync(join(temp, 'data-')),
    '--port',
    '0'
  ])
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
      const match = /Open (\S+)/.exec(output)
      if (match) resolve({ url: match[1], startupMs: performance.now() - started, stop: () => child.kill('SIGTERM') })
    })
    child.on('exit', (code) => reject(new Error(`host exited ${code}: ${output}`)))
  })
}

/** The baseline server: plain Node serving a folder, started in a child process the same way. */
function startStaticServer(folder) {
  const started = performance.now()
  const script = `
    const { createServer } = require('node:http'); const { readFile } = require('node:fs/promises'); const { join, extname } = require('node:path');
    const types = { '.html': 'text/html', '.js': 'text/javascript' };
    const server = createServer(async (req, res) => {
      const path = new URL(req.url, 'http://x').pathname; const file = join(${JSON.stringify(folder)}, path === '/' ? 'index.html' : path);
      try { const body = await readFile(file); res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' }); res.end(body) }
      catch { res.writeHead(404); res.end() }
    });
    server.listen(0, '127.0.0.1', () => console.log('Open http://127.0.0.1:' + server.address().port + '/'));`
  const child = spawn(process.execPath, ['-e', script])
  return new Promise((resolve) => {
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
      const match = /Open (\S+)/.exec(output)
      if (match) resolve({ url: match[1], startupMs: performance.now() - started, stop: () => child.kill('SIGTERM') })
    })
  })
}

/** Time from navigation start to the page's 'greenroom:interactive' mark, in a fresh context. */
async function timeToInteractive(browser, url) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(url)
  const ms = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const check = () => {
          const mark = performance.getEntriesByName('greenroom:interactive')[0]
          if (mark) resolve(mark.startTime)
          else setTimeout(check, 5)
        }
        check()
      })
  )
  await context.close()
  return ms
}

async function benchColdStart(browser, emptyPageDir) {
  const shell = []
  const empty = []
  const hostStartup = []
  const serverStartup = []
  for (let i = 0; i < COLD_START_ROUNDS; i++) {
    const greenroom = await startGreenroom()
    const baseline = await startStaticServer(emptyPageDir)
    hostStartup.push(greenroom.startupMs)
    serverStartup.push(baseline.startupMs)
    // Alternate the order so neither side always runs on a warmer machine.
    if (i % 2 === 0) {
      shell.push(await timeToInteractive(browser, greenroom.url))
      empty.push(await timeToInteractive(browser, baseline.url))
    } else {
      empty.push(await timeToInteractive(browser, baseline.url))
      shell.push(await timeToInteractive(browser, greenroom.url))
    }
    greenroom.stop()
    baseline.stop()
  }
  report(
    'browser mode: host process start to link printed (baseline: bare Node static server), median',
    'ms',
    median(hostStartup),
    median(serverStartup)
  )
  report('browser mode: cold start to interactive shell (baseline: empty Vite page), median', 'ms', median(shell), median(empty))
}

async function benchRoundTrip(browser) {
  const greenroom = await startGreenroom()
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(greenroom.url)
  await page.waitForFunction(() => performance.getEntriesByName('greenroom:interactive').length > 0)
  const settingsJson = await page.evaluate(async () => JSON.stringify(await window.greenroom.getSettings()))
  const apiMs = await page.evaluate(async (count) => {
    const times = []
    for (let i = 0; i < count; i++) {
      const start = performance.now()
      await window.greenroom.getSettings()
      times.push(performance.now() - start)
    }
    return times
  }, ROUND_TRIPS)

  const echo = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  echo.on('connection', (socket) => socket.on('message', (data) => socket.send(data.toString())))
  await new Promise((resolve) => echo.once('listening', resolve))
  const blank = await context.newPage()
  const echoMs = await blank.evaluate(
    async ({ port, count, payload }) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}`)
      await new Promise((resolve) => (ws.onopen = resolve))
      const times = []
      for (let i = 0; i < count; i++) {
        const start = performance.now()
        await new Promise((resolve) => {
          ws.onmessage = resolve
          ws.send(payload)
        })
        times.push(performance.now() - start)
      }
      ws.close()
      return times
    },
    { port: echo.address().port, count: ROUND_TRIPS, payload: settingsJson }
  )
  report(
    `API round trip getSettings over the WebSocket bridge (baseline: bare WebSocket echo of the same payload), median of ${ROUND_TRIPS}`,
    'ms',
    median(apiMs),
    median(echoMs)
  )
  echo.close()
  await context.close()
  greenroom.stop()
}

/** In-page: a bare RTCPeerConnection loopback with camera and microphone, to connected and a first stats reading. */
async function bareLoopbackMs(page) {
  return page.evaluate(async () => {
    const start = performance.now()
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true })
    const a = new RTCPeerConnection()
    const b = new RTCPeerConnection()
    a.onicecandidate = (event) => event.candidate && b.addIceCandidate(event.candidate)
    b.onicecandidate = (event) => event.candidate && a.addIceCandidate(event.candidate)
    for (const track of stream.getTracks()) a.addTrack(track, stream)
    const connected = new Promise((resolve) => (b.onconnectionstatechange = () => b.connectionState === 'connected' && resolve()))
    await a.setLocalDescription(await a.createOffer())
    await b.setRemoteDescription(a.localDescription)
    await b.setLocalDescription(await b.createAnswer())
    await a.setRemoteDescription(b.localDescription)
    await connected
    await b.getStats()
    const ms = performance.now() - start
    a.close()
    b.close()
    for (const track of stream.getTracks()) track.stop()
    return ms
  })
}

/** A UDP port nobody listens on: a TURN server that is down. */
async function deadUdpPort() {
  const socket = createSocket('udp4')
  await new Promise((resolve) => socket.bind(0, '127.0.0.1', resolve))
  const { port } = socket.address()
  await new Promise((resolve) => socket.close(resolve))
  return port
}

/** Runs the connection test from the page as a user does; returns the saved report. */
async function runConnectionTestOnce(browser, greenroom, iceServers, beforeTest = async () => {}) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(greenroom.url)
  await page.waitForFunction(() => performance.getEntriesByName('greenroom:interactive').length > 0)
  await page.evaluate((servers) => window.greenroom.updateSettings({ iceServers: servers }), iceServers)
  const extra = await beforeTest(page)
  await page.evaluate(() => (location.hash = '#/connection-test'))
  await page.getByRole('button', { name: 'Start test' }).click()
  await page.getByText(/full report after/).waitFor({ timeout: 30_000 })
  const [latest] = await page.evaluate(() => window.greenroom.listConnectionTests({ limit: 1 }))
  await context.close()
  return { report: latest, extra }
}

/**
 * The connection test as the page states it: start to first verdict and to full report on a
 * healthy computer (no STUN/TURN set), and to full report with a TURN server that is down.
 */
async function benchConnectionTest() {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
  const greenroom = await startGreenroom()
  try {
    const first = []
    const full = []
    const floor = []
    const deadTurnFull = []
    for (let round = 0; round < 3; round++) {
      const healthy = await runConnectionTestOnce(browser, greenroom, [], (page) => bareLoopbackMs(page))
      floor.push(healthy.extra)
      first.push(healthy.report.firstVerdictMs)
      full.push(healthy.report.durationMs)
      const port = await deadUdpPort()
      const deadTurn = await runConnectionTestOnce(browser, greenroom, [
        { url: `turn:127.0.0.1:${port}?transport=udp`, username: 'user', credential: 'secret' }
      ])
      deadTurnFull.push(deadTurn.report.durationMs)
    }
    report(
      'connection test: start to first verdict (baseline: bare RTCPeerConnection loopback to connected), median of 3',
      'ms',
      median(first),
      median(floor)
    )
    report(
      'connection test: start to full report (baseline: bare RTCPeerConnection loopback to connected), median of 3',
      'ms',
      median(full),
      median(floor)
    )
    report(
      'connection test with a TURN server that is down: start to full report (baseline: the same test with no TURN server set, same run), median of 3',
      'ms',
      median(deadTurnFull),
      median(full)
    )
  } finally {
    greenroom.stop()
    await browser.close()
  }
}

const p95 = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]
}
const NOTE_BYTES = 200 * 1024
const BURSTS = 8
const KEYS_PER_BURST = 25

/**
 * Typing in the prep room's notes editor with a 200 KB note: time from each key event to
 * the next paint, p95, beside a bare textarea holding the same text in the same page.
 * Keys come in bursts with pauses, so autosave and the local draft run as they do for a
 * person typing.
 */
async function benchNotesTyping(browser) {
  const greenroom = await startGreenroom()
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  try {
    await page.goto(greenroom.url)
    await page.waitForFunction(() => performance.getEntriesByName('greenroom:interactive').length > 0)
    const interviewId = await page.evaluate(async (bytes) => {
      const item = await window.greenroom.createInvitation({
        client: { fields: { name: 'Bench Client', company: '', website: '', timeZone: null, country: '', notes: '' } },
        job: { title: 'Bench job', description: 'A job post.', url: '', budgetType: 'fixed', budget: null, skills: [], postedAt: null },
        message: '',
        receivedAt: null
      })
      const accepted = await window.greenroom.acceptInvitation({ id: item.invitation.id, message: '', terms: null })
      const line = '- Ask about the onboarding funnel, and what **done** means for the first milestone\n'
      let body = '# Notes for the call\n\n'
      while (body.length < bytes) body += line
      await window.greenroom.savePrepNotes({ interviewId: accepted.invitation.interviewId, body: body.slice(0, bytes) })
      return accepted.invitation.interviewId
    }, NOTE_BYTES)
    await page.evaluate((id) => (location.hash = `#/interviews/${id}/prep`), interviewId)
    const editor = page.getByRole('textbox', { name: 'Prep notes' })
    await editor.waitFor()
    await page.evaluate(() => {
      window.__keyToPaint = []
      // Runs before the app's handlers; a timeout queued from the next frame runs after that frame painted.
      window.addEventListener(
        'keydown',
        (event) => {
          const start = event.timeStamp
          requestAnimationFrame(() => setTimeout(() => window.__keyToPaint.push(performance.now() - start), 0))
        },
        true
      )
      const bare = document.createElement('textarea')
      bare.setAttribute('aria-label', 'Bare textarea')
      bare.value = document.querySelector('textarea[aria-label="Prep notes"]').value
      Object.assign(bare.style, {
        position: 'fixed',
        top: '80px',
        left: '300px',
        width: '900px',
        height: '420px',
        zIndex: '10000',
        display: 'none'
      })
      document.body.appendChild(bare)
    })
    const bare = page.getByRole('textbox', { name: 'Bare textarea' })
    const typeInto = async (target, showBare) => {
      await page.evaluate(
        (show) => (document.querySelector('textarea[aria-label="Bare textarea"]').style.display = show ? 'block' : 'none'),
        showBare
      )
      await target.focus()
      await page.keyboard.press('Control+End')
      await new Promise((resolve) => setTimeout(resolve, 200))
      await page.evaluate(() => (window.__keyToPaint = []))
      for (let burst = 0; burst < BURSTS; burst++) {
        for (let key = 0; key < KEYS_PER_BURST; key++) {
          await page.keyboard.press(key === KEYS_PER_BURST - 1 ? 'Enter' : 'abcdefghij'[key % 10])
          await new Promise((resolve) => setTimeout(resolve, 30))
        }
        await new Promise((resolve) => setTimeout(resolve, 600)) // long enough for the autosave to run
      }
      return page.evaluate(() => window.__keyToPaint.slice())
    }
    const app = []
    const baseline = []
    for (let round = 0; round < 2; round++) {
      baseline.push(...(await typeInto(bare, true)))
      app.push(...(await typeInto(editor, false)))
    }
    const saved = await page.evaluate(
      (id) => window.greenroom.getPrepRoom({ interviewId: id }).then((room) => room.notes.body.length),
      interviewId
    )
    if (saved < NOTE_BYTES) throw new Error('The notes editor did not save what was typed')
    report(
      `notes editor: key to next paint with a 200 KB note (baseline: bare textarea with the same text in the same page), p95 of ${app.length} keys`,
      'ms',
      p95(app),
      p95(baseline)
    )
    report(
      `notes editor: key to next paint with a 200 KB note (baseline: bare textarea, same page), median of ${app.length} keys`,
      'ms',
      median(app),
      median(baseline)
    )
  } finally {
    await context.close()
    greenroom.stop()
  }
}

/** Compiles the TypeScript pipeline bench against the real services, then runs it. */
async function benchPipelineAtScale() {
  const outDir = join(root, 'out/bench') // inside the project, so 'sqlite3' resolves from node_modules
  await build({
    configFile: false,
    logLevel: 'silent',
    root,
    build: {
      ssr: join(root, 'bench/pipeline.ts'),
      outDir,
      rollupOptions: { external: ['sqlite3'], output: { format: 'esm', entryFileNames: 'pipeline.mjs' } }
    }
  })
  const { benchPipeline } = await import(join(outDir, 'pipeline.mjs'))
  await benchPipeline()
}

const CALL_ROUNDS = 3

/** In-page: a bare RTCPeerConnection pair with the camera, from getUserMedia to the first remote frame painted. */
async function bareFirstFrameMs(page) {
  return page.evaluate(async () => {
    const start = performance.now()
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true })
    const a = new RTCPeerConnection()
    const b = new RTCPeerConnection()
    a.onicecandidate = (event) => event.candidate && b.addIceCandidate(event.candidate)
    b.onicecandidate = (event) => event.candidate && a.addIceCandidate(event.candidate)
    for (const track of stream.getTracks()) a.addTrack(track, stream)
    const video = document.createElement('video')
    video.muted = true
    document.body.append(video)
    const frame = new Promise((resolve) => {
      b.ontrack = (event) => {
        if (event.track.kind !== 'video') return
        video.srcObject = event.streams[0]
        void video.play()
        video.requestVideoFrameCallback(() => resolve())
      }
    })
    await a.setLocalDescription(await a.createOffer())
    await b.setRemoteDescription(a.localDescription)
    await b.setLocalDescription(await b.createAnswer())
    await a.setRemoteDescription(b.localDescription)
    await frame
    const ms = performance.now() - start
    a.close()
    b.close()
    video.remove()
    for (const track of stream.getTracks()) track.stop()
    return ms
  })
}

/**
 * The call room: from the guest pressing "Join call" (devices already checked) to the first
 * remote video frame painted on both sides, with the host accepting the ring at once;
 * next to a bare RTCPeerConnection pair in the same Chromium.
 */
async function benchCall() {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
  const greenroom = await startGreenroom()
  try {
    const joined = []
    const bare = []
    for (let round = 0; round < CALL_ROUNDS; round++) {
      const hostContext = await browser.newContext()
      const host = await hostContext.newPage()
      await host.goto(greenroom.url)
      await host.waitForFunction(() => performance.getEntriesByName('greenroom:interactive').length > 0)
      const id = await host.evaluate(async () => {
        await window.greenroom.updateSettings({ userName: 'Sam Rivera' })
        const item = await window.greenroom.createInvitation({
          client: { fields: { name: 'Maya Chen', company: '', website: '', timeZone: null, country: '', notes: '' } },
          job: { title: 'Bench call', description: '', url: '', budgetType: 'hourly', budget: 50, skills: [], postedAt: null },
          message: '',
          receivedAt: null
        })
        return (await window.greenroom.acceptInvitation({ id: item.invitation.id, message: '', terms: null })).invitation.interviewId
      })
      await host.goto(`${new URL(greenroom.url).origin}/#/interviews/${id}/call`)
      const link = await host.getByRole('textbox', { name: 'Invite link' }).inputValue()
      const guestContext = await browser.newContext()
      const guest = await guestContext.newPage()
      await guest.goto(link)
      await guest.getByRole('textbox', { name: 'Your name' }).fill('Maya Chen')
      await guest.getByLabel('Your camera preview').waitFor()
      const firstFrame = (page, label) =>
        page
          .getByLabel(label, { exact: true })
          .evaluate((video) => new Promise((resolve) => video.requestVideoFrameCallback(() => resolve())), undefined, { timeout: 30_000 })

      const start = performance.now()
      await guest.getByRole('button', { name: 'Join call' }).click()
      await host.getByRole('button', { name: 'Accept' }).click({ timeout: 30_000 })
      await Promise.all([firstFrame(guest, 'Video from Sam Rivera'), firstFrame(host, 'Video from Maya Chen')])
      joined.push(performance.now() - start)

      // A plain page of the same origin (a secure context, so the camera opens), holding nothing of the app.
      const blank = await guestContext.newPage()
      await blank.goto(`${new URL(link).origin}/`)
      const bareStart = performance.now()
      await bareFirstFrameMs(blank)
      bare.push(performance.now() - bareStart)
      await hostContext.close()
      await guestContext.close()
    }
    report(
      `call room: guest presses Join to first remote video frame on both sides, host accepting at once (baseline: bare RTCPeerConnection pair to first frame, same Chromium), median of ${CALL_ROUNDS}`,
      'ms',
      median(joined),
      median(bare)
    )
  } finally {
    greenroom.stop()
    await browser.close()
  }
}

/** Compiles the TypeScript media bench (it shares the speech-in-noise maker with the e2e test), then runs it. */
async function benchMedia(group) {
  const outDir = join(root, 'out/bench')
  await build({
    configFile: false,
    logLevel: 'silent',
    root,
    build: {
      ssr: join(root, 'bench/media.ts'),
      outDir,
      emptyOutDir: false,
      rollupOptions: { external: ['playwright-core'], output: { format: 'esm', entryFileNames: 'media.mjs' } }
    }
  })
  const { benchNoiseSuppression, benchBackgroundBlur } = await import(join(outDir, 'media.mjs'))
  if (group === 'noise') await benchNoiseSuppression(startGreenroom, findChromium(), report)
  else await benchBackgroundBlur(startGreenroom, findChromium(), report)
}

/** Join-to-first-frame through the relay between simulated home networks (bench/home-networks.ts; needs root). */
async function benchHomeNetworksGroup() {
  const outDir = join(root, 'out/bench-home-networks') // inside the project, so 'playwright-core' resolves from node_modules
  await build({
    root,
    logLevel: 'silent',
    configFile: false,
    build: {
      ssr: join(root, 'bench/home-networks.ts'),
      outDir,
      rollupOptions: { external: ['playwright-core'], output: { format: 'esm', entryFileNames: 'home-networks.mjs' } }
    }
  })
  const { benchHomeNetworks } = await import(join(outDir, 'home-networks.mjs'))
  await benchHomeNetworks(report, root)
}

// `npm run bench -- notes` runs one group: startup, round-trip, connection-test, call, home-networks, noise, blur, pipeline or notes.
const only = process.argv[2]
const wanted = (group) => !only || only === group

async function main() {
  buildIfNeeded()
  const emptyPageDir = join(temp, 'empty-page')
  await build({ root: join(root, 'bench/empty-page'), logLevel: 'silent', configFile: false, build: { outDir: emptyPageDir } })
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
  try {
    if (wanted('startup')) await benchColdStart(browser, emptyPageDir)
    if (wanted('round-trip')) await benchRoundTrip(browser)
    if (wanted('notes')) await benchNotesTyping(browser)
  } finally {
    await browser.close()
  }
  if (wanted('connection-test')) await benchConnectionTest()
  if (wanted('call')) await benchCall()
  if (wanted('noise')) await benchMedia('noise')
  if (wanted('blur')) await benchMedia('blur')
  if (wanted('home-networks')) await benchHomeNetworksGroup()
  try {
    if (wanted('pipeline')) await benchPipelineAtScale()
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
