// `npm test`: typecheck, build, unit tests and end-to-end tests, then one line that sums them.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const bin = (name) => join(root, 'node_modules/.bin', name)
const reports = mkdtempSync(join(tmpdir(), 'greenroom-test-report-'))
const suites = []

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env })
  return result.status === 0
}

/** A step that is one check: it passes or fails as a whole. */
function check(name, command, args) {
  console.log(`\n▶ ${name}`)
  const ok = run(command, args)
  suites.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 })
  return ok
}

/** A vitest run, counted test by test from its JSON report. */
function vitest(name, configArgs) {
  console.log(`\n▶ ${name}`)
  const report = join(reports, `${name.replaceAll(/\W+/g, '-')}.json`)
  const ok = run(bin('vitest'), ['run', ...configArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`])
  let passed = 0
  let failed = 0
  try {
    const summary = JSON.parse(readFileSync(report, 'utf8'))
    passed = summary.numPassedTests
    failed = summary.numFailedTests + (summary.numTotalTestSuites > 0 && !ok && summary.numFailedTests === 0 ? 1 : 0)
  } catch {
    failed = 1 // the runner itself crashed before reporting
  }
  suites.push({ name, passed, failed })
}

check('typecheck: main, preload and tests', bin('tsc'), ['--noEmit', '-p', 'tsconfig.node.json'])
check('typecheck: renderer', bin('tsc'), ['--noEmit', '-p', 'tsconfig.web.json'])
check('typecheck: end-to-end tests and benchmarks', bin('tsc'), ['--noEmit', '-p', 'tsconfig.e2e.json'])
check('build', bin('electron-vite'), ['build', '--logLevel', 'warn'])
vitest('unit tests', [])
vitest('end-to-end tests', ['--config', 'vitest.e2e.config.mts'])
rmSync(reports, { recursive: true, force: true })

const passed = suites.reduce((sum, suite) => sum + suite.passed, 0)
const failed = suites.reduce((sum, suite) => sum + suite.failed, 0)
console.log('\nSummary')
for (const suite of suites) console.log(`  ${suite.failed ? '✗' : '✓'} ${suite.name}: ${suite.passed} passed, ${suite.failed} failed`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
