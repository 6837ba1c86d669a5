// Runs electronegativity over src/ from its own folder (it brings a TypeScript parser that
// clashes with the app's) and fails on any finding.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const toolDir = join(root, 'tools/electronegativity')
const tool = join(toolDir, 'node_modules/.bin/electronegativity')

if (!existsSync(tool)) {
  console.log('Installing electronegativity in tools/electronegativity…')
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', toolDir], { stdio: 'inherit' })
  if (install.status !== 0) process.exit(install.status ?? 1)
}

// Scanning src/ finds no package.json, so name the Electron version the app ships with
// (package.json pins it; the runtime itself is optional and may not be installed).
const electronVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).optionalDependencies.electron
const report = join(mkdtempSync(join(tmpdir(), 'greenroom-eng-')), 'findings.csv')
const scan = spawnSync(
  tool,
  ['-i', join(root, 'src'), '-x', 'AvailableSecurityFixesGlobalCheck', '-e', electronVersion, '-r', '-v', 'false', '-o', report],
  { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' }
)
if (scan.status !== 0 || !existsSync(report)) {
  console.error(scan.stdout)
  console.error('electronegativity did not finish')
  process.exit(1)
}
const findings = readFileSync(report, 'utf8').trim().split('\n').slice(1).filter(Boolean)
rmSync(join(report, '..'), { recursive: true, force: true })
if (findings.length > 0) {
  console.error(`electronegativity: ${findings.length} finding(s) in src/:`)
  for (const finding of findings) console.error(`  ${finding}`)
  process.exit(1)
}
console.log(`electronegativity (Electron ${electronVersion}): no findings in src/`)
