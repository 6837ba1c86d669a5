import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs build script without types
import { buildIfNeeded } from '../../../scripts/build-if-needed.mjs'

const root = join(__dirname, '../../..')
const require = createRequire(__filename)
const { buildConfig } = require(join(root, 'electron-builder.cjs'))
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'))
const FEED = 'https://downloads.greenroom.example/desktop'

// electron-builder's own schema check, the one `npm run dist` runs before it packages anything.
async function validate(config: unknown): Promise<void> {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config')
  const { DebugLogger } = require('builder-util')
  await validateConfiguration(config, new DebugLogger(false))
}

describe('the electron-builder configuration', () => {
  it('passes electron-builder’s own validation, with and without an update feed', { timeout: 60_000 }, async () => {
    await expect(validate(buildConfig({}))).resolves.toBeUndefined()
    await expect(validate(buildConfig({ GREENROOM_UPDATE_URL: FEED }))).resolves.toBeUndefined()
    // The check is real: an option electron-builder does not know is refused.
    await expect(validate({ ...buildConfig({}), autoUpdate: true })).rejects.toThrow(/unknown property 'autoUpdate'/)
  })

  it('names the pinned Electron, the app id and installers for the three systems', () => {
    const config = buildConfig({})
    expect(config.electronVersion).toBe(manifest.optionalDependencies.electron)
    expect(config.appId).toBe('app.greenroom.desktop')
    expect(config.productName).toBe(manifest.productName)
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(config.mac.target).toContainEqual({ target: 'dmg', arch: ['x64', 'arm64'] })
    expect(config.protocols).toEqual([{ name: 'Greenroom interview link', schemes: ['greenroom'] }])
  })

  it('builds the update feed in only when one is given, as a generic provider', () => {
    expect(buildConfig({}).publish).toBeNull()
    expect(buildConfig({ GREENROOM_UPDATE_URL: ' ' }).publish).toBeNull()
    expect(buildConfig({ GREENROOM_UPDATE_URL: FEED }).publish).toEqual([{ provider: 'generic', url: FEED }])
  })

  it('points at icons that exist', () => {
    const config = buildConfig({})
    for (const icon of [config.mac.icon, config.win.icon, join(config.linux.icon, '512x512.png')]) {
      expect(existsSync(join(root, icon)), icon).toBe(true)
    }
  })
})

/**
 * Runs electron-builder itself for Linux's unpacked folder (the one its installers wrap), with a
 * stand-in for the Electron binary: a file holding Electron's fuse wire in its factory state.
 */
describe('the packaged app', () => {
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
  const work = mkdtempSync(join(tmpdir(), 'greenroom-pack-'))
  const appDir = join(work, 'out', 'linux-unpacked')
  const resources = join(appDir, 'resources')
  let files: string[] = []
  let asar: typeof import('@electron/asar')

  beforeAll(async () => {
    buildIfNeeded()
    const electronDist = join(work, 'electron')
    mkdirSync(join(electronDist, 'resources'), { recursive: true })
    // RunAsNode, cookie encryption, NODE_OPTIONS, inspect, asar integrity, asar only, V8 snapshot, file:// privileges.
    const factoryWire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('10110001')])
    writeFileSync(join(electronDist, 'electron'), Buffer.concat([Buffer.from('stand-in electron\0'), factoryWire]))
    chmodSync(join(electronDist, 'electron'), 0o755)
    writeFileSync(join(electronDist, 'LICENSE'), 'MIT')

    const { build, Platform, Arch } = require('electron-builder')
    process.env.GREENROOM_UPDATE_URL = FEED
    try {
      await build({
        projectDir: root,
        targets: Platform.LINUX.createTarget('dir', Arch.x64),
        publish: 'never',
        // The stand-in Electron, and no rebuild: sqlite3 here is already built for this system.
        config: { electronDist, npmRebuild: false, directories: { output: join(work, 'out') } }
      })
    } finally {
      delete process.env.GREENROOM_UPDATE_URL
    }
    asar = require('@electron/asar')
    files = asar.listPackage(join(resources, 'app.asar'), { isPack: false }).map((file: string) => file.replaceAll('\\', '/'))
  }, 300_000)
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  const topLevelModules = () =>
    new Set(
      files
        .map((file) => file.split('/'))
        .filter((parts) => parts[1] === 'node_modules' && parts.length > 3)
        .map((parts) => (parts[2]!.startsWith('@') ? `${parts[2]}/${parts[3]}` : parts[2]!))
    )

  it('holds the built app: main, preload, renderer, tray icons and the manifest that starts it', () => {
    const app = ['/out/main/index.js', '/out/preload/index.js', '/out/renderer/index.html', '/out/renderer/browser-bridge.js']
    for (const file of [...app, '/resources/tray.png', '/package.json']) {
      expect(files, file).toContain(file)
    }
    expect(files.some((file) => file.startsWith('/src/') || file.startsWith('/tests/') || file.endsWith('.map'))).toBe(false)
    const packagedManifest = JSON.parse(asar.extractFile(join(resources, 'app.asar'), 'package.json').toString())
    expect(packagedManifest).toMatchObject({ name: 'greenroom', version: manifest.version, main: './out/main/index.js' })
  })

  it('holds the production dependencies only', () => {
    const packaged = topLevelModules()
    for (const name of Object.keys(manifest.dependencies)) expect(packaged.has(name), name).toBe(true)
    // Each packaged copy is one the lock file installs for production (at any depth of the tree).
    for (const name of packaged) {
      const { version } = JSON.parse(asar.extractFile(join(resources, 'app.asar'), `node_modules/${name}/package.json`).toString())
      const installs = Object.entries<{ version?: string; dev?: boolean }>(lock.packages).filter(
        ([path, entry]) => (path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`)) && entry.version === version
      )
      expect(installs.length, `${name}@${version} is not in the lock file`).toBeGreaterThan(0)
      expect(
        installs.some(([, entry]) => entry.dev !== true),
        `${name}@${version} is a development dependency`
      ).toBe(true)
    }
    for (const name of ['react', '@mantine/core', 'electron-builder', 'vitest', 'electron', 'playwright-core']) {
      expect(packaged.has(name), name).toBe(false)
    }
  })

  it('keeps sqlite3’s native module outside the archive, where it can load', () => {
    const native = 'node_modules/sqlite3/build/Release/node_sqlite3.node'
    expect(existsSync(join(resources, 'app.asar.unpacked', native))).toBe(true)
    expect(asar.statFile(join(resources, 'app.asar'), native)).toMatchObject({ unpacked: true })
    expect(files).toContain('/node_modules/sqlite3/lib/sqlite3.js')
  })

  it('flips the fuses: no run-as-node, NODE_OPTIONS or inspect; cookie encryption, asar only and its integrity on', async () => {
    const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses')
    const wire = await getCurrentFuseWire(join(appDir, 'greenroom'))
    const [off, on] = ['0'.charCodeAt(0), '1'.charCodeAt(0)]
    expect(wire[FuseV1Options.RunAsNode]).toBe(off)
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off)
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off)
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(off)
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(on)
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on)
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(on)
  })

  it('carries the update feed it was built with, where the updater looks for it', () => {
    const updateConfig = readFileSync(join(resources, 'app-update.yml'), 'utf8')
    expect(updateConfig).toContain('provider: generic')
    expect(updateConfig).toContain(`url: ${FEED}`)
  })
})
