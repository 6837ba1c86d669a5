import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { buildIfNeeded } from './build-if-needed.mjs'
import { startBrowserMode } from './start-browser.mjs'

const root = new URL('..', import.meta.url).pathname
const require = createRequire(import.meta.url)

/** The Electron binary's path, or null where it was never downloaded (offline installs). */
function electronBinary() {
  try {
    return require('electron')
  } catch {
    return null
  }
}

const electron = electronBinary()
if (!electron) {
  console.log('Electron runtime not installed here, so Greenroom starts in browser mode instead.')
  startBrowserMode(process.argv.slice(2))
} else {
  buildIfNeeded()
  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE // set, it would make Electron behave as plain Node
  const app = spawn(electron, [root], { stdio: 'inherit', env })
  app.on('exit', (code) => process.exit(code ?? 0))
}
