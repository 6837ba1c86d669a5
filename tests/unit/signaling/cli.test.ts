import { spawnSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { X509Certificate } from 'node:crypto'
import { get as httpsGet, request as httpsRequest } from 'node:https'
import type { TLSSocket } from 'node:tls'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mintTurnCredential } from '../../../src/main/services/signaling/turn-credentials'
import { createdRoomSchema, parseInviteUrl } from '../../../src/shared/signaling'
import { useBuiltProcesses, type BuiltProcess } from '../../support/built-process'
import { useTempDirs } from '../../support/temp-dir'
import { makeTestCertificates } from '../../support/test-ca'
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
  if (!('GREENROOM_TURN_SECRET' in env)) delete environment.GREENROOM_TURN_SECRET
  const started = await startBuilt('signal.js', args, { ready: /listening on (https?:\/\/\S+)/, env: environment, readyWithinMs: 10_000 })
  return { ...started, address: started.match[1]! }
}

async function createRoom(base: string, secret: string) {
  const response = await fetch(`${base}/rooms`, { method: 'POST', headers: { Authorization: `Bearer ${secret}` } })
  expect(response.status).toBe(201)
  return createdRoomSchema.parse(await response.json())
}

/** GET over HTTPS trusting only `ca`: the status, the body and the certificate the server showed. */
function getTrusting(url: string, ca: string): Promise<{ status: number; body: string; certificate: string }> {
  return new Promise((resolve, reject) => {
    httpsGet(url, { ca, agent: false }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      const certificate = (response.socket as TLSSocket).getPeerCertificate().fingerprint256
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, certificate }))
    }).on('error', reject)
  })
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

  it('speaks HTTPS and WSS itself with --tls-cert and --tls-key, serves the guest page there, and takes a renewed certificate on SIGHUP', async () => {
    const first = makeTestCertificates()
    const renewed = makeTestCertificates()
    try {
      const dir = await tempDir()
      const cert = join(dir, 'fullchain.pem')
      const key = join(dir, 'privkey.pem')
      await writeFile(cert, first.cert)
      await writeFile(key, first.key)
      const server = await startCli(['--tls-cert', cert, '--tls-key', key, '--public-url', 'https://localhost'], {
        GREENROOM_SIGNAL_SECRET: SECRET
      })
      expect(server.address).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
      const base = server.address.replace('127.0.0.1', 'localhost')

      const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = httpsRequest(
          `${base}/rooms`,
          { method: 'POST', ca: first.ca, headers: { Authorization: `Bearer ${SECRET}` } },
          (answer) => {
            let body = ''
            answer.on('data', (chunk) => (body += chunk))
            answer.on('end', () => resolve({ status: answer.statusCode ?? 0, body }))
          }
        )
        request.on('error', reject)
        request.end()
      })
      expect(response.status).toBe(201)
      const room = createdRoomSchema.parse(JSON.parse(response.body))
      expect(room.signalUrl).toBe('wss://localhost/signal')

      const page = await getTrusting(`${base}/join/${room.room}`, first.ca)
      expect(page.status).toBe(200)
      expect(page.body).toContain('<div id="root">')

      const { joined } = await SignalClient.join({ signalUrl: `${base.replace('https', 'wss')}/signal` }, room, 'host', 'Alex', {
        ca: first.ca
      })
      expect(joined.role).toBe('host')
      // Plain HTTP is not answered as a page on the TLS port.
      await expect(fetch(`${server.address.replace('https', 'http')}/join/${room.room}`)).rejects.toThrow()

      await writeFile(cert, renewed.cert)
      await writeFile(key, renewed.key)
      server.child.kill('SIGHUP')
      await expect.poll(() => server.output()).toContain('Certificate and key read again.')
      const after = await getTrusting(`${base}/join/${room.room}`, renewed.ca)
      expect(after.certificate).toBe(new X509Certificate(renewed.cert).fingerprint256)
    } finally {
      first.remove()
      renewed.remove()
    }
  })

  it('mints TURN passwords per room and participant from --turn-secret (or GREENROOM_TURN_SECRET) for --turn-urls, beside --stun-urls', async () => {
    const turnUrls = 'turn:turn.example.com:3478?transport=udp,turns:turn.example.com:5349?transport=tcp'
    const server = await startCli(['--turn-urls', turnUrls, '--stun-urls', 'stun:turn.example.com:3478'], {
      GREENROOM_SIGNAL_SECRET: SECRET,
      GREENROOM_TURN_SECRET: 'the-coturn-static-auth-secret'
    })
    expect(server.output()).toContain('Relay: TURN at turn:turn.example.com:3478?transport=udp, turns:turn.example.com:5349?transport=tcp')
    expect(server.output()).not.toContain('the-coturn-static-auth-secret')
    const room = await createRoom(server.address, SECRET)
    const { joined } = await SignalClient.join({ signalUrl: room.signalUrl }, room, 'guest')
    const expiry = Math.floor(Date.parse(room.expiresAt) / 1000)
    expect(joined.iceServers).toEqual([
      { urls: ['stun:turn.example.com:3478'] },
      {
        urls: turnUrls.split(','),
        username: `${expiry}:${room.room}.guest`,
        credential: mintTurnCredential('the-coturn-static-auth-secret', `${room.room}.guest`, new Date(expiry * 1000)).credential
      }
    ])

    const plain = await startCli([], { GREENROOM_SIGNAL_SECRET: SECRET })
    expect(plain.output()).toContain('Relay: none')
    const bare = await createRoom(plain.address, SECRET)
    expect((await SignalClient.join({ signalUrl: bare.signalUrl }, bare, 'guest')).joined.iceServers).toEqual([])

    const cases: [string[], Record<string, string>, RegExp][] = [
      [['--turn-urls', 'turn:turn.example.com'], {}, /--turn-urls needs the TURN server's shared secret/],
      [['--turn-secret', 'the-coturn-static-auth-secret'], {}, /--turn-secret needs the TURN server's addresses/],
      [['--turn-secret', 'short', '--turn-urls', 'turn:turn.example.com'], {}, /at least 16 characters/],
      [
        ['--turn-urls', 'http://turn.example.com'],
        { GREENROOM_TURN_SECRET: 'the-coturn-static-auth-secret' },
        /--turn-urls takes addresses such as turn:/
      ],
      [['--stun-urls', 'turn:turn.example.com'], {}, /--stun-urls takes addresses such as stun:/]
    ]
    for (const [args, env, reason] of cases) {
      const environment: NodeJS.ProcessEnv = { ...process.env, GREENROOM_SIGNAL_SECRET: SECRET, ...env }
      if (!('GREENROOM_TURN_SECRET' in env)) delete environment.GREENROOM_TURN_SECRET
      const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: environment })
      expect(result.status, args.join(' ')).toBe(1)
      expect(result.stderr).toMatch(reason)
    }
  }, 60_000)

  it('keeps its rooms in --data-dir: after a crash and a restart the same invite link joins, and a retired link still says so', async () => {
    const dataDir = join(await tempDir(), 'state')
    const first = await startCli(['--data-dir', dataDir], { GREENROOM_SIGNAL_SECRET: SECRET })
    expect(first.output()).toContain(`Rooms kept in ${join(dataDir, 'rooms.sqlite')}`)
    const room = await createRoom(first.address, SECRET)
    const replaced = await createRoom(first.address, SECRET)
    const retire = await fetch(`${first.address}/rooms/${replaced.room}/retire`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${SECRET}` },
      body: JSON.stringify({ hostName: 'Sam' })
    })
    expect(retire.status).toBe(204)
    first.child.kill('SIGKILL') // no goodbye: what was answered must already be on disk
    await first.exited

    const port = new URL(first.address).port
    const again = await startCli(['--data-dir', dataDir, '--port', port], { GREENROOM_SIGNAL_SECRET: SECRET })
    const invite = parseInviteUrl(room.inviteUrl)!
    const { client: host } = await SignalClient.join({ signalUrl: room.signalUrl }, room, 'host')
    const guest = await SignalClient.open(invite.signalUrl)
    guest.send({ type: 'join', room: invite.room, token: invite.token, role: 'guest', name: 'Maya' })
    expect(await guest.next('joined')).toMatchObject({ room: room.room, expiresAt: room.expiresAt, peer: { role: 'host' } })
    expect(await host.next('peer-joined')).toMatchObject({ peer: { name: 'Maya' } })

    const old = parseInviteUrl(replaced.inviteUrl)!
    const late = await SignalClient.open(old.signalUrl)
    late.send({ type: 'join', room: old.room, token: old.token, role: 'guest', name: 'Maya' })
    expect(await late.next('error')).toMatchObject({ code: 'ROOM_REPLACED', message: expect.stringContaining('Ask Sam for the new one') })

    // The file holds the tokens' digests, never the tokens.
    again.child.kill('SIGTERM')
    await again.exited
    const kept = await readFile(join(dataDir, 'rooms.sqlite'))
    for (const token of [room.hostToken, room.guestToken, replaced.guestToken]) expect(kept.includes(token)).toBe(false)
  })

  it('refuses a certificate without its key, and files that are not a certificate and its key, before it listens', async () => {
    const certificates = makeTestCertificates()
    const other = makeTestCertificates()
    try {
      const dir = await tempDir()
      const notPem = join(dir, 'not.pem')
      await writeFile(notPem, 'hello')
      const cases: [string[], RegExp][] = [
        [['--tls-cert', certificates.files.cert], /--tls-cert and --tls-key go together/],
        [['--tls-cert', notPem, '--tls-key', certificates.files.key], /are not a PEM certificate and its own private key/],
        [['--tls-cert', certificates.files.cert, '--tls-key', other.files.key], /are not a PEM certificate and its own private key/],
        [['--tls-cert', join(dir, 'missing.pem'), '--tls-key', certificates.files.key], /--tls-cert could not be read/]
      ]
      for (const [args, reason] of cases) {
        const result = spawnSync(process.execPath, [CLI, ...args], {
          encoding: 'utf8',
          env: { ...process.env, GREENROOM_SIGNAL_SECRET: SECRET }
        })
        expect(result.status).toBe(1)
        expect(result.stderr).toMatch(reason)
        expect(result.stdout).not.toContain('listening on')
      }
    } finally {
      certificates.remove()
      other.remove()
    }
  }, 60_000)

  it('refuses bad options with the reason and its usage', () => {
    for (const args of [
      ['--port', 'eighty'],
      ['--public-url', 'ftp://example.com'],
      ['--allow-origin', 'https://app.example.com/page'],
      ['--colour']
    ]) {
      const result = spawnSync(process.execPath, [CLI, ...args], {
        encoding: 'utf8',
        env: { ...process.env, GREENROOM_SIGNAL_SECRET: SECRET }
      })
      expect(result.status).toBe(1)
      expect(result.stderr).toMatch(/^The signaling server could not start: .+\nUsage: npm run signal -- /)
    }
    const weak = spawnSync(process.execPath, [CLI], { encoding: 'utf8', env: { ...process.env, GREENROOM_SIGNAL_SECRET: 'short' } })
    expect(weak.status).toBe(1)
    expect(weak.stderr).toMatch(/at least 16 characters/)
  }, 60_000)

  it('lets the guest page of its public address and each --allow-origin open the call socket, and no other page', async () => {
    const server = await startCli([
      '--public-url',
      'https://signal.example.com',
      '--allow-origin',
      'http://127.0.0.1:5000',
      '--allow-origin',
      'file://'
    ])
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
