import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '../../..')
function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((version) => version.split('.').map(Number))
  for (let i = 0; i < 3; i++) if ((x![i] ?? 0) !== (y![i] ?? 0)) return (x![i] ?? 0) - (y![i] ?? 0)
  return 0
}
const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'))

// `npm install` must succeed where the Electron binary cannot be downloaded: npm skips an
// optional dependency whose install script fails instead of aborting the whole install.
describe('a plain npm install on a machine that cannot download Electron', () => {
  const manifest = readJson('package.json')
  const lock = readJson('package-lock.json')

  it('installs Electron only as an optional dependency, whose own install runs on the Node the README asks for', () => {
    expect(manifest.optionalDependencies?.electron).toMatch(/^\d+\.\d+\.\d+$/)
    expect(manifest.dependencies?.electron).toBeUndefined()
    expect(manifest.devDependencies?.electron).toBeUndefined()
    expect(lock.packages['node_modules/electron']?.optional).toBe(true)
    // npm silently drops an optional package whose dependencies refuse this Node (Electron
    // 41.7.2+ pulls in @electron/get 5, Node >= 22.12), so it would never install at all.
    const oldestNode = manifest.engines.node.replace('>=', '')
    for (const [path, entry] of Object.entries<{ optional?: boolean; engines?: { node?: string } }>(lock.packages)) {
      const wanted = entry.engines?.node?.match(/^>=\s*([\d.]+)$/)?.[1]
      if (entry.optional && wanted) expect(compareVersions(wanted, oldestNode), path).toBeLessThanOrEqual(0)
    }
  })

  it('types and builds against a types-only package of the same Electron major version', () => {
    const major = (version: string) => version.split('.')[0]
    expect(major(manifest.devDependencies['electron-types'])).toBe(major(manifest.optionalDependencies.electron))
    expect(major(lock.packages['node_modules/electron-types'].version)).toBe(major(lock.packages['node_modules/electron'].version))
    const nodeConfig = readJson('tsconfig.node.json')
    expect(nodeConfig.compilerOptions.paths.electron[0]).toContain('electron-types')
  })

  it('lets CI install with the same command the README gives a user, with no environment variable', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    const ci = readFileSync(join(root, '.ci/run'), 'utf8')
    expect(readme).toMatch(/```sh\nnpm install\nnpm start\n```/)
    expect(ci).toMatch(/^npm install$/m)
    expect(ci).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD')
  })
})
