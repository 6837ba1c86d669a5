import './polyfills'
import SimplePeer from 'simple-peer'

export interface IceConfig {
  iceServers: RTCIceServer[]
  /** Force the path through TURN, as the relayed loopback does. */
  relayOnly: boolean
}

export interface LoopbackPair {
  sender: SimplePeer.Instance
  receiver: SimplePeer.Instance
  /** The underlying connections, for getStats. */
  senderConnection: RTCPeerConnection
  receiverConnection: RTCPeerConnection
  connected: Promise<void>
  close(): void
}

function connectionOf(peer: SimplePeer.Instance): RTCPeerConnection {
  // simple-peer keeps its RTCPeerConnection here; it has no public getter.
  return (peer as unknown as { _pc: RTCPeerConnection })._pc
}

/**
 * Two simple-peer peers in this page, signalling straight to each other: a real WebRTC
 * call from this computer to itself, through whatever path the ICE settings allow.
 */
export function createLoopbackPair(stream: MediaStream, ice: IceConfig, timeoutMs = 8000): LoopbackPair {
  const config: RTCConfiguration = { iceServers: ice.iceServers, iceTransportPolicy: ice.relayOnly ? 'relay' : 'all' }
  const sender = new SimplePeer({ initiator: true, stream, config, trickle: true })
  const receiver = new SimplePeer({ initiator: false, config, trickle: true })
  sender.on('signal', (data) => receiver.signal(data))
  receiver.on('signal', (data) => sender.signal(data))

  const connected = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no connection within ' + timeoutMs / 1000 + ' s')), timeoutMs)
    let ready = 0
    const onConnect = () => {
      if (++ready === 2) {
        clearTimeout(timer)
        resolve()
      }
    }
    sender.once('connect', onConnect)
    receiver.once('connect', onConnect)
    const onError = (error: Error) => {
      clearTimeout(timer)
      reject(error)
    }
    sender.once('error', onError)
    receiver.once('error', onError)
  })
  connected.catch(() => undefined)

  return {
    sender,
    receiver,
    senderConnection: connectionOf(sender),
    receiverConnection: connectionOf(receiver),
    connected,
    close: () => {
      sender.destroy()
      receiver.destroy()
    }
  }
}
