// `npm run dist`: builds Greenroom and makes the installers for this system with electron-builder
// (arguments after `--` go to electron-builder, e.g. `npm run dist -- --mac --arm64`). Where the
// Electron download is impossible it says so in one line instead of failing deep inside.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).optionalDependencies.electron
const zipName = `electron-v${version}-${process.platform}-${process.arch}.zip`

/** Where @electron/get keeps downloads (electron-builder uses it), per system. */
function electronCacheDirs() {
  if (process.env.ELECTRON_CACHE) return [process.env.ELECTRON_CACHE]
  if (process.platform === 'darwin') return [join(homedir(), 'Library/Caches/electron')]
  if (process.platform === 'win32') return [join(process.env.LOCALAPPDATA ?? join(homedir(), 'AppData/Local'), 'electron/Cache')]
  return [join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron')]
}

function isCached() {
  const holds = (dir, depth) => {
    if (!existsSync(dir)) return false
    return readdirSync(dir, { withFileTypes: true }).some(
      (entry) => entry.name === zipName || (entry.isDirectory() && depth > 0 && holds(join(dir, entry.name), depth - 1))
    )
  }
  return electronCacheDirs().some((dir) => holds(dir, 1))
}

async function canDownload() {
  const mirror = process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/'
  const url = `${mirror.replace(/\/?$/, '/')}v${version}/SHASUMS256.txt`
  try {
    const response = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(15_000) })
    return response.ok
  } catch {
    return false
  }
}

const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })

if (!process.env.GREENROOM_ELECTRON_DIST && !isCached() && !(await canDownload())) {
  const target = `${process.platform}-${process.arch}`
  console.error(
    `npm run dist: Electron ${version} for ${target} cannot be downloaded here (no access to its release server); run it on a machine with internet.`
  )
  process.exit(1)
}

const build = run('npm', ['run', 'build'])
if (build.status !== 0) process.exit(build.status ?? 1)

const extra = process.env.GREENROOM_ELECTRON_DIST ? [`-c.electronDist=${process.env.GREENROOM_ELECTRON_DIST}`] : []
const args = process.argv.slice(2)
const publish = args.includes('--publish') || args.includes('-p') ? [] : ['--publish', 'never']
const builder = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder')
const packaged = run(builder, [...publish, ...extra, ...args])
process.exit(packaged.status ?? 1)
