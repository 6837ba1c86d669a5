import type { ServerCheckStep } from '@shared/call'
import type { RoomIceServer } from '@shared/signaling'

/**
 * The relay steps of Check this server, in the renderer where RTCPeerConnection lives: with
 * the TURN servers and passwords the server minted for a test room, gather candidates
 * through the relay alone, once over UDP and once over TCP/TLS. A relay candidate means the
 * TURN server took the password and gave out a relay address.
 */

const GATHER_MS = 10_000

/** The TURN addresses of one transport: UDP (turn: without transport=tcp), or TCP and TLS (transport=tcp, turns:). */
export function turnUrlsFor(servers: readonly RoomIceServer[], transport: 'udp' | 'tcp'): RTCIceServer[] {
  return servers.flatMap((server) => {
    const urls = (Array.isArray(server.urls) ? server.urls : [server.urls]).filter((url) => {
      if (!/^turns?:/i.test(url)) return false
      const overTcp = /^turns:/i.test(url) || /[?&]transport=tcp\b/i.test(url)
      return transport === 'tcp' ? overTcp : !overTcp
    })
    return urls.length > 0 && server.username ? [{ urls, username: server.username, credential: server.credential ?? '' }] : []
  })
}

/** How many relay candidates these servers give within the time allowed. */
export async function gatherRelayCandidates(iceServers: RTCIceServer[], timeoutMs = GATHER_MS): Promise<number> {
  const connection = new RTCPeerConnection({ iceServers, iceTransportPolicy: 'relay' })
  let found = 0
  try {
    connection.createDataChannel('relay-check')
    const finished = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs)
      connection.addEventListener('icecandidate', (event) => {
        if (!event.candidate) {
          clearTimeout(timer)
          resolve()
        } else if (event.candidate.type === 'relay' || / typ relay /.test(event.candidate.candidate)) found += 1
      })
    })
    await connection.setLocalDescription(await connection.createOffer())
    await finished
    return found
  } finally {
    connection.close()
  }
}

const NO_TURN_FIX =
  'Start the server with --turn-secret (or GREENROOM_TURN_SECRET) and --turn-urls, and run coturn with the same static-auth-secret (README steps 5–7).'

/** The two relay steps, after main's steps passed; skipped when they did not. */
export async function checkRelays(
  iceServers: readonly RoomIceServer[],
  mainPassed: boolean,
  gather = gatherRelayCandidates
): Promise<ServerCheckStep[]> {
  const steps: ServerCheckStep[] = []
  for (const transport of ['udp', 'tcp'] as const) {
    const id = transport === 'udp' ? 'relayUdp' : 'relayTcp'
    const label = transport === 'udp' ? 'UDP' : 'TCP/TLS'
    if (!mainPassed) {
      steps.push({ id, status: 'skipped', detail: 'Not checked: an earlier step failed.', fix: null })
      continue
    }
    const servers = turnUrlsFor(iceServers, transport)
    if (servers.length === 0) {
      steps.push({
        id,
        status: 'fail',
        detail: `The server hands out no TURN address over ${label}.`,
        fix:
          transport === 'udp'
            ? NO_TURN_FIX
            : `${NO_TURN_FIX} Include a turns: address (port 5349) or one with ?transport=tcp in --turn-urls, for networks that block UDP.`
      })
      continue
    }
    const urls = servers.flatMap((server) => server.urls as string[]).join(', ')
    if ((await gather(servers)) > 0) {
      steps.push({
        id,
        status: 'pass',
        detail: `The TURN server gave a relay over ${label} (${urls}) with the password the server minted.`,
        fix: null
      })
    } else {
      steps.push({
        id,
        status: 'fail',
        detail: `No relay over ${label} from ${urls}.`,
        fix:
          transport === 'udp'
            ? 'Check that coturn runs (systemctl status coturn), that its static-auth-secret is the server’s GREENROOM_TURN_SECRET, and that 3478/udp and 49160–49200/udp are open.'
            : 'Check that coturn has the certificate (cert= and pkey= in /etc/turnserver.conf, readable by it) and that 3478/tcp and 5349/tcp are open.'
      })
    }
  }
  return steps
}
