import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  APP_ENTRY_URL,
  createRendererResponder,
  pagePolicyHeader,
  registerAppScheme,
  rendererFileFor,
  serveRenderer
} from '../../../src/main/electron/app-protocol'

vi.mock('electron', () => ({}))

const PAGE_POLICY = "default-src 'self'; script-src 'sha256-abc' 'strict-dynamic'; object-src 'none'"

// A built renderer folder with a secret next to it, which no app:// URL may reach.
let root = ''
let renderer = ''
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'greenroom-protocol-'))
  renderer = join(root, 'out', 'renderer')
  await mkdir(join(renderer, 'assets'), { recursive: true })
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PAGE_POLICY}" />`
  await writeFile(join(renderer, 'index.html'), `<!doctype html>${meta}<div id="root"></div>`)
  await writeFile(join(renderer, 'assets', 'index-abc.js'), 'console.log("app")')
  await writeFile(join(renderer, 'assets', 'rnnoise.wasm'), Buffer.from([0, 97, 115, 109]))
  await writeFile(join(root, 'out', 'secret.txt'), 'SECRET')
  await writeFile(join(root, 'secret.txt'), 'SECRET')
  await symlink(join(root, 'secret.txt'), join(renderer, 'assets', 'link.txt'))
})
afterAll(() => rm(root, { recursive: true, force: true }))

const get = (url: string, method = 'GET') => createRendererResponder(renderer)({ url, method })

describe('the app:// scheme', () => {
  it('is registered standard and secure, and handled on "app"', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }
    registerAppScheme(protocol)
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) }
    ])
    serveRenderer(protocol, renderer)
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
    expect(APP_ENTRY_URL).toBe('app://greenroom/index.html')
  })

  it('serves the renderer’s files with their types, the page at the root too', async () => {
    const page = await get('app://greenroom/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await page.text()).toContain('id="root"')
    expect(await (await get('app://greenroom/')).text()).toContain('id="root"')
    const script = await get('app://greenroom/assets/index-abc.js?v=1#top')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('console.log("app")')
    expect((await get('app://greenroom/assets/rnnoise.wasm')).headers.get('content-type')).toBe('application/wasm')
  })

  it('sends the page’s own CSP as a header too, which also forbids framing it', async () => {
    const page = await get('app://greenroom/index.html')
    expect(page.headers.get('content-security-policy')).toBe(`${PAGE_POLICY}; frame-ancestors 'none'`)
    expect((await get('app://greenroom/assets/index-abc.js')).headers.get('content-security-policy')).toBeNull()
  })

  it('carries the built page’s policy, hash included, unchanged onto the app scheme', async () => {
    const { readFileSync, existsSync } = await import('node:fs')
    const built = join(__dirname, '../../../out/renderer/index.html')
    if (!existsSync(built)) return expect.fail('build the app first (npm run build)')
    const header = pagePolicyHeader(readFileSync(built, 'utf8'))!
    expect(header).toMatch(/^default-src 'self'; script-src 'sha256-[A-Za-z0-9+/=]+' 'strict-dynamic'( 'wasm-unsafe-eval')?;/)
    expect(header).not.toContain('file:')
  })

  it('answers a missing file or a folder with 404', async () => {
    expect((await get('app://greenroom/assets/missing.js')).status).toBe(404)
    expect((await get('app://greenroom/assets')).status).toBe(404)
  })

  it.each([
    'app://greenroom/../secret.txt',
    'app://greenroom/%2e%2e/secret.txt',
    'app://greenroom/%2E%2E/%2e%2e/secret.txt',
    'app://greenroom/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://greenroom/..%2f..%2fsecret.txt',
    'app://greenroom/..%5c..%5csecret.txt',
    'app://greenroom/assets\\..\\..\\secret.txt',
    'app://greenroom/%252e%252e/secret.txt',
    `app://greenroom/${encodeURIComponent(join(root, 'secret.txt'))}`,
    'app://greenroom//etc/passwd',
    'app://greenroom/C:%5cWindows%5cwin.ini',
    'app://greenroom/index.html%00.png',
    'app://greenroom/%E0%A4%A',
    'app://greenroom/assets/link.txt',
    'app://evil/index.html',
    'app://greenroom:81/index.html',
    'app://user@greenroom/index.html',
    'file:///etc/passwd'
  ])('never serves anything outside the renderer folder: %s', async (url) => {
    const response = await get(url)
    expect(response.status, url).not.toBe(200)
    expect(await response.text()).not.toContain('SECRET')
  })

  it('refuses what it cannot place in the folder before touching the disk', () => {
    for (const url of ['app://greenroom/..%2fsecret.txt', 'app://greenroom/a%5cb', 'app://greenroom/a%00b', 'app://other/index.html']) {
      expect(rendererFileFor(renderer, url), url).toBeNull()
    }
    expect(rendererFileFor(renderer, 'app://greenroom/assets/index-abc.js')).toBe(join(renderer, 'assets', 'index-abc.js'))
  })

  it('only reads: other methods are refused', async () => {
    expect((await get('app://greenroom/index.html', 'POST')).status).toBe(403)
    const head = await get('app://greenroom/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})
