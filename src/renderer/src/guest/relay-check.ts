import type { RelayCheck } from './relay-words'

const CHECK_MS = 8_000

/**
 * Gathers ICE candidates with the room's STUN/TURN servers (no call is made, nobody is
 * rung): a relay candidate means a relayed path exists; a server-reflexive one, a direct one.
 * Null when the room names no server to check against.
 */
export async function checkRelayPath(iceServers: RTCIceServer[], timeoutMs = CHECK_MS): Promise<RelayCheck | null> {
  const urls = iceServers.flatMap((server) => (Array.isArray(server.urls) ? server.urls : [server.urls]))
  if (urls.length === 0) return null
  const relayOffered = urls.some((url) => /^turns?:/i.test(url))
  const connection = new RTCPeerConnection({ iceServers })
  try {
    connection.createDataChannel('check')
    const found = new Set<string>()
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs)
      connection.addEventListener('icecandidate', (event) => {
        if (event.candidate?.type) found.add(event.candidate.type)
        // The relay is what matters most: stop as soon as one comes, or when gathering ends.
        if (found.has('relay') || !event.candidate) {
          clearTimeout(timer)
          resolve()
        }
      })
    })
    await connection.setLocalDescription(await connection.createOffer())
    await done
    return { relayOffered, relay: found.has('relay'), direct: found.has('srflx') }
  } finally {
    connection.close()
  }
}
