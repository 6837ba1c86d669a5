import { spawnSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createdRoomSchema, parseInviteUrl } from '../../../src/shared/signaling'
import { useBuiltProcesses, type BuiltProcess } from '../../support/built-process'
import { useTempDirs } from '../../support/temp-dir'
import { SignalClient } from './support'

const ROOT = join(__dirname, '../../..')
const CLI = join(ROOT, 'out/main/signal.js')
const SECRET = 'the-operators-own-secret-0123456789'
const tempDir = useTempDirs()

const startBuilt = useBuiltProcesses()

interface Running extends BuiltProcess {
  /** The line "listening on http://host:port", read from what it printed. */
  address: string
}

/** Starts the standalone server as a child process and waits for all it prints on start. */
async function startCli(args: string[], env: Record<string, string> = {}): Promise<Running> {
  const environment: NodeJS.ProcessEnv = { ...process.env, ...env }
  if (!('GREENROOM_SIGNAL_SECRET' in env)) delete environment.GREENROOM_SIGNAL_SECRET
  const started = await startBuilt('signal.js', args, { ready: /listening on (http:\/\/\S+)/, env: environment, readyWithinMs: 10_000 })
  return { ...started, address: started.match[1]! }
}

async function createRoom(base: string, secret: string) {
  const response = await fetch(`${base}/rooms`, { method: 'POST', headers: { Authorization: `Bearer ${secret}` } })
  expect(response.status).toBe(201)
  return createdRoomSchema.parse(await response.json())
}

describe('npm run signal (the standalone signaling server)', () => {
  it('starts on a free port, prints its address, makes rooms for the holder of its secret, and two people meet in one', async () => {
    const server = await startCli(['--port', '0'], { GREENROOM_SIGNAL_SECRET: SECRET })
    expect(server.address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.output()).not.toContain(SECRET) // a secret it was given is not echoed

    const room = await createRoom(server.address, SECRET)
    const invite = parseInviteUrl(room.inviteUrl)!
    expect(invite.signalUrl).toBe(`${server.address.replace('http', 'ws')}/signal`)

    const { client: host } = await SignalClient.join({ signalUrl: room.signalUrl }, room, 'host')
    const guest = await SignalClient.open(invite.signalUrl)
    guest.send({ type: 'join', room: invite.room, token: invite.token, role: 'guest', name: 'Maya' })
    expect(await guest.next('joined')).toMatchObject({ peer: { role: 'host' } })
    expect(await host.next('peer-joined')).toMatchObject({ peer: { name: 'Maya' } })
    expect(await host.next('ring')).toMatchObject({ from: { name: 'Maya' } })

    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
    expect((await host.closed).code).toBe(1001)
  })

  it('makes up a secret when given none and prints it; reads one from --secret-file; names --public-url in invite links', async () => {
    const generated = await startCli([])
    const secret = /Admin secret \(new for this run[^)]*\): (\S+)/.exec(generated.output())?.[1]
    expect(secret).toMatch(/^[\w-]{43}$/)
    await createRoom(generated.address, secret!)

    const file = join(await tempDir(), 'secret')
    await writeFile(file, `${SECRET}\n`)
    const configured = await startCli(['--secret-file', file, '--public-url', 'https://signal.example.com'])
    expect(configured.output()).not.toContain('Admin secret')
    const room = await createRoom(configured.address, SECRET)
    expect(room.inviteUrl).toBe(`https://signal.example.com/join/${room.room}#${room.guestToken}`)
    const refused = await fetch(`${configured.address}/rooms`, { method: 'POST', headers: { Authorization: `Bearer ${secret}` } })
    expect(refused.status).toBe(401)
  })

  it('refuses bad options with the reason and its usage', () => {
    for (const args of [['--port', 'eighty'], ['--public-url', 'ftp://example.com'], ['--allow-origin', 'https://app.example.com/page'], ['--colour']]) {
      const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, GREENROOM_SIGNAL_SECRET: SECRET } })
      expect(result.status).toBe(1)
      expect(result.stderr).toMatch(/^The signaling server could not start: .+\nUsage: npm run signal -- /)
    }
    const weak = spawnSync(process.execPath, [CLI], { encoding: 'utf8', env: { ...process.env, GREENROOM_SIGNAL_SECRET: 'short' } })
    expect(weak.status).toBe(1)
    expect(weak.stderr).toMatch(/at least 16 characters/)
  })

  it('lets the guest page of its public address and each --allow-origin open the call socket, and no other page', async () => {
    const server = await startCli(['--public-url', 'https://signal.example.com', '--allow-origin', 'http://127.0.0.1:5000', '--allow-origin', 'file://'])
    expect(server.output()).toContain('Pages allowed besides the guest page: file://, http://127.0.0.1:5000')
    const socket = `${server.address.replace('http', 'ws')}/signal`
    for (const origin of ['https://signal.example.com', 'http://127.0.0.1:5000', 'file://']) {
      const client = await SignalClient.open(socket, { origin })
      client.socket.close()
    }
    await expect(SignalClient.open(socket, { origin: 'https://evil.example' })).rejects.toThrow('refused with HTTP 403')
    await expect(SignalClient.open(socket, { origin: server.address })).rejects.toThrow('refused with HTTP 403')

    const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' })
    expect(help.stdout).toMatch(/--allow-origin/)
  })

  it('lets the desktop app in without being told, and still no other page', async () => {
    const server = await startCli(['--public-url', 'https://signal.example.com'])
    expect(server.output()).toContain('Pages allowed besides the guest page: file://')
    const socket = `${server.address.replace('http', 'ws')}/signal`
    const client = await SignalClient.open(socket, { origin: 'file://' })
    client.socket.close()
    await expect(SignalClient.open(socket, { origin: 'https://evil.example' })).rejects.toThrow('refused with HTTP 403')
    await expect(SignalClient.open(socket, { origin: server.address })).rejects.toThrow('refused with HTTP 403')
  })
})
