// electron-builder's configuration for `npm run dist` (scripts/dist.mjs): the installers for the
// system it runs on. App id, product name and version come from package.json.
const { optionalDependencies } = require('./package.json')

/**
 * The update feed is fixed when the installers are built: GREENROOM_UPDATE_URL names a folder
 * that serves latest*.yml next to the installers (generic provider). Without it the app never
 * looks for updates.
 * @returns {import('electron-builder').Configuration}
 */
function buildConfig(env) {
  const updateFeed = env.GREENROOM_UPDATE_URL?.trim() || null
  return {
    appId: 'app.greenroom.desktop',
    productName: 'Greenroom',
    // Electron is an optional dependency that may not be installed: name the version it pins.
    electronVersion: optionalDependencies.electron,
    directories: { output: 'dist', buildResources: 'build' },
    // The built app only; production dependencies are added by electron-builder itself.
    files: [
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      'resources/**',
      '!**/*.map',
      // sqlite3's sources and compiler leftovers (where it was built here rather than downloaded).
      '!node_modules/sqlite3/{deps,src}/**',
      '!node_modules/sqlite3/build/deps/**',
      '!node_modules/sqlite3/build/Release/{obj,obj.target,.deps,node-addon-api,test_extension.node}/**'
    ],
    asar: true,
    // Native code cannot load from inside the archive.
    asarUnpack: ['node_modules/sqlite3/build/Release/*.node'],
    afterPack: './build/after-pack.cjs',
    artifactName: '${productName}-${version}-${os}-${arch}.${ext}',
    protocols: [{ name: 'Greenroom interview link', schemes: ['greenroom'] }],
    publish: updateFeed ? [{ provider: 'generic', url: updateFeed }] : null,
    mac: {
      target: [
        { target: 'dmg', arch: ['x64', 'arm64'] },
        // Updates on macOS are applied from the zip.
        { target: 'zip', arch: ['x64', 'arm64'] }
      ],
      icon: 'build/icon.icns',
      category: 'public.app-category.productivity',
      hardenedRuntime: true,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
      extendInfo: {
        NSCameraUsageDescription: 'Greenroom uses your camera for video calls and the connection test.',
        NSMicrophoneUsageDescription: 'Greenroom uses your microphone for calls and the connection test.'
      }
    },
    dmg: { title: '${productName} ${version}' },
    win: { target: [{ target: 'nsis', arch: ['x64'] }], icon: 'build/icon.ico' },
    nsis: { oneClick: true, perMachine: false, shortcutName: 'Greenroom', deleteAppDataOnUninstall: false },
    linux: {
      target: ['AppImage', 'deb'],
      icon: 'build/icons',
      category: 'Office',
      executableName: 'greenroom',
      synopsis: 'Prepare for, hold and follow up client interviews',
      maintainer: 'Greenroom <dev@greenroom.local>'
    }
  }
}

// electron-builder calls an exported function for the configuration.
module.exports = () => buildConfig(process.env)
module.exports.buildConfig = buildConfig
