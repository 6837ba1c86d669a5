import { EventEmitter } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'

// A stand-in for the `electron` module, recording how the entry point wires the app.
const electron = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- hoisted above the imports, so it cannot use them
  const { EventEmitter: Emitter } = require('node:events') as typeof import('node:events')
  const windows: any[] = []
  class BrowserWindow extends Emitter {
    static getAllWindows = () => windows
    sent: unknown[][] = []
    webContents = { send: (...args: unknown[]) => this.sent.push(args), isDestroyed: () => false }
    loadedUrl = ''
    visible = false
    constructor(readonly options: any) {
      super()
      windows.push(this)
    }
    loadURL = async (url: string) => {
      this.loadedUrl = url
      this.emit('ready-to-show')
    }
    show = () => (this.visible = true)
    hide = () => (this.visible = false)
    /** What the user's click on the close button would do. */
    tryClose = () => {
      let prevented = false
      this.emit('close', { preventDefault: () => (prevented = true) })
      if (!prevented) this.visible = false
      return !prevented
    }
    isDestroyed = () => false
    isMinimized = () => false
    focus = () => undefined
    restore = () => undefined
  }
  const app = Object.assign(new Emitter(), {
    userData: '',
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => (name === 'userData' ? app.userData : '/tmp'),
    requestSingleInstanceLock: () => true,
    isPackaged: false,
    protocolClients: [] as string[],
    setAsDefaultProtocolClient: (scheme: string) => (app.protocolClients.push(scheme), true),
    quit: () => app.emit('before-quit'),
    loginItem: { openAtLogin: false },
    getLoginItemSettings: () => app.loginItem,
    setLoginItemSettings: (settings: { openAtLogin: boolean }) => (app.loginItem = settings),
    exit: () => undefined
  })
  const trays: any[] = []
  class Tray {
    menu: any = null
    constructor(readonly icon: string) {
      trays.push(this)
    }
    setToolTip = () => undefined
    setContextMenu = (menu: any) => (this.menu = menu)
    on = () => undefined
    isDestroyed = () => false
    destroy = () => undefined
  }
  class Notification {
    static isSupported = () => true
    on = () => undefined
    show = () => undefined
  }
  return {
    app,
    BrowserWindow,
    windows,
    trays,
    Tray,
    Menu: { buildFromTemplate: (template: any[]) => ({ items: template }) },
    Notification,
    powerMonitor: new Emitter(),
    ipcMain: { handle: (() => undefined) as (...args: any[]) => void, removeHandler: () => undefined },
    nativeTheme: { shouldUseDarkColors: false },
    protocol: {
      privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
      handlers: new Map<string, (request: { url: string; method: string }) => Promise<Response>>(),
      registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]) {
        this.privileged.push(...schemes)
      },
      handle(scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>) {
        this.handlers.set(scheme, handler)
      }
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        setDisplayMediaRequestHandler: () => undefined
      }
    },
    desktopCapturer: { getSources: async () => [] },
    dialog: { showMessageBoxSync: () => 0 },
    shell: { openExternal: async () => undefined }
  }
})
vi.mock('electron', () => electron)

// The options the entry point composes the core with, the real core behind them.
const coreOptions = vi.hoisted(() => [] as import('../../../src/main/core').CoreOptions[])
vi.mock('../../../src/main/core', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/main/core')>()
  return {
    ...actual,
    createCore: (options: import('../../../src/main/core').CoreOptions) => {
      coreOptions.push(options)
      return actual.createCore(options)
    }
  }
})

describe('the Electron entry point', () => {
  let dataDir = ''
  // The IPC door the preload calls, as registered by the entry point.
  let invoke: (event: unknown, method: string, input?: unknown) => Promise<any> = async () => undefined
  afterAll(async () => {
    electron.app.emit('will-quit')
    await new Promise((resolve) => setTimeout(resolve, 50))
    await rm(dataDir, { recursive: true, force: true })
  })

  it('opens the database in userData, binds IPC and shows one secure window on the app’s own scheme', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'greenroom-electron-'))
    electron.app.userData = dataDir
    const handled: string[] = []
    electron.ipcMain.handle = (channel: string, handler: typeof invoke) => {
      handled.push(channel)
      invoke = handler
    }
    const permissionHandler = vi.spyOn(electron.session.defaultSession, 'setPermissionRequestHandler')

    await import('../../../src/main/index')
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1))
    const window = electron.windows[0]
    await vi.waitFor(() => expect(window.loadedUrl).toBe('app://greenroom/index.html'))
    // Registered standard and secure before the app was ready, then served from the renderer folder.
    expect(electron.protocol.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }])
    const page = await electron.protocol.handlers.get('app')!({ url: 'app://greenroom/index.html', method: 'GET' })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="root"></div>')
    expect((await electron.protocol.handlers.get('app')!({ url: 'app://greenroom/..%5cmain%5cindex.ts', method: 'GET' })).status).toBe(403)

    expect(handled).toEqual(['greenroom:invoke'])
    expect(permissionHandler).toHaveBeenCalledOnce()
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false })
    expect(window.options.webPreferences.preload).toMatch(/preload[\\/]index\.js$/)
    const { readdir } = await import('node:fs/promises')
    expect(await readdir(dataDir)).toContain('greenroom.db')
    expect(EventEmitter.listenerCount(electron.app, 'web-contents-created')).toBe(1)
    // The app's own call server lets in the window's page, whose origin Chromium sends as app://greenroom.
    expect(coreOptions[0]?.appOrigins?.()).toEqual(['app://greenroom'])
    expect(electron.app.protocolClients).toEqual(['greenroom'])
  })

  it('opens the page a greenroom:// link names, from a second start (Windows, Linux) or open-url (macOS)', async () => {
    const window = electron.windows[0]
    const id = '3f2b8a64-95c1-4c1e-9a3e-0d6f4b7a2c10'
    window.hide()
    electron.app.emit('second-instance', {}, ['/opt/Greenroom/greenroom', '--no-sandbox', `greenroom://interview/${id}`], '/')
    expect(window.visible).toBe(true)
    expect(window.sent).toContainEqual(['greenroom:event', 'navigate', { path: `/interviews/${id}/prep` }])

    const openUrl = { preventDefault: vi.fn() }
    electron.app.emit('open-url', openUrl, `greenroom://interview/${id}/companion`)
    expect(openUrl.preventDefault).toHaveBeenCalled()
    expect(window.sent).toContainEqual(['greenroom:event', 'navigate', { path: `/interviews/${id}/companion` }])

    const sentBefore = window.sent.length
    electron.app.emit('open-url', { preventDefault: () => undefined }, `greenroom://interview/${id}/call?token=x`)
    electron.app.emit('second-instance', {}, ['/opt/Greenroom/greenroom', 'greenroom://settings'], '/')
    // The bad links are dropped; a second start without a link just shows the window.
    expect(window.sent.slice(sentBefore).filter((message: unknown[]) => message[1] === 'navigate')).toEqual([])
  })

  it('keeps running in the tray when the window is closed, until Quit', async () => {
    const window = electron.windows[0]
    expect(window.visible).toBe(true)
    expect(window.tryClose()).toBe(false)
    expect(window.visible).toBe(false)

    await vi.waitFor(() => expect(electron.trays[0]?.menu).not.toBeNull())
    const entries = electron.trays[0].menu.items as { label?: string; click?: () => void }[]
    expect(electron.trays[0].icon).toMatch(/resources[\\/]tray\.png$/)
    entries.find((item) => item.label === 'Run connection test')!.click!()
    expect(window.visible).toBe(true)
    expect(window.sent).toContainEqual(['greenroom:event', 'navigate', { path: '/connection-test?start=1' }])

    entries.find((item) => item.label === 'Quit Greenroom')!.click!()
    expect(window.tryClose()).toBe(true)
  })

  it('joins a Zoom call by handing its link to the system, and refuses Greenroom’s own call', async () => {
    const frame = { parent: null, url: electron.windows[0].loadedUrl }
    const call = async (method: string, input?: unknown) => {
      const result = await invoke({ senderFrame: frame }, method, input)
      if (!result.ok) throw new Error(result.error.message)
      return result.value
    }
    const item = await call('createInvitation', {
      client: { fields: { name: 'Maya Chen', company: '', website: '', timeZone: null, country: '', notes: '' } },
      job: { title: 'Dashboard', description: '', url: '', budgetType: 'hourly', budget: null, skills: [], postedAt: null },
      message: '',
      receivedAt: null
    })
    const id = (await call('acceptInvitation', { id: item.invitation.id, message: '', terms: null })).invitation.interviewId
    const { interview } = await call('getInterview', { id })
    const { title, scenario, type, sampleTask, outcomeNotes } = interview
    const link = 'zoommtg://zoom.us/join?confno=81234567890'
    await call('updateInterview', { id, fields: { title, scenario, type, sampleTask, outcomeNotes, channel: 'zoom', channelLink: link } })
    const openExternal = vi.spyOn(electron.shell, 'openExternal')

    await expect(call('joinCall', { interviewId: id })).resolves.toEqual({ link, opened: true })
    expect(openExternal).toHaveBeenCalledExactlyOnceWith(link)

    await call('updateInterview', {
      id,
      fields: { title, scenario, type, sampleTask, outcomeNotes, channel: 'builtin', channelLink: link }
    })
    await expect(call('joinCall', { interviewId: id })).rejects.toThrow(/use Start call/)
    expect(openExternal).toHaveBeenCalledOnce()
  })
})
