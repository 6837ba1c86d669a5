import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { buildIfNeeded } from './build-if-needed.mjs'

const root = new URL('..', import.meta.url).pathname

/** Runs Greenroom in browser mode: the host in plain Node, the app in any Chromium. */
export function startBrowserMode(args) {
  buildIfNeeded()
  const host = spawn(process.execPath, [join(root, 'out/main/browser-host.js'), ...args], { stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal))
  host.on('exit', (code) => process.exit(code ?? 0))
}

if (import.meta.url === `file://${process.argv[1]}`) startBrowserMode(process.argv.slice(2))
