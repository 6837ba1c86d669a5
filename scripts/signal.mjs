import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { buildIfNeeded } from './build-if-needed.mjs'

// `npm run signal -- [--port N] [--host H] …`: the signaling server on its own, in plain Node.
const root = new URL('..', import.meta.url).pathname
buildIfNeeded()
const server = spawn(process.execPath, [join(root, 'out/main/signal.js'), ...process.argv.slice(2)], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
