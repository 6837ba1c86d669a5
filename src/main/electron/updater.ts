import type { BrowserWindow, Dialog } from 'electron'
import type { AppUpdater } from 'electron-updater'
import { join } from 'node:path'

/** How often a running Greenroom looks for a new version, besides once at start. */
export const UPDATE_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000
/** electron-builder writes this next to app.asar when the build named an update feed. */
export const UPDATE_CONFIG_FILE = 'app-update.yml'

/**
 * Updates are on only in an installed app whose build named a feed (GREENROOM_UPDATE_URL at
 * `npm run dist`); a development run or a build without a feed never looks for one.
 */
export function updateFeedConfigured(runtime: { isPackaged: boolean; resourcesPath: string; exists: (path: string) => boolean }): boolean {
  return runtime.isPackaged && runtime.exists(join(runtime.resourcesPath, UPDATE_CONFIG_FILE))
}

export interface CallState {
  isInCall(): boolean
  onCallEnded(listener: () => void): () => void
}

export interface UpdaterDeps {
  autoUpdater: Pick<AppUpdater, 'on' | 'checkForUpdates' | 'quitAndInstall' | 'autoDownload' | 'autoInstallOnAppQuit'>
  calls: CallState
  /** Asks the user whether to restart now into `version`: true for yes. */
  ask: (version: string) => Promise<boolean>
  /** Runs just before the restart, so closing the window quits instead of hiding it to the tray. */
  beforeRestart: () => void
  onError: (error: unknown) => void
  setInterval?: (run: () => void, ms: number) => { unref?: () => void }
}

/**
 * Downloads new versions in the background and offers a restart once one is ready. Never
 * during a call: the question waits until the call ends, and a restart the user agreed to
 * waits too if a call started meanwhile. "Later" installs it when the user next quits.
 */
export function createUpdater(deps: UpdaterDeps) {
  const { autoUpdater, calls } = deps
  autoUpdater.autoDownload = true
  autoUpdater.autoInstallOnAppQuit = true
  let ready: string | null = null
  let asking = false
  let postponed = false
  let agreed = false
  let stopWaiting: (() => void) | null = null

  function afterTheCall(): void {
    stopWaiting ??= calls.onCallEnded(() => {
      stopWaiting?.()
      stopWaiting = null
      void offer()
    })
  }

  async function offer(): Promise<void> {
    if (!ready || asking || postponed) return
    if (calls.isInCall()) return afterTheCall()
    if (!agreed) {
      asking = true
      try {
        agreed = await deps.ask(ready)
      } finally {
        asking = false
      }
      if (!agreed) {
        postponed = true
        return
      }
      // The user may have joined a call while the question was open.
      if (calls.isInCall()) return afterTheCall()
    }
    deps.beforeRestart()
    autoUpdater.quitAndInstall()
  }

  autoUpdater.on('update-downloaded', (info) => {
    ready = info.version
    postponed = false
    void offer().catch(deps.onError)
  })
  // Offline or a feed that is down: try again at the next check, and never bother the user.
  autoUpdater.on('error', (error) => deps.onError(error))

  const check = (): void => void autoUpdater.checkForUpdates().catch(deps.onError)
  return {
    /** Looks now and then every few hours. */
    start(): void {
      check()
      ;(deps.setInterval ?? setInterval)(check, UPDATE_CHECK_INTERVAL_MS).unref?.()
    },
    check
  }
}

/**
 * electron-updater, loaded only when updates are on. It is CommonJS and defines autoUpdater as a
 * getter, which import() cannot see as a named export: it is read from the module object.
 */
export async function loadAutoUpdater(): Promise<AppUpdater> {
  const loaded: { default?: { autoUpdater: AppUpdater }; autoUpdater?: AppUpdater } = await import('electron-updater')
  const autoUpdater = loaded.default?.autoUpdater ?? loaded.autoUpdater
  if (!autoUpdater) throw new Error('electron-updater did not load')
  return autoUpdater
}

/** Starts updates when the build named a feed; they never hold up or stop the start (failures are only logged). */
export function startUpdatesIfConfigured(
  runtime: Parameters<typeof updateFeedConfigured>[0],
  deps: Omit<UpdaterDeps, 'autoUpdater'>,
  load: () => Promise<AppUpdater> = loadAutoUpdater
): boolean {
  if (!updateFeedConfigured(runtime)) return false
  void load()
    .then((autoUpdater) => createUpdater({ ...deps, autoUpdater }).start())
    .catch(deps.onError)
  return true
}

/** The restart question, in the app's window when there is one. */
export function askToRestart(
  dialog: Pick<Dialog, 'showMessageBox'>,
  window: () => BrowserWindow | null
): (version: string) => Promise<boolean> {
  return async (version) => {
    const options: Electron.MessageBoxOptions = {
      type: 'info',
      buttons: ['Restart now', 'Later'],
      defaultId: 0,
      cancelId: 1,
      title: 'Update ready',
      message: `Greenroom ${version} is ready.`,
      detail: 'Restart Greenroom to start using it. If you choose Later, it is installed the next time you quit Greenroom.'
    }
    const current = window()
    const shown = current && !current.isDestroyed() ? dialog.showMessageBox(current, options) : dialog.showMessageBox(options)
    const { response } = await shown
    return response === 0
  }
}
