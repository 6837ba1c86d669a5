import type { BrowserWindow as ElectronBrowserWindow } from 'electron'

/**
 * Makes the app window with Electron's security checklist spelled out in full. The
 * options stay a literal here so electronegativity can read them.
 */
export function createMainWindow(
  BrowserWindow: typeof ElectronBrowserWindow,
  preload: string,
  darkBackground: boolean
): ElectronBrowserWindow {
  return new BrowserWindow({
    title: 'Greenroom',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    show: false,
    backgroundColor: darkBackground ? '#242424' : '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      // Reviewed: the preload exposes only window.greenroom through contextBridge, never ipcRenderer.
      preload, // eng-disable PRELOAD_JS_CHECK
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would otherwise open links in new windows, past the window-open lock.
      disableBlinkFeatures: 'Auxclick'
    }
  })
}
