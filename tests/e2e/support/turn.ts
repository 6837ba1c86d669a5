import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomFillSync } from 'node:crypto'
import { createSocket } from 'node:dgram'

export interface TurnServer {
  port: number
  username: string
  password: string
  stop(): Promise<void>
}

/** A UDP port nobody is using right now (the OS picks it, we release it). */
export async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4')
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
  const { port } = socket.address()
  await new Promise<void>((resolve) => socket.close(() => resolve()))
  return port
}

/** Sends a STUN Binding Request and waits briefly for the Binding Success Response. */
export async function answersStun(port: number, waitMs = 300): Promise<boolean> {
  const socket = createSocket('udp4')
  const request = Buffer.alloc(20)
  request.writeUInt16BE(0x0001, 0) // Binding Request, no attributes
  request.writeUInt32BE(0x2112a442, 4) // magic cookie
  randomFillSync(request, 8, 12) // transaction id
  try {
    return await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), waitMs)
      socket.on('message', (reply) => {
        if (reply.length >= 20 && reply.readUInt16BE(0) === 0x0101 && reply.subarray(8, 20).equals(request.subarray(8, 20))) {
          clearTimeout(timer)
          resolve(true)
        }
      })
      socket.send(request, port, '127.0.0.1')
    })
  } finally {
    socket.close()
  }
}

export function hasCoturn(): boolean {
  return spawnSync('which', ['turnserver']).status === 0
}

export interface TurnServerOptions {
  /**
   * coturn's `use-auth-secret` with this `static-auth-secret`: it takes only passwords minted
   * from the secret (the TURN REST scheme), not the long-term user.
   */
  sharedSecret?: string
  /** Also TURN over TLS (turns:) on `tlsPort`, with this certificate and key (PEM files). */
  tls?: { cert: string; key: string }
}

/** Debian's coturn on loopback, with long-term credentials (or a shared secret), relaying between local peers. */
export async function startTurnServer(options: TurnServerOptions = {}): Promise<TurnServer & { tlsPort: number | null }> {
  if (!hasCoturn()) throw new Error('coturn is not installed: sudo apt-get install coturn')
  const port = await freeUdpPort()
  const tlsPort = options.tls ? await freeUdpPort() : null
  const minPort = 40000 + Math.floor(Math.random() * 200) * 100
  const username = 'greenroom'
  const password = 'test-only-secret'
  const auth = options.sharedSecret
    ? ['--use-auth-secret', `--static-auth-secret=${options.sharedSecret}`]
    : ['--lt-cred-mech', `--user=${username}:${password}`]
  const tls = options.tls
    ? [`--tls-listening-port=${tlsPort}`, `--cert=${options.tls.cert}`, `--pkey=${options.tls.key}`, '--no-dtls']
    : ['--no-tls', '--no-dtls']
  const child: ChildProcess = spawn(
    'turnserver',
    [
      '-n',
      '--listening-ip=127.0.0.1',
      `--listening-port=${port}`,
      '--relay-ip=127.0.0.1',
      `--min-port=${minPort}`,
      `--max-port=${minPort + 99}`,
      ...auth,
      '--realm=greenroom.test',
      ...tls,
      '--allow-loopback-peers',
      '--no-cli',
      `--pidfile=/tmp/greenroom-turn-${port}.pid`,
      '--log-file=stdout',
      '--simple-log'
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  )
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  let exited: number | null = null
  child.once('exit', (code) => (exited = code ?? -1))
  const deadline = Date.now() + 10_000
  while (!(await answersStun(port))) {
    if (exited !== null) throw new Error(`coturn exited with ${exited}:\n${output}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`coturn did not answer on port ${port}:\n${output}`)
    }
  }
  return {
    port,
    tlsPort,
    username,
    password,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
  }
}
