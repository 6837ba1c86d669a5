import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'

/** The settings of Electron's security checklist; every app window is made with these. */
export function secureWebPreferences(preload: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
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
    safeDialogs: true
  }
}

export function mainWindowOptions(preload: string, darkBackground: boolean): BrowserWindowConstructorOptions {
  return {
    title: 'Greenroom',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    show: false,
    backgroundColor: darkBackground ? '#1f1f1f' : '#ffffff',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preload)
  }
}

export async function loadRenderer(window: BrowserWindow, rendererUrl: string): Promise<void> {
  await window.loadURL(rendererUrl)
}
