import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, beforeAll } from 'vitest'

const ROOT = join(__dirname, '../..')

export interface BuiltProcess {
  child: ChildProcess
  output: () => string
  /** What `ready` matched in the output once the process said it was up. */
  match: RegExpExecArray
  exited: Promise<number | null>
}

/**
 * Runs the built entry points (`out/main/*.js`) as child processes, as `npm run signal` and
 * `npm run start:browser` do: the build is brought up to date first, and every process
 * started is killed after its test.
 */
export function useBuiltProcesses(): (
  script: string,
  args: string[],
  options: { ready: RegExp; env?: NodeJS.ProcessEnv; nodeArgs?: string[]; readyWithinMs?: number }
) => Promise<BuiltProcess> {
  const running: Pick<BuiltProcess, 'child' | 'exited'>[] = []
  afterEach(async () => {
    for (const { child, exited } of running.splice(0)) {
      if (child.exitCode === null) child.kill('SIGKILL')
      await exited
    }
  })
  beforeAll(() => {
    const build = spawnSync(process.execPath, ['-e', "import('./scripts/build-if-needed.mjs').then((m) => m.buildIfNeeded())"], {
      cwd: ROOT,
      encoding: 'utf8'
    })
    if (build.status !== 0) throw new Error(`The build failed:\n${build.stdout}\n${build.stderr}`)
  }, 240_000)

  return async (script, args, { ready, env = process.env, nodeArgs = [], readyWithinMs = 20_000 }) => {
    const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'out/main', script), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env
    })
    let output = ''
    child.stdout!.on('data', (chunk) => (output += chunk))
    child.stderr!.on('data', (chunk) => (output += chunk))
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    // Registered before waiting, so a process that never gets ready is still killed.
    running.push({ child, exited })
    const match = await new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Not ready within ${readyWithinMs / 1000} s:\n${output}`)), readyWithinMs)
      child.stdout!.on('data', () => {
        const found = ready.exec(output)
        if (found && output.includes('Press Ctrl+C to stop.')) {
          clearTimeout(timer)
          resolve(found)
        }
      })
      void exited.then((code) => {
        clearTimeout(timer)
        reject(new Error(`Exited with ${code}:\n${output}`))
      })
    })
    return { child, output: () => output, match, exited }
  }
}
