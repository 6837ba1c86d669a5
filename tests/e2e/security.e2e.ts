import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { useChromium } from './support/browser'
import { useHosts } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

const host = () => startHost()
const framers: Server[] = []
afterEach(async () => {
  await Promise.all(framers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

/** Another page on 127.0.0.1 (same site as the app, so its cookie goes along) that frames `src`. */
async function framingPage(src: string): Promise<string> {
  const server = createServer((_request, response) =>
    response.end(`<!doctype html><title>Framer</title><iframe title="framed" src="${src}" onload="document.title = 'frame done'"></iframe>`)
  )
  framers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
}

describe('browser mode’s door', () => {
  it('refuses the page without the token and explains what to do', async () => {
    const running = await host()
    const page = await chromium.newPage()
    const response = await page.goto(running.origin + '/')
    expect(response?.status()).toBe(403)
    await page.getByRole('heading', { name: 'This link is missing its key' }).waitFor()
  })

  it('refuses an API call without the token', async () => {
    const running = await host()
    const page = await chromium.newPage()
    await page.goto(running.origin + '/') // same origin, but no token and so no cookie
    const outcome = await page.evaluate(
      (origin) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(origin.replace('http', 'ws') + '/rpc')
          ws.onopen = () => resolve('opened')
          ws.onerror = () => resolve('refused')
        }),
      running.origin
    )
    expect(outcome).toBe('refused')
  })

  it('answers a malformed call with a typed error and changes nothing', async () => {
    const running = await host()
    const page = await chromium.newPage()
    await page.goto(running.url)
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()

    const result = await page.evaluate(async () => {
      const before = await window.greenroom.getSettings()
      const failure = await window.greenroom.updateSettings({ userName: 'Mallory', defaultCallMinutes: 'all day' } as never).then(
        () => null,
        (error: { name: string; code: string; message: string }) => ({
          name: error.name,
          code: error.code,
          message: error.message
        })
      )
      const after = await window.greenroom.getSettings()
      return { before, failure, after }
    })
    expect(result.failure).toEqual({
      name: 'GreenroomError',
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^Invalid input for updateSettings: defaultCallMinutes: /)
    })
    expect(result.after).toEqual(result.before)
    expect(result.after.userName).toBe('')
  })

  it('keeps the app usable after a burst of garbage on its socket', async () => {
    const running = await host()
    const page = await chromium.newPage()
    await page.goto(running.url)
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
    const replies = await page.evaluate(
      (origin) =>
        new Promise<unknown[]>((resolve) => {
          const ws = new WebSocket(origin.replace('http', 'ws') + '/rpc')
          const seen: unknown[] = []
          ws.onmessage = (message) => {
            seen.push(JSON.parse(String(message.data)))
            if (seen.length === 3) resolve(seen)
          }
          ws.onopen = () => {
            ws.send('{{{')
            ws.send(JSON.stringify({ id: 7, method: 'constructor' }))
            ws.send(JSON.stringify({ id: 8, method: 'getSettings' }))
          }
        }),
      running.origin
    )
    expect(replies).toEqual([
      { id: null, result: { ok: false, error: { code: 'INVALID_INPUT', message: 'Malformed message: not JSON' } } },
      { id: 7, result: { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'There is no call named "constructor"' } } },
      { id: 8, result: expect.objectContaining({ ok: true }) }
    ])
    await page.getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
  })

  it('cannot be framed by another page on 127.0.0.1, even in a browser that holds its cookie', async () => {
    const running = await host()
    const page = await chromium.newPage()
    await page.goto(running.url)
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
    const refusals: string[] = []
    page.on('console', (message) => refusals.push(message.text()))

    await page.goto(await framingPage(`${running.origin}/`))
    await page.waitForFunction(() => document.title === 'frame done')
    const framed = page.frames().find((frame) => frame !== page.mainFrame())
    expect(framed?.url()).toMatch(/^chrome-error:/)
    expect(refusals.join('\n')).toMatch(/frame-ancestors 'none'/)
  })
})
