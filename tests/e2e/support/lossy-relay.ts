import { createSocket, type RemoteInfo, type Socket } from 'node:dgram'

export interface LossyRelayOptions {
  /** Where datagrams go on to (the real TURN server). */
  targetPort: number
  /** Added to every datagram, each way, in milliseconds. */
  delayMs: number
  /** Every n-th RTP packet of each media stream sent towards the TURN server is dropped (0: none). */
  dropEveryRtp: number
  /** Stops by itself after this long, whatever happens. */
  lifetimeMs?: number
}

export interface LossyRelay {
  port: number
  stats(): { forwarded: number; dropped: number }
  /** The link goes dead: every datagram, either way, is dropped until resume(). */
  pause(): void
  resume(): void
  /** From now on every n-th RTP packet of each stream is dropped (0: none), as when a network gets worse mid-call. */
  dropEveryRtp(n: number): void
  /**
   * From now on each client's datagrams towards the TURN server leave no faster than this (0: no
   * limit), queued rather than dropped, as on a narrow uplink with a deep buffer: the sender sees
   * its packets take longer, not go missing. Datagrams that would wait over a second are dropped.
   */
  limitUplinkKbps(kbps: number): void
  stop(): Promise<void>
}

/**
 * The SSRC of an RTP packet carried in TURN ChannelData (RFC 8656 §12), or null for
 * anything else: STUN, DTLS, RTCP, Send indications. SRTP leaves the RTP header in clear.
 */
export function rtpSsrcInChannelData(datagram: Buffer): number | null {
  if (datagram.length < 4 + 12) return null
  const channel = datagram.readUInt16BE(0)
  if (channel < 0x4000 || channel > 0x4fff) return null
  const rtp = datagram.subarray(4, 4 + datagram.readUInt16BE(2))
  if (rtp.length < 12 || (rtp[0]! & 0xc0) !== 0x80) return null
  if (rtp[1]! >= 192 && rtp[1]! <= 223) return null // RTCP shares the port (RFC 5761)
  return rtp.readUInt32BE(8)
}

/**
 * A bad network in user space (this kernel has no netem): a UDP relay on loopback in
 * front of the TURN server. It holds every datagram for a fixed delay each way, and drops
 * every n-th RTP packet of each media stream on its way in, so the loss applied is exact
 * rather than a coin toss over a few hundred packets. Each client gets its own upstream
 * socket, so the TURN server sees one address per client, as it would. It can also go
 * dead for a while (pause/resume), like a Wi-Fi drop.
 */
export async function startLossyRelay(options: LossyRelayOptions): Promise<LossyRelay> {
  const front = createSocket('udp4')
  const upstreams = new Map<string, Socket>()
  const rtpCounts = new Map<number, number>()
  let forwarded = 0
  let dropped = 0
  let paused = false
  let dropEvery = options.dropEveryRtp
  let uplinkKbps = 0
  /** When each client's uplink is free again (ms, performance.now()). */
  const uplinkFreeAt = new Map<string, number>()
  const timers = new Set<NodeJS.Timeout>()

  const later = (send: () => void, queuedMs = 0) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      send()
    }, options.delayMs + queuedMs)
    timers.add(timer)
  }
  /** How long a datagram from `client` waits for the narrow uplink; null when the buffer is full. */
  const uplinkWait = (client: string, bytes: number): number | null => {
    if (uplinkKbps <= 0) return 0
    const now = performance.now()
    const start = Math.max(now, uplinkFreeAt.get(client) ?? now)
    if (start - now > 1_000) return null
    uplinkFreeAt.set(client, start + (bytes * 8) / uplinkKbps)
    return start - now
  }
  const dropsOnTheWayIn = (datagram: Buffer): boolean => {
    const ssrc = rtpSsrcInChannelData(datagram)
    if (ssrc === null || dropEvery <= 0) return false
    const count = (rtpCounts.get(ssrc) ?? 0) + 1
    rtpCounts.set(ssrc, count)
    return count % dropEvery === 0
  }

  front.on('message', (message: Buffer, client: RemoteInfo) => {
    const key = `${client.address}:${client.port}`
    let upstream = upstreams.get(key)
    if (!upstream) {
      const socket = createSocket('udp4')
      socket.on('message', (reply: Buffer) => {
        if (paused) return void dropped++
        forwarded++
        later(() => front.send(reply, client.port, client.address))
      })
      socket.bind(0, '127.0.0.1')
      upstreams.set(key, socket)
      upstream = socket
    }
    if (paused || dropsOnTheWayIn(message)) return void dropped++
    const wait = uplinkWait(key, message.length)
    if (wait === null) return void dropped++
    forwarded++
    const socket = upstream
    later(() => socket.send(message, options.targetPort, '127.0.0.1'), wait)
  })

  await new Promise<void>((resolve) => front.bind(0, '127.0.0.1', resolve))
  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    clearTimeout(lifetime)
    for (const timer of timers) clearTimeout(timer)
    for (const socket of upstreams.values()) socket.close()
    await new Promise<void>((resolve) => front.close(() => resolve()))
  }
  const lifetime = setTimeout(() => void stop().catch(() => undefined), options.lifetimeMs ?? 120_000)
  return {
    port: front.address().port,
    stats: () => ({ forwarded, dropped }),
    pause: () => void (paused = true),
    resume: () => void (paused = false),
    dropEveryRtp: (n) => void (dropEvery = n),
    limitUplinkKbps: (kbps) => void (uplinkKbps = kbps),
    stop
  }
}
