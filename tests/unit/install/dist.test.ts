import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '../../..')

describe('npm run dist where Electron cannot be downloaded', () => {
  it('says so in one line and stops, before building anything', () => {
    const cache = mkdtempSync(join(tmpdir(), 'greenroom-electron-cache-'))
    try {
      // Nothing cached, and a release server that refuses every connection.
      const env = { ...process.env, ELECTRON_CACHE: cache, ELECTRON_MIRROR: 'http://127.0.0.1:9/', GREENROOM_ELECTRON_DIST: '' }
      const result = spawnSync(process.execPath, [join(root, 'scripts/dist.mjs')], { cwd: root, env, encoding: 'utf8' })
      expect(result.status).toBe(1)
      expect(result.stdout).toBe('')
      expect(result.stderr.trim().split('\n')).toEqual([
        `npm run dist: Electron 41.7.1 for ${process.platform}-${process.arch} cannot be downloaded here (no access to its release server); ` +
          'run it on a machine with internet.'
      ])
    } finally {
      rmSync(cache, { recursive: true, force: true })
    }
  })
})
