import { app, BrowserWindow, ipcMain, nativeTheme, session, shell } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { version } from '../../package.json'
import { createCore, type Core } from './core'
import { createAppUrlMatcher } from './electron/app-url'
import { forwardEvents, registerIpc } from './electron/ipc'
import { createShellSampleOpener } from './electron/sample-opener'
import { applySecurityPolicy } from './electron/security'
import { createMainWindow } from './electron/window'

/** Electron entry: compose the core with the Electron adapters. */
const rendererUrl =
  process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(__dirname, '../renderer/index.html')).toString()
const isAppUrl = createAppUrlMatcher(rendererUrl)

let core: Core | undefined
let mainWindow: BrowserWindow | null = null

async function showMainWindow(): Promise<void> {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
    return
  }
  mainWindow = createMainWindow(BrowserWindow, join(__dirname, '../preload/index.js'), nativeTheme.shouldUseDarkColors)
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('closed', () => (mainWindow = null))
  await mainWindow.loadURL(rendererUrl)
}

async function start(): Promise<void> {
  await app.whenReady()
  applySecurityPolicy({ app, session: session.defaultSession, shell, isAppUrl })
  core = await createCore({ dataDir: app.getPath('userData'), mode: 'electron', version, sampleOpener: createShellSampleOpener(shell) })
  registerIpc(ipcMain, core.handlers, isAppUrl)
  forwardEvents(core.events, () => BrowserWindow.getAllWindows().map((window) => window.webContents))
  await showMainWindow()
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => void showMainWindow())
  app.on('activate', () => void showMainWindow())
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => void core?.close())
  start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    console.error(`Greenroom could not start: ${message}`)
    app.exit(1)
  })
}
