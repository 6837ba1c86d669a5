import wrtc from '@roamhq/wrtc'

/** A STUN or TURN server as RTCPeerConnection takes it. */
export interface RelayServer {
  urls: string | string[]
  username?: string
  credential?: string
}

/**
 * The relay candidates a connection gathers through these servers alone (Node's WebRTC, relay
 * only): none when the TURN server refuses the credential or cannot be reached within 5 s.
 */
export async function relayCandidates(iceServers: RelayServer[]): Promise<string[]> {
  const connection = new wrtc.RTCPeerConnection({ iceServers, iceTransportPolicy: 'relay' })
  const found: string[] = []
  try {
    connection.createDataChannel('probe')
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 5_000)
      connection.onicecandidate = (event: { candidate: { candidate: string } | null }) => {
        if (!event.candidate) {
          clearTimeout(timer)
          resolve()
        } else if (/ typ relay /.test(event.candidate.candidate)) found.push(event.candidate.candidate)
      }
    })
    await connection.setLocalDescription(await connection.createOffer())
    await done
    return found
  } finally {
    connection.close()
  }
}
