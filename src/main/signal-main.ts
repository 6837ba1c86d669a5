import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOMS_PATH } from '../shared/signaling'
import { keepServing, parseCommandLine, parsePort, runCommand, UsageError } from './cli'
import { startSignalingServer } from './services/signaling/server'

/**
 * `npm run signal -- [--port N] [--host H] [--public-url URL] [--secret-file FILE] [--allow-origin ORIGIN…]`: the call
 * rooms' signaling server on its own, for a host both parties reach. The app's hosts create
 * rooms with POST /rooms and the admin secret: from GREENROOM_SIGNAL_SECRET, the first line
 * of --secret-file, or else a new one printed below.
 */
const USAGE =
  'Usage: npm run signal -- [--port N] [--host H] [--public-url URL] [--secret-file FILE] [--allow-origin ORIGIN]...\n' +
  '  --port        port to listen on; 0 (the default) picks a free one\n' +
  '  --host        interface to listen on; 127.0.0.1 by default, 0.0.0.0 for every one\n' +
  '  --public-url  the address both parties reach this server at, for invite links\n' +
  '                (for example https://signal.example.com behind a TLS proxy)\n' +
  '  --secret-file a file whose first line is the admin secret for POST /rooms\n' +
  '                (or set GREENROOM_SIGNAL_SECRET; without either a new one is made)\n' +
  '  --allow-origin a web page origin, besides the public address, whose pages may open the\n' +
  '                call socket (repeat for more); the guest page, the desktop app (file://)\n' +
  '                and apps that send no Origin need none. For example\n' +
  '                --allow-origin http://127.0.0.1:5000 for Greenroom in browser mode on that port'

/** The Origin Chromium sends for the desktop app's own pages. */
const DESKTOP_APP_ORIGIN = 'file://'

interface Options {
  port: number
  host: string
  publicUrl: string | undefined
  secret: string | undefined
  allowedOrigins: string[]
}

function parseOptions(): Options {
  const values = parseCommandLine(
    {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      'public-url': { type: 'string' },
      'secret-file': { type: 'string' },
      'allow-origin': { type: 'string', multiple: true, default: [] }
    },
    USAGE
  )
  const port = parsePort(values.port)
  const publicUrl = values['public-url']
  if (publicUrl !== undefined) {
    let url: URL | null = null
    try {
      url = new URL(publicUrl)
    } catch {
      url = null
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
      throw new UsageError(`--public-url must be an http(s) address such as https://signal.example.com, not "${publicUrl}"`)
    }
  }
  let secret = process.env.GREENROOM_SIGNAL_SECRET || undefined
  const secretFile = values['secret-file']
  if (secretFile !== undefined) {
    try {
      secret = readFileSync(secretFile, 'utf8').split(/\r?\n/)[0]?.trim() || undefined
    } catch (error) {
      throw new UsageError(`--secret-file could not be read: ${error instanceof Error ? error.message : String(error)}`)
    }
    if (!secret) throw new UsageError(`--secret-file ${secretFile} is empty`)
  }
  if (secret !== undefined && secret.length < 16) throw new UsageError('The admin secret must be at least 16 characters long')
  // The desktop app's window (Chromium sends file:// for its pages) is always let in: every
  // user of the desktop app would otherwise be turned away without a word from the browser.
  const allowedOrigins = [...new Set([DESKTOP_APP_ORIGIN, ...values['allow-origin'].map(parseOrigin)])]
  return { port, host: values.host, publicUrl, secret, allowedOrigins }
}

/** An --allow-origin value as browsers send it in the Origin header: scheme, host and port only. */
function parseOrigin(text: string): string {
  if (text === 'file://') return text
  let url: URL | null = null
  try {
    url = new URL(text)
  } catch {
    url = null
  }
  const bare = url !== null && url.pathname === '/' && !url.search && !url.hash && !url.username && !text.endsWith('#') && !text.endsWith('?')
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !bare) {
    throw new UsageError(`--allow-origin must be an origin such as https://app.example.com or http://127.0.0.1:5000 (no path), or file://, not "${text}"`)
  }
  return url.origin
}

async function main(): Promise<void> {
  const options = parseOptions()
  keepServing('The signaling server')
  const generated = options.secret === undefined
  const adminSecret = options.secret ?? randomBytes(32).toString('base64url')
  const server = await startSignalingServer({
    port: options.port,
    host: options.host,
    adminSecret,
    // The guest's call page, from the built app next to this script.
    guestPageDir: join(__dirname, '../renderer'),
    allowedOrigins: options.allowedOrigins,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {})
  })

  console.log(`Greenroom signaling server listening on http://${server.host.includes(':') ? `[${server.host}]` : server.host}:${server.port}`)
  console.log(`Public address: ${server.url} (WebSocket ${server.signalUrl})`)
  console.log(`Pages allowed besides the guest page: ${options.allowedOrigins.join(', ')}`)
  console.log(`Rooms: POST ${server.url}${ROOMS_PATH} with "Authorization: Bearer <admin secret>"`)
  if (generated) {
    console.log(`Admin secret (new for this run; set GREENROOM_SIGNAL_SECRET or --secret-file to keep one): ${adminSecret}`)
  }
  if (!options.publicUrl && (options.host === '0.0.0.0' || options.host === '::')) {
    console.log('Note: invite links name the listening address; pass --public-url with the address guests reach.')
  }
  console.log('Press Ctrl+C to stop.')

  let stopping = false
  const stop = async (): Promise<void> => {
    if (stopping) return
    stopping = true
    await server.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

runCommand(main, 'The signaling server', USAGE)
