import WebSocket from 'ws'
import type { ServerCheck, ServerCheckStep } from '../../../shared/call'
import { createdRoomSchema, retireRoomPath, ROOMS_PATH, serverMessageSchema, type RoomIceServer } from '../../../shared/signaling'

/**
 * Settings → Call rooms → "Check this server", the part main does: the address answers over
 * HTTPS as a Greenroom signaling server, its call socket opens for this app's pages, and a
 * room is made with the admin secret and joined, which hands back the TURN servers and
 * passwords it mints. The renderer then gathers relay candidates with them (it owns
 * RTCPeerConnection). The test room is retired at once. Every failure comes with its fix.
 */

const WAIT_MS = 10_000

const trimSlash = (url: string) => url.replace(/\/+$/, '')

/** Why a request failed, in plain words, from Node's error (the cause holds the system's code). */
function networkReason(error: unknown, host: string): { detail: string; fix: string } {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause ?? (error as { code?: string; message?: string })
  const code = cause?.code ?? ''
  if ((error as Error)?.name === 'TimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    return {
      detail: 'No answer within 10 seconds.',
      fix: `Check that ${host} is the server’s name and that port 443 (or the one in the address) is open in its firewall.`
    }
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return {
      detail: `The name ${host} is not known.`,
      fix: 'Check the address for typing mistakes, and that its DNS record points to your server (it can take an hour to spread).'
    }
  }
  if (code === 'ECONNREFUSED') {
    return {
      detail: `${host} refused the connection: nothing listens there.`,
      fix: 'Start the signaling server (systemctl status greenroom-signal) and check the port in the address.'
    }
  }
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|HOSTNAME/i.test(code) || /certificate/i.test(cause?.message ?? '')) {
    return {
      detail: `The server’s certificate is not trusted (${cause?.message ?? code}).`,
      fix: 'Give it a certificate for this name from a known authority, e.g. Let’s Encrypt (README step 4), and use fullchain.pem, not cert.pem.'
    }
  }
  if (code === 'EPROTO' || /wrong version number|packet length too long/i.test(cause?.message ?? '')) {
    return {
      detail: 'The server does not speak HTTPS on this port.',
      fix: 'Start it with --tls-cert and --tls-key, or put it behind a TLS proxy, and use that https:// address.'
    }
  }
  return {
    detail: `The server could not be reached (${cause?.message ?? String(error)}).`,
    fix: 'Check the address and that the server runs.'
  }
}

export interface ServerCheckInput {
  url: string
  adminSecret: string
  /** The page origin this app's calls come from, which the server must let open its socket. */
  origin: string
}

export function createServerCheck(deps: { fetch?: typeof fetch } = {}) {
  const request = deps.fetch ?? fetch

  return async function checkServer(input: ServerCheckInput): Promise<ServerCheck> {
    const base = trimSlash(input.url)
    const host = new URL(base).host
    const steps: ServerCheckStep[] = []
    const pass = (id: ServerCheckStep['id'], detail: string) => steps.push({ id, status: 'pass', detail, fix: null })
    const fail = (id: ServerCheckStep['id'], detail: string, fix: string) => steps.push({ id, status: 'fail', detail, fix })
    const done = (iceServers: RoomIceServer[] = []): ServerCheck => {
      for (const id of ['https', 'socket', 'room'] as const) {
        if (!steps.some((step) => step.id === id))
          steps.push({ id, status: 'skipped', detail: 'Not checked: an earlier step failed.', fix: null })
      }
      return { steps, iceServers }
    }

    // 1. The address answers over HTTPS, as a Greenroom signaling server.
    if (!base.startsWith('https://')) {
      fail(
        'https',
        'The address is plain http: your client’s browser refuses camera and microphone on its invite links.',
        'Give the server a certificate (--tls-cert and --tls-key, README step 4) or put it behind a TLS proxy, and enter its https:// address.'
      )
      return done()
    }
    try {
      const answer = await request(`${base}/`, { signal: AbortSignal.timeout(WAIT_MS) })
      const body = await answer.text()
      if (!body.includes('Greenroom signaling server')) {
        fail(
          'https',
          `${host} answers over HTTPS, but not as a Greenroom signaling server (HTTP ${answer.status}).`,
          'Check the address: it is where `npm run signal` runs (with a proxy in front, the proxy must pass every path to it).'
        )
        return done()
      }
      pass('https', `${host} answers over HTTPS with a trusted certificate.`)
    } catch (error) {
      const reason = networkReason(error, host)
      fail('https', reason.detail, reason.fix)
      return done()
    }

    // 2. The call socket opens for this app's pages.
    const socketUrl = `${base.replace(/^https/, 'wss')}/signal`
    let socket: WebSocket
    try {
      socket = await new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(socketUrl, { origin: input.origin, handshakeTimeout: WAIT_MS })
        ws.once('open', () => resolve(ws))
        ws.once('unexpected-response', (_request, response) => {
          reject(Object.assign(new Error(`HTTP ${response.statusCode}`), { status: response.statusCode }))
          ws.terminate()
        })
        ws.once('error', reject)
      })
    } catch (error) {
      const status = (error as { status?: number }).status
      if (status === 403) {
        fail(
          'socket',
          'The server refused this app’s call socket.',
          `Start the server with --allow-origin ${input.origin} (browser mode: and start Greenroom with the same --port each time).`
        )
      } else if (status !== undefined) {
        fail(
          'socket',
          `The call socket at ${socketUrl} was refused (HTTP ${status}).`,
          'A proxy in front must pass WebSocket upgrades on /signal to the server (nginx: proxy_http_version 1.1 and the Upgrade and Connection headers).'
        )
      } else {
        const reason = networkReason(error, host)
        fail('socket', `The call socket did not open: ${reason.detail}`, reason.fix)
      }
      return done()
    }
    socket.on('error', () => undefined)
    pass('socket', 'The call socket opens (wss://).')

    // 3. A room is made with the admin secret, and joined: that hands out the TURN passwords.
    try {
      let response: Response
      try {
        response = await request(`${base}${ROOMS_PATH}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${input.adminSecret}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ ttlSeconds: 60 }),
          signal: AbortSignal.timeout(WAIT_MS)
        })
      } catch (error) {
        const reason = networkReason(error, host)
        fail('room', reason.detail, reason.fix)
        return done()
      }
      if (response.status === 401 || response.status === 403) {
        fail(
          'room',
          'The server refused to make a room with this admin secret.',
          'Copy the admin secret again from the server (GREENROOM_SIGNAL_SECRET in /etc/greenroom/signal.env) into Admin secret.'
        )
        return done()
      }
      const made = response.status === 201 ? createdRoomSchema.safeParse(await response.json().catch(() => null)) : null
      if (!made?.success) {
        fail(
          'room',
          `The server could not make a room (HTTP ${response.status}).`,
          'Look at the server’s log: journalctl -u greenroom-signal.'
        )
        return done()
      }
      const room = made.data
      const joined = await new Promise<RoomIceServer[] | string>((resolve) => {
        const timer = setTimeout(() => resolve('no answer within 10 seconds'), WAIT_MS)
        socket.on('message', (data) => {
          const parsed = serverMessageSchema.safeParse(JSON.parse(data.toString()))
          if (!parsed.success) return
          clearTimeout(timer)
          if (parsed.data.type === 'joined') resolve(parsed.data.iceServers ?? [])
          else if (parsed.data.type === 'error') resolve(parsed.data.message)
        })
        socket.send(JSON.stringify({ type: 'join', room: room.room, token: room.hostToken, role: 'host', name: 'Greenroom server check' }))
      })
      // The test room goes at once; a failure here only leaves it to expire within a minute.
      await request(`${base}${retireRoomPath(room.room)}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${input.adminSecret}`, 'Content-Type': 'application/json' },
        body: '{}',
        signal: AbortSignal.timeout(WAIT_MS)
      }).catch(() => undefined)
      if (typeof joined === 'string') {
        fail('room', `A room was made, but joining it failed (${joined}).`, 'Look at the server’s log: journalctl -u greenroom-signal.')
        return done()
      }
      pass('room', 'A room was made with the admin secret, and joined.')
      return done(joined)
    } finally {
      socket.close()
    }
  }
}
