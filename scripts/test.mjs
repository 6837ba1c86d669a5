// `npm test`: typecheck, lint, build, unit tests and end-to-end tests, then one line that sums them.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const bin = (name) => join(root, 'node_modules/.bin', name)
const reports = mkdtempSync(join(tmpdir(), 'greenroom-test-report-'))
const suites = []

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status === 0
}

/** A step that is one check: it passes or fails as a whole. */
function check(name, command, args) {
  console.log(`\n▶ ${name}`)
  const ok = run(command, args)
  suites.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 })
  return ok
}

/** A command run with its output kept: resolves to whether it passed, and what it printed. */
function runKept(command, args, env = {}) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  return new Promise((resolve) => {
    child.on('error', (error) => resolve({ ok: false, output: `${output}${error.message}\n` }))
    child.on('close', (code) => resolve({ ok: code === 0, output }))
  })
}

/** Checks run `width` at a time; each one's output is printed whole, in the order given, so no two mix. */
async function checksSideBySide(checks, width) {
  const results = new Array(checks.length)
  let next = 0
  const worker = async () => {
    while (next < checks.length) {
      const index = next++
      results[index] = runKept(checks[index].command, checks[index].args)
      await results[index]
    }
  }
  const workers = Promise.all(Array.from({ length: width }, worker))
  for (const [index, { name }] of checks.entries()) {
    while (!results[index]) await new Promise((resolve) => setTimeout(resolve, 50))
    const { ok, output } = await results[index]
    console.log(`\n▶ ${name}`)
    if (output) process.stdout.write(output)
    suites.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 })
  }
  await workers
}

/** A vitest run's counts, test by test, from its JSON report (`ok`: the run's own exit status). */
function countReport(name, report, ok) {
  let passed = 0
  let failed
  try {
    const summary = JSON.parse(readFileSync(report, 'utf8'))
    passed = summary.numPassedTests
    failed = summary.numFailedTests + (summary.numTotalTestSuites > 0 && !ok && summary.numFailedTests === 0 ? 1 : 0)
  } catch {
    failed = 1 // the runner itself crashed before reporting
  }
  suites.push({ name, passed, failed })
}

const reportFor = (name) => join(reports, `${name.replaceAll(/\W+/g, '-')}.json`)
const vitestArgs = (configArgs, report) => ['run', ...configArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]

/** A vitest run, counted test by test from its JSON report. */
function vitest(name, configArgs, env = {}) {
  console.log(`\n▶ ${name}`)
  const report = reportFor(name)
  countReport(name, report, run(bin('vitest'), vitestArgs(configArgs, report), env))
}

// The static checks, two at a time (the machine has two cores; each is mostly one thread).
// Both linters keep a cache beside the project (never inside node_modules, whose files other checkouts may share).
await checksSideBySide(
  [
    { name: 'typecheck: main, preload and tests', command: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.node.json'] },
    { name: 'typecheck: renderer', command: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.web.json'] },
    { name: 'typecheck: end-to-end tests and benchmarks', command: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.e2e.json'] },
    { name: 'lint: ESLint', command: bin('eslint'), args: ['--cache', '.'] },
    {
      name: 'lint: Prettier formatting',
      command: bin('prettier'),
      args: ['--check', '--cache', '--cache-location', '.prettiercache', '.', '--log-level', 'warn']
    }
  ],
  2
)
check('build', bin('electron-vite'), ['build', '--logLevel', 'warn'])
vitest('unit tests', [])
// The desk's pages two files at a time, then the real calls one at a time with nothing beside them
// (vitest.e2e.config.mts): a call's checks measure its media and timing, which a busy machine skews.
vitest('end-to-end tests: desk', ['--config', 'vitest.e2e.config.mts'], { GREENROOM_E2E_LANE: 'desk' })
vitest('end-to-end tests: calls', ['--config', 'vitest.e2e.config.mts'], { GREENROOM_E2E_LANE: 'calls' })
rmSync(reports, { recursive: true, force: true })

const passed = suites.reduce((sum, suite) => sum + suite.passed, 0)
const failed = suites.reduce((sum, suite) => sum + suite.failed, 0)
console.log('\nSummary')
for (const suite of suites) console.log(`  ${suite.failed ? '✗' : '✓'} ${suite.name}: ${suite.passed} passed, ${suite.failed} failed`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
