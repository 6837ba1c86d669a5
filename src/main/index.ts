import {
  app,
  BrowserWindow,
  desktopCapturer,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  Notification,
  powerMonitor,
  protocol,
  session,
  shell,
  Tray
} from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { version } from '../../package.json'
import { createCore, type Core } from './core'
import { APP_ENTRY_URL, registerAppScheme, serveRenderer } from './electron/app-protocol'
import { appPageOrigin, createAppUrlMatcher } from './electron/app-url'
import { createCallWindow } from './electron/call-window'
import { createDeepLinks, listenForDeepLinks, registerDeepLinkScheme } from './electron/deep-links'
import { createScreenShare } from './electron/screen-share'
import { forwardEvents, registerIpc } from './electron/ipc'
import { applyStartAtLogin } from './electron/login-item'
import { createCallWaitingNotifier, createSystemNotifier } from './electron/notifications'
import { createShellMeetingOpener } from './electron/meeting-opener'
import { createShellSampleOpener } from './electron/sample-opener'
import { applySecurityPolicy } from './electron/security'
import { createAppTray } from './electron/tray'
import { askToRestart, startUpdatesIfConfigured } from './electron/updater'
import { createMainWindow } from './electron/window'
import { resolveHourCycle } from '../shared/time-format'

/** Electron entry: compose the core with the Electron adapters. */
// The built renderer is served on the app's own scheme (app://greenroom/), never from file://.
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? APP_ENTRY_URL
registerAppScheme(protocol)
const isAppUrl = createAppUrlMatcher(rendererUrl)
const TRAY_REFRESH_MS = 60_000

let core: Core | undefined
let mainWindow: BrowserWindow | null = null
// Closing the window hides it to the tray; only Quit (or the system) ends the app.
let quitting = false
const callWindow = createCallWindow({ window: () => mainWindow, dialog })

/** Shows the window, on `path` when given (an in-app route such as /calendar). */
async function showMainWindow(path?: string): Promise<void> {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
    if (path) core?.events.emit('navigate', { path })
    return
  }
  mainWindow = createMainWindow(BrowserWindow, join(__dirname, '../preload/index.js'), nativeTheme.shouldUseDarkColors)
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('close', (event) => {
    // An accidental close in a call asks first; leaving ends the call by reloading the page.
    if (!callWindow.confirmClose()) {
      event.preventDefault()
      quitting = false
      return
    }
    if (quitting) return
    event.preventDefault()
    mainWindow?.hide()
    if (callWindow.wasInCall()) void mainWindow?.loadURL(rendererUrl)
  })
  mainWindow.on('closed', () => (mainWindow = null))
  await mainWindow.loadURL(path ? `${rendererUrl}#${path}` : rendererUrl)
}

const open = (path?: string) => void showMainWindow(path)
const deepLinks = createDeepLinks({ open })

/** Join from the tray or a notification: the call's link with the system, then the companion. */
function joinCall(interviewId: string): void {
  const companion = `/interviews/${interviewId}/companion?joined=1`
  if (!core) return
  core
    .joinCall(interviewId)
    .catch((error: unknown) => console.error('Greenroom join:', error))
    .finally(() => open(companion))
}

async function start(): Promise<void> {
  await app.whenReady()
  serveRenderer(protocol, join(__dirname, '../renderer'))
  applySecurityPolicy({ app, session: session.defaultSession, shell, isAppUrl })
  const userZone = async () => (await core!.settings.get()).timeZone
  // The runtime's default locale is the system's, as the renderer's navigator.language is.
  const hourCycle = async () => resolveHourCycle((await core!.settings.get()).timeFormat)
  core = await createCore({
    dataDir: app.getPath('userData'),
    mode: 'electron',
    version,
    notifyReminders: createSystemNotifier({
      Notification,
      userZone,
      hourCycle,
      now: () => new Date(),
      open,
      join: joinCall,
      platform: process.platform
    }),
    onBackgroundError: (error) => console.error('Greenroom reminders:', error),
    sampleOpener: createShellSampleOpener(shell),
    guestPageDir: join(__dirname, '../renderer'),
    appOrigins: () => [appPageOrigin(rendererUrl)],
    screenShare: createScreenShare({ desktopCapturer, session: session.defaultSession, isAppUrl }),
    callWindow,
    openMeetingLink: createShellMeetingOpener(shell),
    notifyCallWaiting: createCallWaitingNotifier({ Notification, bringForward: () => open() })
  })
  registerIpc(ipcMain, core.handlers, isAppUrl)
  forwardEvents(core.events, () => BrowserWindow.getAllWindows().map((window) => window.webContents))

  const tray = createAppTray({
    Tray,
    Menu,
    icon: join(__dirname, '../../resources/tray.png'),
    upcoming: () => core!.upcomingCalls(5),
    userZone,
    hourCycle,
    waiting: () => core!.waitingGuests(),
    actions: {
      openInterview: (id) => open(`/interviews/${id}/prep`),
      joinCall,
      runConnectionTest: () => open('/connection-test?start=1'),
      openApp: () => open(),
      quit: () => app.quit()
    }
  })
  const refreshTray = () => void tray.refresh().catch((error: unknown) => console.error('Greenroom tray:', error))
  core.events.subscribe((message) => {
    const trayShows = ['recordsChanged', 'remindersDue', 'settingsChanged', 'callWaiting']
    if (trayShows.includes(message.event)) refreshTray()
    if (message.event === 'settingsChanged') applyStartAtLogin(app, message.payload.startAtLogin)
  })
  setInterval(refreshTray, TRAY_REFRESH_MS).unref()
  refreshTray()
  applyStartAtLogin(app, (await core.settings.get()).startAtLogin)

  // Timers stall while the computer sleeps: look again as soon as it wakes.
  powerMonitor.on('resume', () => void core?.reminders.replan())
  startUpdatesIfConfigured(
    { isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, exists: existsSync },
    {
      calls: callWindow,
      ask: askToRestart(dialog, () => mainWindow),
      beforeRestart: () => (quitting = true),
      onError: (error) => console.error('Greenroom update:', error)
    }
  )

  registerDeepLinkScheme(app, process)
  // A link that started Greenroom (or reached it while starting) opens its page, even with --hidden.
  const linked = deepLinks.start()
  if (linked) await showMainWindow(linked)
  else if (!process.argv.includes('--hidden')) await showMainWindow()
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  listenForDeepLinks(app, deepLinks, () => open())
  deepLinks.handleArgv(process.argv)
  app.on('activate', () => open())
  // The tray keeps Greenroom running with no window open, so reminders still ring.
  app.on('window-all-closed', () => undefined)
  app.on('before-quit', () => {
    quitting = true
  })
  app.on('will-quit', () => void core?.close())
  start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    console.error(`Greenroom could not start: ${message}`)
    app.exit(1)
  })
}
