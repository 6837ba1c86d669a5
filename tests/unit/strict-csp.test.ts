import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { strictCspLoader } from '../../build/strict-csp'

const SOURCE_HTML = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'sha256-LOADER-HASH-SET-BY-BUILD' 'strict-dynamic'; object-src 'none'">
<script type="module" crossorigin src="./assets/index-abc.js"></script>`

function transform(command: 'build' | 'serve', html: string): string {
  const plugin = strictCspLoader('browser-bridge.js') as any
  plugin.configResolved({ command })
  return plugin.transformIndexHtml.handler(html)
}

describe('the strict CSP loader', () => {
  it('replaces the entry script with an inline loader allowed by exactly its hash', () => {
    const html = transform('build', SOURCE_HTML)
    const loader = /<script type="module">([\s\S]*?)<\/script>/.exec(html)![1]!
    const hash = createHash('sha256').update(loader).digest('base64')
    expect(html).toContain(`script-src 'sha256-${hash}' 'strict-dynamic'`)
    expect(html).not.toContain('src="./assets/index-abc.js"')
    expect(loader).toContain('"./assets/index-abc.js"')
    expect(loader.indexOf('browser-bridge.js')).toBeLessThan(loader.indexOf('index-abc.js'))
  })

  it('asks for the bridge, its chunks and the page’s entry from the start, before the loader runs', () => {
    const plugin = strictCspLoader('browser-bridge.js') as any
    plugin.configResolved({ command: 'build' })
    const bundle = {
      'browser-bridge.js': { type: 'chunk', imports: ['assets/schemas-x.js', 'assets/zod-y.js'] },
      'assets/schemas-x.js': { type: 'chunk', imports: ['assets/zod-y.js', 'assets/luxon-z.js'] }
    }
    const html: string = plugin.transformIndexHtml.handler(SOURCE_HTML, { filename: '/src/index.html', bundle })
    const loader = /<script type="module">([\s\S]*?)<\/script>/.exec(html)![1]!
    expect(html).toContain(`'sha256-${createHash('sha256').update(loader).digest('base64')}'`)
    const preloads = [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((match) => match[1])
    expect(preloads).toEqual([
      './assets/schemas-x.js',
      './assets/zod-y.js',
      './assets/luxon-z.js',
      './browser-bridge.js',
      './assets/index-abc.js'
    ])
    expect(html.indexOf('rel="modulepreload"')).toBeLessThan(html.indexOf('<script type="module">'))
    // Fetched early, but run in order: the page's code expects window.greenroom.
    expect(loader.indexOf('load("./browser-bridge.js")')).toBeLessThan(loader.indexOf('load("./assets/index-abc.js")'))
  })

  it('gives the dev server a relaxed policy instead', () => {
    expect(transform('serve', SOURCE_HTML)).toContain("script-src 'self' 'unsafe-inline';")
  })

  it('refuses a page whose CSP lost its placeholder', () => {
    expect(() => transform('build', SOURCE_HTML.replace("'sha256-LOADER-HASH-SET-BY-BUILD'", "'self'"))).toThrow(/lacks/)
  })
})
