import { readFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

/**
 * Built files as Greenroom's servers (the browser host, the signaling server's guest page)
 * serve them; the security headers every response carries come from hardened-server.ts.
 */

/** What each served kind of file is sent as. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  // The media processors' WebAssembly and MediaPipe's model and graph.
  '.wasm': 'application/wasm',
  '.tflite': 'application/octet-stream',
  '.binarypb': 'application/octet-stream'
}

export type StaticFileLookup =
  | { ok: true; file: string; contentType: string | undefined }
  /** bad-address: the path could not be decoded; outside: it leads out of the folder. */
  | { ok: false; refused: 'bad-address' | 'outside' }

/**
 * The file `relativePath` (as it appears in a request, still percent-encoded) names inside
 * `root`, an absolute folder: decoded, normalised, and refused when it leads out of it.
 */
export function fileInside(root: string, relativePath: string): StaticFileLookup {
  let relative: string
  try {
    relative = decodeURIComponent(relativePath)
  } catch {
    return { ok: false, refused: 'bad-address' }
  }
  const file = normalize(join(root, relative))
  if (file !== root && !file.startsWith(root + sep)) return { ok: false, refused: 'outside' }
  return { ok: true, file, contentType: CONTENT_TYPES[extname(file)] }
}

/**
 * Reads `file` and answers 200 with it (no body for HEAD) and `headers`; false, with nothing
 * sent, when it cannot be read, so the caller answers in its own words.
 */
export async function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  file: string,
  headers: Record<string, string>
): Promise<boolean> {
  let body: Buffer
  try {
    body = await readFile(file)
  } catch {
    return false
  }
  response.writeHead(200, headers)
  response.end(request.method === 'HEAD' ? undefined : body)
  return true
}
