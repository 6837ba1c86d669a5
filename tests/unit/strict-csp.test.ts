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

  it('gives the dev server a relaxed policy instead', () => {
    expect(transform('serve', SOURCE_HTML)).toContain("script-src 'self' 'unsafe-inline';")
  })

  it('refuses a page whose CSP lost its placeholder', () => {
    expect(() => transform('build', SOURCE_HTML.replace("'sha256-LOADER-HASH-SET-BY-BUILD'", "'self'"))).toThrow(/lacks/)
  })
})
