import { createHash } from 'node:crypto'
import type { OutputBundle } from 'rolldown'
import type { Plugin } from 'vite'

const PLACEHOLDER = "'sha256-LOADER-HASH-SET-BY-BUILD'"

/**
 * The page's CSP allows exactly one script by its SHA-256, plus what that script loads
 * ('strict-dynamic'). At build time this replaces the entry <script src> with a small
 * inline loader and writes the loader's hash into the CSP. The loader brings in the
 * WebSocket bridge first when no preload defined window.greenroom (browser mode), so one
 * built page serves both hosts. The dev server, which injects inline scripts of its own,
 * gets a relaxed policy that is never built into the app. Pages named in headerPolicyPages
 * get their policy from the server that serves them (a header) and are left as they are.
 */
/** The chunks `fileName` imports statically, directly or through another chunk. */
function staticImports(bundle: OutputBundle | undefined, fileName: string, found = new Set<string>()): Set<string> {
  const chunk = bundle?.[fileName]
  if (chunk?.type !== 'chunk') return found
  for (const file of chunk.imports) {
    if (found.has(file)) continue
    found.add(file)
    staticImports(bundle, file, found)
  }
  return found
}

export function strictCspLoader(bridgeScript: string, options: { headerPolicyPages?: string[] } = {}): Plugin {
  let serving = false
  return {
    name: 'greenroom:strict-csp-loader',
    configResolved(config) {
      serving = config.command === 'serve'
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        // Pages whose server sends their policy as a header (the guest page) are left alone.
        const page = context?.filename ?? context?.path ?? ''
        if ((options.headerPolicyPages ?? []).some((name) => page.endsWith(`/${name}`))) return html
        if (!html.includes(PLACEHOLDER)) throw new Error(`strict-csp-loader: index.html's CSP lacks ${PLACEHOLDER}`)
        if (serving) return html.replace(`${PLACEHOLDER} 'strict-dynamic'`, "'self' 'unsafe-inline'")

        const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html)
        const entrySrc = entry?.[1]
        if (!entry || !entrySrc) throw new Error('strict-csp-loader: no module entry script in index.html')
        // Scripts added from script count as non-parser-inserted, which 'strict-dynamic' trusts
        // (an import() from this parser-inserted script would not be).
        const loader =
          'const load = (src) => new Promise((resolve, reject) => {' +
          " const script = Object.assign(document.createElement('script'), { type: 'module', src });" +
          ' script.onload = resolve; script.onerror = reject; document.head.append(script) });' +
          `if (!('greenroom' in window)) await load(${JSON.stringify(`./${bridgeScript}`)});` +
          `await load(${JSON.stringify(entrySrc)});`
        // The page's entry, the bridge and the bridge's chunks are fetched from the start, beside the
        // page's other chunks and styles (which the HTML preloads already): a script, this loader
        // too, runs only once the styles have arrived, so its own requests would start late. In
        // Electron the preload defines window.greenroom and the bridge (2 KB) is fetched for nothing.
        const earlyFetches = [...staticImports(context?.bundle, bridgeScript), bridgeScript, entrySrc.replace(/^\.\//, '')]
        const preloads = earlyFetches.map((file) => `<link rel="modulepreload" crossorigin href="./${file}">`).join('\n    ')
        const hash = createHash('sha256').update(loader).digest('base64')
        return html.replace(entry[0], `${preloads}\n    <script type="module">${loader}</script>`).replace(PLACEHOLDER, `'sha256-${hash}'`)
      }
    }
  }
}
