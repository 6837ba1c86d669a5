import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const SOURCES = ['src', 'package.json', 'electron.vite.config.ts']
const MARKER = join(root, 'out/main/browser-host.js')

function newestChange(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))))
}

function builtAt() {
  try {
    return statSync(MARKER).mtimeMs
  } catch {
    return 0
  }
}

/** Builds the app when the output is missing or older than the sources. */
export function buildIfNeeded() {
  const sourcesChanged = Math.max(...SOURCES.map((name) => newestChange(join(root, name))))
  if (builtAt() >= sourcesChanged) return
  console.log('Building Greenroom…')
  const result = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit']
  })
  if (result.status !== 0) {
    console.error('The build failed; see the errors above.')
    process.exit(result.status ?? 1)
  }
}
