import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startBrowserHost, type BrowserHost } from '../../src/main/browser-host'
import { createCore, type Core } from '../../src/main/core'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
const running: { host: BrowserHost; core: Core }[] = []

afterEach(async () => {
  for (const { host, core } of running.splice(0)) {
    await host.close()
    await core.close()
  }
})

async function start() {
  const rendererDir = await tempDir()
  await writeFile(join(rendererDir, 'index.html'), '<html><head><script type="module" src="./app.js"></script></head></html>')
  await writeFile(join(rendererDir, 'app.js'), 'console.log("app")')
  await mkdir(join(rendererDir, 'assets'))
  const core = await createCore({ dataDir: await tempDir(), mode: 'browser', version: 'test', systemTimeZone: () => 'UTC' })
  const host = await startBrowserHost({ core, rendererDir, port: 0 })
  running.push({ host, core })
  return { host, core, base: `http://127.0.0.1:${host.port}` }
}

function cookieFor(host: BrowserHost): string {
  return `greenroom_token_${host.port}=${host.token}`
}

/** Opens the RPC socket; resolves with the socket, or rejects with the HTTP status it was refused with. */
function openSocket(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_request, response) => reject(new Error(`refused ${response.statusCode}`)))
    ws.once('error', reject)
  })
}

function call(ws: WebSocket, message: unknown): Promise<any> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const parsed = JSON.parse(data.toString())
      if ('result' in parsed) {
        ws.off('message', onMessage)
        resolve(parsed)
      }
    }
    ws.on('message', onMessage)
    ws.send(typeof message === 'string' ? message : JSON.stringify(message))
  })
}

describe('the browser host', () => {
  it('listens on 127.0.0.1 only, on a port of its own choosing', async () => {
    const { host } = await start()
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/)
    expect(host.port).toBeGreaterThan(0)
  })

  it('refuses a page request without the token', async () => {
    const { base } = await start()
    const response = await fetch(`${base}/`)
    expect(response.status).toBe(403)
    expect(await response.text()).toMatch(/missing its key/)
  })

  it('refuses a wrong token', async () => {
    const { base } = await start()
    const response = await fetch(`${base}/?token=guess`, { redirect: 'manual' })
    expect(response.status).toBe(403)
  })

  it('trades the token in the link for a cookie and then serves the app', async () => {
    const { host, base } = await start()
    const first = await fetch(host.url, { redirect: 'manual' })
    expect(first.status).toBe(303)
    expect(first.headers.get('location')).toBe('/')
    expect(first.headers.get('set-cookie')).toMatch(new RegExp(`^${cookieFor(host)}; HttpOnly; SameSite=Strict`))

    const page = await fetch(`${base}/`, { headers: { cookie: cookieFor(host) } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('app.js')
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('serves nothing outside the renderer folder', async () => {
    const { host, base } = await start()
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/../../x']) {
      const response = await fetch(`${base}${path}`, { headers: { cookie: cookieFor(host) } })
      expect(response.status, path).toBe(404)
    }
  })

  it('refuses an RPC connection without the token', async () => {
    const { host } = await start()
    await expect(openSocket(`ws://127.0.0.1:${host.port}/rpc`)).rejects.toThrow('refused 401')
  })

  it('refuses an RPC connection from another web origin even with the cookie', async () => {
    const { host } = await start()
    await expect(
      openSocket(`ws://127.0.0.1:${host.port}/rpc`, { cookie: cookieFor(host), origin: 'https://evil.example' })
    ).rejects.toThrow('refused 401')
  })

  it('answers calls over the socket and pushes events', async () => {
    const { host } = await start()
    const ws = await openSocket(`ws://127.0.0.1:${host.port}/rpc`, {
      cookie: cookieFor(host),
      origin: `http://127.0.0.1:${host.port}`
    })
    const events: unknown[] = []
    ws.on('message', (data) => {
      const parsed = JSON.parse(data.toString())
      if (parsed.event) events.push(parsed)
    })
    const reply = await call(ws, { id: 1, method: 'updateSettings', input: { userName: 'Ana' } })
    expect(reply).toMatchObject({ id: 1, result: { ok: true, value: { userName: 'Ana' } } })
    await expect.poll(() => events).toEqual([{ event: 'settingsChanged', payload: reply.result.value }])
    ws.close()
  })

  it('answers malformed messages with a typed error, changes nothing and keeps the connection', async () => {
    const { host, core } = await start()
    const ws = await openSocket(`ws://127.0.0.1:${host.port}/rpc?token=${host.token}`)
    const before = await core.handlers.getSettings()

    expect(await call(ws, 'not json{')).toEqual({
      id: null,
      result: { ok: false, error: { code: 'INVALID_INPUT', message: 'Malformed message: not JSON' } }
    })
    expect((await call(ws, { method: 'getSettings' })).result.error.code).toBe('INVALID_INPUT')
    expect((await call(ws, { id: 2, method: 'nope' })).result.error.code).toBe('UNKNOWN_METHOD')
    const bad = await call(ws, { id: 3, method: 'updateSettings', input: { userName: 'Eve', defaultCallMinutes: -5 } })
    expect(bad.result.error.code).toBe('INVALID_INPUT')

    expect(await core.handlers.getSettings()).toEqual(before)
    expect((await call(ws, { id: 4, method: 'getSettings' })).result.ok).toBe(true)
    ws.close()
  })

  it('serves a sample file to the token holder only, as its checked type', async () => {
    const { core, host, base } = await start()
    const pdf = Buffer.from('%PDF-1.7\nhello\n%%EOF\n')
    const sample = await core.handlers.addSampleFile({
      title: 'Case',
      tags: [],
      proves: '',
      fileName: 'Case study.pdf',
      dataBase64: pdf.toString('base64')
    })
    const opened = await core.handlers.openSample({ id: sample.id })
    expect(opened).toEqual({ kind: 'url', url: `/samples/${sample.id}/Case%20study.pdf` })
    const url = `${base}${opened.kind === 'url' ? opened.url : ''}`
    expect((await fetch(url)).status).toBe(403)
    const response = await fetch(url, { headers: { cookie: cookieFor(host) } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''Case%20study.pdf")
    expect(Buffer.from(await response.arrayBuffer())).toEqual(pdf)
    const missing = await fetch(`${base}/samples/../greenroom.db`, { headers: { cookie: cookieFor(host) } })
    expect(missing.status).toBe(404)
    const unknown = await fetch(`${base}/samples/5b0c4c3e-3f52-4d2f-9a51-2b4a3c1d0e9f/x.pdf`, { headers: { cookie: cookieFor(host) } })
    expect(unknown.status).toBe(404)
  })
})
