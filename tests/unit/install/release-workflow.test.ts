import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '../../..')
// electron-builder's own YAML reader (a dependency of it), so the file is read as CI reads it.
const yaml = createRequire(require.resolve('app-builder-lib'))('js-yaml') as { load(text: string): any }
const workflow = yaml.load(readFileSync(join(root, '.github/workflows/release.yml'), 'utf8'))

describe('the release workflow', () => {
  it('runs on a version tag and builds on Linux, Windows and macOS with npm run dist', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*.*.*'] } })
    const { matrix } = workflow.jobs.installers.strategy
    expect(matrix.include.map((entry: { os: string }) => entry.os)).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest'])
    expect(matrix.include.find((entry: { os: string }) => entry.os === 'macos-latest').args).toBe('--mac --x64 --arm64')
    const steps = workflow.jobs.installers.steps as { run?: string; env?: Record<string, string> }[]
    const dist = steps.find((step) => step.run?.startsWith('npm run dist'))
    expect(dist?.env?.GREENROOM_UPDATE_URL).toContain('releases/latest/download')
  })

  it('publishes the installers together with the update metadata the installed apps read', () => {
    const upload = workflow.jobs.installers.steps.find((step: { uses?: string }) => step.uses?.startsWith('actions/upload-artifact'))
    const installers = ['dist/*.AppImage', 'dist/*.deb', 'dist/*.exe', 'dist/*.dmg', 'dist/*.zip']
    for (const pattern of [...installers, 'dist/*.blockmap', 'dist/latest*.yml']) {
      expect(upload.with.path).toContain(pattern)
    }
    expect(workflow.jobs.publish.needs).toBe('installers')
    expect(workflow.jobs.publish.permissions).toEqual({ contents: 'write' })
    expect(workflow.jobs.publish.steps.at(-1).run).toMatch(/^gh release create "\$GITHUB_REF_NAME" dist\/\*/)
  })
})
