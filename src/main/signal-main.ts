import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createSecureContext } from 'node:tls'
import { ROOMS_PATH } from '../shared/signaling'
import { keepServing, parseCommandLine, parsePort, runCommand, UsageError } from './cli'
import type { TlsFiles } from './services/http/hardened-server'
import { startSignalingServer } from './services/signaling/server'
import { openRoomStore } from './services/signaling/room-store'
import type { IceConfig } from './services/signaling/turn-credentials'

/**
 * `npm run signal -- [--port N] [--host H] [--public-url URL] [--tls-cert FILE --tls-key FILE] [--secret-file FILE] …`: the call
 * rooms' signaling server on its own, for a host both parties reach. The app's hosts create
 * rooms with POST /rooms and the admin secret: from GREENROOM_SIGNAL_SECRET, the first line
 * of --secret-file, or else a new one printed below.
 */
const USAGE =
  'Usage: npm run signal -- [--port N] [--host H] [--public-url URL] [--tls-cert FILE --tls-key FILE]\n' +
  '                         [--turn-secret SECRET --turn-urls URLS] [--stun-urls URLS]\n' +
  '                         [--data-dir DIR | --rooms-file FILE] [--secret-file FILE] [--allow-origin ORIGIN]...\n' +
  '  --port        port to listen on; 0 (the default) picks a free one\n' +
  '  --host        interface to listen on; 127.0.0.1 by default, 0.0.0.0 for every one\n' +
  '  --public-url  the address both parties reach this server at, for invite links\n' +
  '                (for example https://signal.example.com)\n' +
  "  --tls-cert    a certificate chain file (PEM, e.g. Let's Encrypt's fullchain.pem): the server\n" +
  '                speaks HTTPS and WSS itself; without it, plain HTTP for a TLS proxy in front\n' +
  "  --tls-key     the certificate's private key file (PEM, e.g. privkey.pem); with --tls-cert.\n" +
  '                Send the process SIGHUP after renewing them: it reads both files again\n' +
  "  --turn-secret the TURN server's shared secret (coturn's static-auth-secret; or set\n" +
  '                GREENROOM_TURN_SECRET): each participant gets a TURN password of their own,\n' +
  '                valid until their room expires\n' +
  "  --turn-urls   the TURN server's addresses, comma-separated, for example\n" +
  '                turn:turn.example.com:3478?transport=udp,turn:turn.example.com:3478?transport=tcp,\n' +
  '                turns:turn.example.com:5349?transport=tcp\n' +
  '  --stun-urls   STUN addresses, comma-separated (for example stun:turn.example.com:3478)\n' +
  '  --data-dir    a folder for the rooms file (rooms.sqlite), so a restart keeps every live\n' +
  '                invite link; without it (or --rooms-file) rooms are forgotten on restart\n' +
  '  --rooms-file  the rooms file itself, instead of --data-dir\n' +
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
  /** Where the certificate and key are read from (again on SIGHUP). */
  tlsPaths: { cert: string; key: string } | undefined
  ice: IceConfig
  roomsFile: string | undefined
}

function parseOptions(): Options {
  const values = parseCommandLine(
    {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      'public-url': { type: 'string' },
      'secret-file': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'turn-secret': { type: 'string' },
      'turn-urls': { type: 'string' },
      'stun-urls': { type: 'string' },
      'data-dir': { type: 'string' },
      'rooms-file': { type: 'string' },
      'allow-origin': { type: 'string', multiple: true, default: [] }
    },
    USAGE
  )
  const port = parsePort(values.port)
  const publicUrl = values['public-url']
  if (publicUrl !== undefined) {
    let url: URL | null
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
  const cert = values['tls-cert']
  const key = values['tls-key']
  if ((cert === undefined) !== (key === undefined))
    throw new UsageError('--tls-cert and --tls-key go together: give both, or neither for plain HTTP')
  const tlsPaths = cert !== undefined && key !== undefined ? { cert, key } : undefined
  if (tlsPaths) readTls(tlsPaths) // a wrong file is said now, before anything listens
  if (values['data-dir'] !== undefined && values['rooms-file'] !== undefined)
    throw new UsageError('Give --data-dir or --rooms-file, not both')
  let roomsFile = values['rooms-file']
  const dataDir = values['data-dir']
  if (dataDir !== undefined) {
    try {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    } catch (error) {
      throw new UsageError(`--data-dir ${dataDir} could not be made: ${error instanceof Error ? error.message : String(error)}`)
    }
    roomsFile = join(dataDir, 'rooms.sqlite')
  }
  return { port, host: values.host, publicUrl, secret, allowedOrigins, tlsPaths, ice: parseIce(values), roomsFile }
}

/** A comma-separated list of addresses of the given schemes. */
function parseUrls(flag: string, text: string | undefined, schemes: RegExp, example: string): string[] {
  if (text === undefined) return []
  const urls = text
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '')
  const wrong = urls.find((url) => !schemes.test(url) || /\s/.test(url) || url.length > 500)
  if (urls.length === 0 || wrong !== undefined)
    throw new UsageError(`${flag} takes addresses such as ${example}, comma-separated, not "${wrong ?? text}"`)
  if (urls.length > 10) throw new UsageError(`${flag} takes ten addresses at most`)
  return urls
}

function parseIce(values: { 'turn-secret'?: string; 'turn-urls'?: string; 'stun-urls'?: string }): IceConfig {
  const stunUrls = parseUrls('--stun-urls', values['stun-urls'], /^stuns?:/i, 'stun:turn.example.com:3478')
  const turnUrls = parseUrls('--turn-urls', values['turn-urls'], /^turns?:/i, 'turn:turn.example.com:3478?transport=udp')
  const secret = values['turn-secret'] ?? (process.env.GREENROOM_TURN_SECRET || undefined)
  if (turnUrls.length > 0 && secret === undefined) {
    throw new UsageError("--turn-urls needs the TURN server's shared secret: --turn-secret or GREENROOM_TURN_SECRET")
  }
  if (secret !== undefined && turnUrls.length === 0) throw new UsageError("--turn-secret needs the TURN server's addresses: --turn-urls")
  if (secret !== undefined && secret.length < 16) throw new UsageError('The TURN shared secret must be at least 16 characters long')
  return { stunUrls, turn: secret !== undefined ? { secret, urls: turnUrls } : null }
}

/** Reads the certificate and key, and checks they are PEM and belong together. */
function readTls(paths: { cert: string; key: string }): TlsFiles {
  const read = (flag: string, path: string): Buffer => {
    try {
      return readFileSync(path)
    } catch (error) {
      throw new UsageError(`${flag} could not be read: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  const files = { cert: read('--tls-cert', paths.cert), key: read('--tls-key', paths.key) }
  try {
    createSecureContext(files)
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    throw new UsageError(`--tls-cert ${paths.cert} and --tls-key ${paths.key} are not a PEM certificate and its own private key (${why})`)
  }
  return files
}

/** An --allow-origin value as browsers send it in the Origin header: scheme, host and port only. */
function parseOrigin(text: string): string {
  if (text === 'file://') return text
  let url: URL | null
  try {
    url = new URL(text)
  } catch {
    url = null
  }
  const bare =
    url !== null && url.pathname === '/' && !url.search && !url.hash && !url.username && !text.endsWith('#') && !text.endsWith('?')
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !bare) {
    throw new UsageError(
      `--allow-origin must be an origin such as https://app.example.com or http://127.0.0.1:5000 (no path), or file://, not "${text}"`
    )
  }
  return url.origin
}

async function main(): Promise<void> {
  const options = parseOptions()
  keepServing('The signaling server')
  const generated = options.secret === undefined
  const adminSecret = options.secret ?? randomBytes(32).toString('base64url')
  const store = options.roomsFile ? await openRoomStore(options.roomsFile) : undefined
  const server = await startSignalingServer({
    ...(store ? { store } : {}),
    port: options.port,
    host: options.host,
    adminSecret,
    // The guest's call page, from the built app next to this script.
    guestPageDir: join(__dirname, '../renderer'),
    allowedOrigins: options.allowedOrigins,
    ice: options.ice,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.tlsPaths ? { tls: readTls(options.tlsPaths) } : {})
  })

  const scheme = options.tlsPaths ? 'https' : 'http'
  console.log(
    `Greenroom signaling server listening on ${scheme}://${server.host.includes(':') ? `[${server.host}]` : server.host}:${server.port}`
  )
  console.log(`Public address: ${server.url} (WebSocket ${server.signalUrl})`)
  console.log(`Pages allowed besides the guest page: ${options.allowedOrigins.join(', ')}`)
  const turn = options.ice.turn
  console.log(
    turn
      ? `Relay: TURN at ${turn.urls.join(', ')}, with a password per participant valid while their room lives`
      : 'Relay: none (no --turn-secret and --turn-urls): callers behind strict networks may not connect'
  )
  if (options.ice.stunUrls.length > 0) console.log(`STUN: ${options.ice.stunUrls.join(', ')}`)
  console.log(
    options.roomsFile
      ? `Rooms kept in ${options.roomsFile}: a restart keeps every live invite link`
      : 'Rooms are kept in memory only: pass --data-dir so a restart keeps invite links'
  )
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
  const tlsPaths = options.tlsPaths
  if (tlsPaths) {
    // A renewed certificate (certbot's deploy hook, `systemctl reload`) is taken without dropping a call.
    process.on('SIGHUP', () => {
      try {
        server.reloadTls(readTls(tlsPaths))
        console.log('Certificate and key read again.')
      } catch (error) {
        console.error(
          `The renewed certificate was not taken (the old one stays): ${error instanceof Error ? error.message : String(error)}`
        )
      }
    })
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

runCommand(main, 'The signaling server', USAGE)
