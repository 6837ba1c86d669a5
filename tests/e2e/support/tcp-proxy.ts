import { createConnection, createServer, type Socket } from 'node:net'

export interface TcpProxy {
  port: number
  /** Cuts every open connection at once, with no goodbye (a TCP reset), as a dropped network does. */
  cut(): void
  stop(): Promise<void>
}

/** A TCP relay on loopback in front of a local port, whose connections the test can cut. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
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
    client.pipe(upstream)
    upstream.pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('The proxy has no port')
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
