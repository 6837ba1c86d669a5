import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '../../..')
const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'))

// `npm install` must succeed where the Electron binary cannot be downloaded: npm skips an
// optional dependency whose install script fails instead of aborting the whole install.
describe('a plain npm install on a machine that cannot download Electron', () => {
  const manifest = readJson('package.json')
  const lock = readJson('package-lock.json')

  it('installs Electron only as an optional dependency', () => {
    expect(manifest.optionalDependencies?.electron).toMatch(/^\d+\.\d+\.\d+$/)
    expect(manifest.dependencies?.electron).toBeUndefined()
    expect(manifest.devDependencies?.electron).toBeUndefined()
    expect(lock.packages['node_modules/electron']?.optional).toBe(true)
  })

  it('types and builds against a types-only package of exactly the same Electron version', () => {
    expect(manifest.devDependencies['electron-types']).toBe(manifest.optionalDependencies.electron)
    expect(lock.packages['node_modules/electron-types']?.version).toBe(lock.packages['node_modules/electron'].version)
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
