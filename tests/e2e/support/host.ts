import { afterEach } from 'vitest'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(__dirname, '../../..')
export const HOST_SCRIPT = join(ROOT, 'out/main/browser-host.js')

export interface RunningHost {
  url: string
  origin: string
  output: () => string
  stop(): Promise<void>
}

/** Starts browser mode as a user would, from the built app, and waits for its link. */
export async function startHost(dataDir: string, extraArgs: string[] = []): Promise<RunningHost> {
  if (!existsSync(HOST_SCRIPT)) throw new Error('The app is not built: run `npm run build` before the end-to-end tests.')
  const child: ChildProcess = spawn(process.execPath, [HOST_SCRIPT, '--data-dir', dataDir, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Host printed no link within 20 s:\n${output}`)), 20_000)
    const check = () => {
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    }
    child.stdout!.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Host exited with ${code}:\n${output}`))
    })
  })

  return {
    url,
    origin: new URL(url).origin,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
  }
}

/** Starts hosts on fresh data folders for a test file, and stops them after each test. */
export function useHosts(tempDir: () => Promise<string>): (dataDir?: string, extraArgs?: string[]) => Promise<RunningHost> {
  const started: RunningHost[] = []
  afterEach(async () => {
    await Promise.all(started.splice(0).map((host) => host.stop()))
  })
  return async (dataDir, extraArgs = []) => {
    const host = await startHost(dataDir ?? (await tempDir()), extraArgs)
    started.push(host)
    return host
  }
}
