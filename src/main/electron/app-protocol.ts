import type { Protocol } from 'electron'
import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

/** The app's own scheme and host: the renderer is served at app://greenroom/… instead of file://. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'greenroom'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  // WebAssembly.instantiateStreaming (the noise filter) insists on this type.
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4'
}

/**
 * Registered before the app is ready: standard (real origin, relative URLs, localStorage) and
 * secure (camera and microphone need a secure context), with fetch for the page's own assets.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } }
  ])
}

/**
 * The file inside `rendererDir` an app:// request names, or null for anything else: another
 * host, an encoded or plain `..`, a backslash, an absolute or drive path, a NUL byte.
 */
export function rendererFileFor(rendererDir: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password || url.port) return null
  // The URL parser already folded plain `..` segments; what is left is checked once decoded.
  const raw = url.pathname === '/' ? '/index.html' : url.pathname
  let path: string
  try {
    path = decodeURIComponent(raw)
  } catch {
    return null
  }
  if (/[\\\0]/.test(path) || path.split('/').some((segment) => segment === '..' || segment === '.')) return null
  const relativePath = path.replace(/^\/+/, '')
  if (relativePath === '' || isAbsolute(relativePath) || /^[a-z]:/i.test(relativePath)) return null
  const root = resolve(rendererDir)
  const file = resolve(root, relativePath)
  const inside = relative(root, file)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null
  return file
}

const META_CSP = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i

/**
 * A page's own CSP (the meta tag, with the hash the build wrote), also sent as a header: the
 * policy then holds from the first byte, and it can forbid framing, which a meta tag cannot.
 */
export function pagePolicyHeader(html: string): string | null {
  const policy = META_CSP.exec(html)?.[1]?.trim()
  return policy ? `${policy.replace(/;\s*$/, '')}; frame-ancestors 'none'` : null
}

function refuse(status: 403 | 404): Response {
  return new Response(status === 404 ? 'Not found' : 'Forbidden', { status, headers: { 'content-type': 'text/plain; charset=utf-8' } })
}

/**
 * Answers app:// requests with files from the built renderer folder, and nothing else: a
 * request outside it is refused, as is a symbolic link that leads out of it.
 */
export function createRendererResponder(rendererDir: string): (request: Pick<Request, 'url' | 'method'>) => Promise<Response> {
  const root = resolve(rendererDir)
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(403)
    const file = rendererFileFor(root, request.url)
    if (!file) return refuse(403)
    try {
      const real = await realpath(file)
      const realRoot = await realpath(root)
      if (!real.startsWith(realRoot + sep)) return refuse(403)
      if (!(await stat(real)).isFile()) return refuse(404)
      const type = extname(real).toLowerCase()
      const content = await readFile(real)
      const headers: Record<string, string> = {
        'content-type': MIME_TYPES[type] ?? 'application/octet-stream',
        'x-content-type-options': 'nosniff'
      }
      const policy = type === '.html' ? pagePolicyHeader(content.toString('utf8')) : null
      // Reviewed (CSP_GLOBAL_CHECK): the value is the page's own built policy, which the scan reads in index.html.
      if (policy) headers['content-security-policy'] = policy // eng-disable CSP_GLOBAL_CHECK
      return new Response(request.method === 'HEAD' ? null : content, { status: 200, headers })
    } catch {
      return refuse(404)
    }
  }
}

/** Serves the built renderer on app://greenroom/ (call once the app is ready). */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createRendererResponder(rendererDir))
}
