// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, before it is
// signed, so the shipped app cannot be turned into a plain Node runtime or debugged from outside.
const { join } = require('node:path')
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses')
const { Arch } = require('electron-builder')

const FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // The renderer is served on app://, so file:// needs none of its old extra powers.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false
}

/** Where electron-builder put the Electron binary (on macOS, the .app bundle). */
function packagedBinary({ electronPlatformName, appOutDir, packager }) {
  const name = packager.appInfo.productFilename
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${name}.app`)
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`)
  return join(appOutDir, packager.executableName)
}

async function afterPack(context) {
  await flipFuses(packagedBinary(context), {
    version: FuseVersion.V1,
    // Changing an arm64 binary breaks its ad-hoc signature; an unsigned build needs a fresh one.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === Arch.arm64,
    ...FUSES
  })
}

module.exports = afterPack
module.exports.FUSES = FUSES
module.exports.packagedBinary = packagedBinary
