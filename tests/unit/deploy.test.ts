import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { mintTurnCredential } from '../../src/main/services/signaling/turn-credentials'
import { answersStun, freeUdpPort, hasCoturn } from '../e2e/support/turn'
import { useBuiltProcesses } from '../support/built-process'
import { useTempDirs } from '../support/temp-dir'
import { relayCandidates } from '../support/relay-candidates'
import { makeTestCertificates } from '../support/test-ca'
import { spawn, type ChildProcess } from 'node:child_process'

/** deploy/ is copied onto servers as it is: these tests start its files here, changed only where a test must (ports, paths). */
const DEPLOY = join(__dirname, '../../deploy')
const README = readFileSync(join(__dirname, '../../README.md'), 'utf8')
const tempDir = useTempDirs()
const startBuilt = useBuiltProcesses()
const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
})

/** The unit's ExecStart as arguments, its line continuations joined. */
function execStartArgs(): string[] {
  const unit = readFileSync(join(DEPLOY, 'greenroom-signal.service'), 'utf8').replace(/\\\n\s*/g, '')
  const line = /^ExecStart=(.+)$/m.exec(unit)![1]!
  return line.trim().split(/\s+/)
}

describe('deploy/: the files the README has you copy onto your server', () => {
  it('the systemd unit starts the signaling server with HTTPS, the rooms file and the TURN relay, taking its secrets from the env file', async () => {
    const [node, script, ...args] = execStartArgs()
    expect(node).toBe('/usr/bin/node')
    expect(script).toBe('/opt/greenroom/out/main/signal.js')
    const certificates = makeTestCertificates()
    const dir = await tempDir()
    try {
      const local = args.map((arg) =>
        arg === '443'
          ? '0'
          : arg === '0.0.0.0'
            ? '127.0.0.1'
            : arg === '/etc/greenroom/tls/fullchain.pem'
              ? certificates.files.cert
              : arg === '/etc/greenroom/tls/privkey.pem'
                ? certificates.files.key
                : arg === '/var/lib/greenroom-signal'
                  ? join(dir, 'state')
                  : arg
      )
      const env: NodeJS.ProcessEnv = { ...process.env }
      for (const line of readFileSync(join(DEPLOY, 'signal.env.example'), 'utf8').split('\n')) {
        const setting = /^([A-Z_]+)=(.*)$/.exec(line)
        if (setting) env[setting[1]!] = setting[2]
      }
      const server = await startBuilt('signal.js', local, { ready: /listening on (https:\/\/\S+)/, env })
      expect(server.output()).toContain('Public address: https://signal.example.com')
      expect(server.output()).toContain(
        'Relay: TURN at turn:signal.example.com:3478?transport=udp, turn:signal.example.com:3478?transport=tcp, turns:signal.example.com:5349?transport=tcp'
      )
      expect(server.output()).toContain(`Rooms kept in ${join(dir, 'state', 'rooms.sqlite')}`)
    } finally {
      certificates.remove()
    }
  })

  it.skipIf(!hasCoturn())(
    'the coturn configuration takes the passwords the signaling server mints, and only those',
    async () => {
      const certificates = makeTestCertificates()
      try {
        const port = await freeUdpPort()
        const secret = 'a-secret-shared-by-the-two-servers'
        // Loopback stands in for the internet here: its refusal is lifted, and the ports are free ones.
        const conf = readFileSync(join(DEPLOY, 'turnserver.conf'), 'utf8')
          .replace(/^listening-port=.*$/m, `listening-port=${port}\nlistening-ip=127.0.0.1\nrelay-ip=127.0.0.1`)
          .replace(/^tls-listening-port=.*$/m, `tls-listening-port=${await freeUdpPort()}`)
          .replace(/^static-auth-secret=.*$/m, `static-auth-secret=${secret}`)
          .replace(/^cert=.*$/m, `cert=${certificates.files.cert}`)
          .replace(/^pkey=.*$/m, `pkey=${certificates.files.key}`)
          .replace(/^no-loopback-peers$/m, 'allow-loopback-peers')
          .replace(/^denied-peer-ip=127\..*$/m, '')
          .replace(/^log-file=.*$/m, 'log-file=stdout')
        const file = join(await tempDir(), 'turnserver.conf')
        await writeFile(file, `${conf}\npidfile=/tmp/greenroom-turn-${port}.pid\n`)
        const child = spawn('turnserver', ['-c', file], { stdio: 'ignore' })
        children.push(child)
        await expect.poll(() => answersStun(port), { timeout: 10_000 }).toBe(true)

        const urls = [`turn:127.0.0.1:${port}?transport=udp`]
        const expiresAt = new Date(Date.now() + 3600_000)
        expect(await relayCandidates([{ urls, ...mintTurnCredential(secret, 'room.guest', expiresAt) }])).not.toEqual([])
        expect(await relayCandidates([{ urls, ...mintTurnCredential('not-the-shared-secret-at-all', 'room.guest', expiresAt) }])).toEqual(
          []
        )
      } finally {
        certificates.remove()
      }
    },
    60_000
  )

  it('the README opens the ports these files use', () => {
    const conf = readFileSync(join(DEPLOY, 'turnserver.conf'), 'utf8')
    const value = (key: string) => new RegExp(`^${key}=(\\d+)$`, 'm').exec(conf)![1]
    // The README's ports table, row by row as [port, what it is for] (cells padded however the formatter likes).
    const rows = README.split('\n')
      .filter((line) => /^\s*\|/.test(line))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim())
      )
    const purposeOf = (port: string) => rows.find((cells) => cells[0] === port)?.[1] ?? ''
    expect(purposeOf(`${value('listening-port')}/udp, ${value('listening-port')}/tcp`)).toBe('STUN and TURN')
    expect(purposeOf(`${value('tls-listening-port')}/tcp`)).toMatch(/^TURN over TLS/)
    expect(purposeOf(`${value('min-port')}–${value('max-port')}/udp`)).toMatch(/^the relayed media/)
    expect(execStartArgs()).toContain('443')
    expect(purposeOf('443/tcp')).toMatch(/^the signaling server/)
  })
})
