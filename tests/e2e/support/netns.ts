import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Simulated home networks on this machine, made of Linux network namespaces:
 *
 *   home A (192.0.2.2) ── NAT A ──┐                       ┌── NAT B ── home B (198.51.100.2)
 *   192.0.2.0/24     203.0.113.10 └── "internet" bridge ──┘ 203.0.113.20    198.51.100.0/24
 *                                  public: 203.0.113.1 (signaling server over TLS, coturn)
 *
 * Only documentation address ranges, and no link to the machine's own network: nothing
 * sent inside can leave. The public namespace's default route points at a dead-end next
 * hop inside it, so packets to addresses nobody has vanish as on the real internet
 * (without it the kernel answers ENETUNREACH, which makes coturn close relays at once).
 * Each NAT masquerades ("ordinary" home router: a port is kept per inside socket) or, for a
 * symmetric NAT, gives every destination a fresh random port (`fully-random`).
 */

export const PUBLIC_IP = '203.0.113.1'
export const HOME_IP = { a: '192.0.2.2', b: '198.51.100.2' } as const
const WAN_IP = { a: '203.0.113.10', b: '203.0.113.20' } as const
const LAN = { a: { router: '192.0.2.1', home: HOME_IP.a }, b: { router: '198.51.100.1', home: HOME_IP.b } } as const

export type Home = 'a' | 'b'
export type NatKind = 'ordinary' | 'symmetric'

/** Why namespaces cannot be made here, or null when they can. */
export function namespacesUnavailable(): string | null {
  if (process.platform !== 'linux') return 'network namespaces exist only on Linux'
  if (process.getuid?.() !== 0) return 'making network namespaces needs root (run the tests as root, as CI does)'
  if (spawnSync('ip', ['-V']).status !== 0) return 'iproute2 (`ip`) is not installed: apt-get install iproute2'
  if (spawnSync('nft', ['--version']).status !== 0) return 'nftables (`nft`) is not installed: apt-get install nftables'
  const probe = `grprobe${process.pid}`
  const made = spawnSync('ip', ['netns', 'add', probe])
  spawnSync('ip', ['netns', 'del', probe])
  if (made.status !== 0) return `network namespaces cannot be made here: ${String(made.stderr).trim()}`
  return null
}

function run(command: string, args: string[], input?: string): void {
  const result = spawnSync(command, args, { input, encoding: 'utf8', timeout: 10_000 })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error?.message}`)
}

/** Namespaces a test run killed before its teardown left behind (their run's process is gone). */
function removeLeftovers(): void {
  const listed = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout ?? ''
  for (const line of listed.split('\n')) {
    const match = /^(gr(\d+)(?:pub|hA|hB|nA|nB))\b/.exec(line)
    if (!match || Number(match[2]) === process.pid) continue
    let alive = true
    try {
      process.kill(Number(match[2]), 0)
    } catch {
      alive = false
    }
    if (!alive) spawnSync('ip', ['netns', 'del', match[1]!])
  }
}

export interface HomeNetworks {
  /** Namespace names: `public`, `homeA`, `homeB` (and the two NAT routers). */
  readonly ns: { public: string; homeA: string; homeB: string; natA: string; natB: string }
  /** The namespace of a home. */
  home(home: Home): string
  /** Turns a home's router into an ordinary or a symmetric NAT. */
  setNat(home: Home, kind: NatKind): void
  /** Drops (or lets through again) every UDP packet from a home to the internet. */
  blockUdp(home: Home, blocked: boolean): void
  /** Starts a program inside a namespace; it is killed on teardown if still running. */
  spawnIn(namespace: string, command: string, args: string[], env?: NodeJS.ProcessEnv): ChildProcess
  /** An executable that runs Chromium inside a namespace (for playwright-core's executablePath). */
  chromiumIn(namespace: string, chromium: string): string
  /** Kills what was started inside and removes every namespace and link. */
  teardown(): Promise<void>
}

/** Builds the networks above; if any step fails, what was made is removed again. */
export function buildHomeNetworks(): HomeNetworks {
  removeLeftovers()
  const tag = `gr${process.pid}`
  const ns = { public: `${tag}pub`, homeA: `${tag}hA`, homeB: `${tag}hB`, natA: `${tag}nA`, natB: `${tag}nB` }
  const scratch = mkdtempSync(join(tmpdir(), 'greenroom-netns-'))
  const children: ChildProcess[] = []
  const made: string[] = []
  const ip = (namespace: string, ...args: string[]) => run('ip', ['-n', namespace, ...args])
  const nat = (home: Home) => (home === 'a' ? ns.natA : ns.natB)
  const wan = (home: Home) => `${tag}w${home}`

  const teardown = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve()
            const timer = setTimeout(() => {
              child.kill('SIGKILL')
              resolve()
            }, 5_000)
            child.once('exit', () => {
              clearTimeout(timer)
              resolve()
            })
            child.kill('SIGTERM')
          })
      )
    )
    // Removing a namespace removes the links inside it, and the veth peers with them.
    for (const name of made.splice(0).reverse()) spawnSync('ip', ['netns', 'del', name])
    rmSync(scratch, { recursive: true, force: true })
  }

  const natRules = (home: Home, kind: NatKind, udpBlocked: boolean) => `
    table ip greenroom
    delete table ip greenroom
    table ip greenroom {
      chain post { type nat hook postrouting priority 100; oifname "${wan(home)}" masquerade${kind === 'symmetric' ? ' fully-random' : ''}; }
      chain forward { type filter hook forward priority 0; ${udpBlocked ? `oifname "${wan(home)}" meta l4proto udp drop;` : ''} }
    }`
  const natState: Record<Home, { kind: NatKind; udpBlocked: boolean }> = {
    a: { kind: 'ordinary', udpBlocked: false },
    b: { kind: 'ordinary', udpBlocked: false }
  }
  const applyNat = (home: Home) => {
    run('ip', ['netns', 'exec', nat(home), 'nft', '-f', '-'], natRules(home, natState[home].kind, natState[home].udpBlocked))
    // Forget mappings made under the old rules, as a router restart would.
    spawnSync('ip', ['netns', 'exec', nat(home), 'sh', '-c', 'echo f > /proc/net/nf_conntrack 2>/dev/null || true'])
    spawnSync('ip', ['netns', 'exec', nat(home), 'conntrack', '-F'], { stdio: 'ignore' })
  }

  try {
    for (const name of Object.values(ns)) {
      run('ip', ['netns', 'add', name])
      made.push(name)
      // IPv4 only: IPv6 would give every link an address that settles a second later, and
      // Chromium, seeing the network change, cuts off the page loads in flight (ERR_NETWORK_CHANGED).
      run('ip', ['netns', 'exec', name, 'sysctl', '-qw', 'net.ipv6.conf.all.disable_ipv6=1', 'net.ipv6.conf.default.disable_ipv6=1'])
      ip(name, 'link', 'set', 'lo', 'up')
    }
    // The internet: a bridge in the public namespace.
    ip(ns.public, 'link', 'add', 'inet', 'type', 'bridge')
    ip(ns.public, 'addr', 'add', `${PUBLIC_IP}/24`, 'dev', 'inet')
    ip(ns.public, 'link', 'set', 'inet', 'up')
    // The dead end: a veth pair inside the public namespace, and a fixed neighbour nobody answers as.
    ip(ns.public, 'link', 'add', 'dead0', 'type', 'veth', 'peer', 'name', 'dead1')
    ip(ns.public, 'link', 'set', 'dead0', 'up')
    ip(ns.public, 'link', 'set', 'dead1', 'up')
    ip(ns.public, 'route', 'add', 'default', 'via', '203.0.113.254', 'dev', 'dead0', 'onlink')
    ip(ns.public, 'neigh', 'add', '203.0.113.254', 'lladdr', '02:00:00:00:00:fe', 'dev', 'dead0', 'nud', 'permanent')

    for (const home of ['a', 'b'] as const) {
      const router = nat(home)
      const inside = home === 'a' ? ns.homeA : ns.homeB
      const uplink = `${tag}u${home}`
      run('ip', ['link', 'add', wan(home), 'netns', router, 'type', 'veth', 'peer', 'name', uplink, 'netns', ns.public])
      ip(ns.public, 'link', 'set', uplink, 'master', 'inet', 'up')
      ip(router, 'addr', 'add', `${WAN_IP[home]}/24`, 'dev', wan(home))
      ip(router, 'link', 'set', wan(home), 'up')
      const lan = `${tag}l${home}`
      run('ip', ['link', 'add', lan, 'netns', router, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', inside])
      ip(router, 'addr', 'add', `${LAN[home].router}/24`, 'dev', lan)
      ip(router, 'link', 'set', lan, 'up')
      ip(inside, 'addr', 'add', `${LAN[home].home}/24`, 'dev', 'eth0')
      ip(inside, 'link', 'set', 'eth0', 'up')
      ip(inside, 'route', 'add', 'default', 'via', LAN[home].router)
      run('ip', ['netns', 'exec', router, 'sysctl', '-qw', 'net.ipv4.ip_forward=1'])
      // The router's default route is the internet; it knows nothing of the other home.
      ip(router, 'route', 'add', 'default', 'via', PUBLIC_IP)
      applyNat(home)
    }
  } catch (error) {
    void teardown()
    throw error
  }

  return {
    ns,
    home: (home) => (home === 'a' ? ns.homeA : ns.homeB),
    setNat(home, kind) {
      natState[home].kind = kind
      applyNat(home)
    },
    blockUdp(home, blocked) {
      natState[home].udpBlocked = blocked
      applyNat(home)
    },
    spawnIn(namespace, command, args, env) {
      const child = spawn('ip', ['netns', 'exec', namespace, command, ...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ...env }
      })
      children.push(child)
      return child
    },
    chromiumIn(namespace, chromium) {
      const path = join(scratch, `chromium-${namespace}`)
      writeFileSync(path, `#!/bin/sh\nexec ip netns exec ${namespace} ${chromium} "$@"\n`)
      chmodSync(path, 0o755)
      return path
    },
    teardown
  }
}
