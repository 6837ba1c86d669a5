import { createConnection, createServer, type Socket } from 'node:net'
import { Transform } from 'node:stream'

export interface TcpProxy {
  port: number
  /** Cuts every open connection at once, with no goodbye (a TCP reset), as a dropped network does. */
  cut(): void
  stop(): Promise<void>
}

/**
 * A TCP relay on loopback in front of a local port, whose connections the test can cut.
 * With `originAs`, requests from pages served through the proxy (Origin: the proxy's own
 * address) reach the target as from `originAs`, as through a reverse proxy serving the
 * target's own address (the call server lets in only pages of its own origin).
 */
export async function startTcpProxy(targetPort: number, options: { originAs?: string } = {}): Promise<TcpProxy> {
  let port = 0
  const open = new Set<Socket>()
  const server = createServer((client) => {
    const upstream = createConnection({ port: targetPort, host: '127.0.0.1' })
    for (const socket of [client, upstream]) {
      open.add(socket)
      socket.on('close', () => open.delete(socket))
      socket.on('error', () => undefined)
    }
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
    if (options.originAs) {
      const [from, to] = [`\r\nOrigin: http://127.0.0.1:${port}\r\n`, `\r\nOrigin: ${options.originAs}\r\n`]
      const rewrite = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          done(null, chunk.includes(from) ? Buffer.from(chunk.toString('latin1').replaceAll(from, to), 'latin1') : chunk)
        }
      })
      client.pipe(rewrite).pipe(upstream)
    } else {
      client.pipe(upstream)
    }
    upstream.pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('The proxy has no port')
  port = address.port
  return {
    port: address.port,
    cut: () => {
      for (const socket of open) socket.resetAndDestroy()
    },
    stop: async () => {
      for (const socket of open) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
