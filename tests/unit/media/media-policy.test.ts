import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { strictCspLoader } from '../../../build/strict-csp'
import { GUEST_PAGE_CSP, startSignalingServer, type SignalingServer } from '../../../src/main/services/signaling/server'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
const servers: SignalingServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

const scriptSrc = (policy: string) => /script-src ([^;]*)/.exec(policy)![1]!.trim().split(/\s+/)

describe('the pages’ policies let the media processors run, and nothing more', () => {
  // Noise suppression and blur compile WebAssembly: that needs 'wasm-unsafe-eval', never 'unsafe-eval'.
  it('lets the app compile WebAssembly but still run only its own hashed loader and what that loads', async () => {
    const source = await readFile(join(__dirname, '../../../src/renderer/index.html'), 'utf8')
    const plugin = strictCspLoader('browser-bridge.js') as any
    plugin.configResolved({ command: 'build' })
    const built = plugin.transformIndexHtml.handler(source.replace('src="./src/main.tsx"', 'crossorigin src="./assets/index-abc.js"'))
    const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(built)![1]!
    const sources = scriptSrc(policy)
    expect(sources).toHaveLength(3)
    expect(sources[0]).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/)
    expect(sources.slice(1)).toEqual(["'strict-dynamic'", "'wasm-unsafe-eval'"])
  })

  it('lets the guest page compile WebAssembly from its own scripts only', () => {
    expect(scriptSrc(GUEST_PAGE_CSP)).toEqual(["'self'", "'wasm-unsafe-eval'"])
  })

  it('serves the guest page’s WebAssembly, model and graph with their types, from its assets folder', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'assets'))
    await writeFile(join(dir, 'guest.html'), '<!doctype html><title>Greenroom call</title>')
    for (const name of ['blur-abc.wasm', 'model-abc.tflite', 'graph-abc.binarypb']) await writeFile(join(dir, 'assets', name), 'x')
    const server = await startSignalingServer({ guestPageDir: dir })
    servers.push(server)
    const typeOf = async (name: string) => (await fetch(`${server.url}/join/assets/${name}`)).headers.get('content-type')
    await expect(typeOf('blur-abc.wasm')).resolves.toBe('application/wasm')
    await expect(typeOf('model-abc.tflite')).resolves.toBe('application/octet-stream')
    await expect(typeOf('graph-abc.binarypb')).resolves.toBe('application/octet-stream')
  })
})
