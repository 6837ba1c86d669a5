import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { createAppUrlMatcher } from '../../../src/main/electron/app-url'
import { applySecurityPolicy } from '../../../src/main/electron/security'
import { createMainWindow } from '../../../src/main/electron/window'

const isAppUrl = createAppUrlMatcher('app://greenroom/index.html')

function setup() {
  const app = new EventEmitter()
  let requestHandler: any
  let checkHandler: any
  const session = {
    setPermissionRequestHandler: vi.fn((handler) => (requestHandler = handler)),
    setPermissionCheckHandler: vi.fn((handler) => (checkHandler = handler))
  }
  const shell = { openExternal: vi.fn(async () => undefined) }
  applySecurityPolicy({ app: app as never, session: session as never, shell: shell as never, isAppUrl })

  const contents = Object.assign(new EventEmitter(), { windowOpenHandler: undefined as any })
  ;(contents as any).setWindowOpenHandler = (handler: unknown) => (contents.windowOpenHandler = handler)
  app.emit('web-contents-created', {}, contents)

  const requestPermission = (permission: string, requestingUrl: string) =>
    new Promise<boolean>((resolve) => requestHandler({}, permission, resolve, { requestingUrl }))
  const navigate = (url: string) => {
    const event = { preventDefault: vi.fn() }
    contents.emit('will-navigate', event, url)
    return event.preventDefault.mock.calls.length > 0
  }
  return { shell, contents, requestPermission, checkHandler: () => checkHandler, navigate }
}

describe('the Electron security policy', () => {
  it('grants camera, microphone and screen capture to the app’s own pages', async () => {
    const { requestPermission } = setup()
    expect(await requestPermission('media', 'app://greenroom/index.html')).toBe(true)
    expect(await requestPermission('display-capture', 'app://greenroom/index.html#/call')).toBe(true)
  })

  it('denies every permission to other origins and unneeded permissions to the app', async () => {
    const { requestPermission, checkHandler } = setup()
    expect(await requestPermission('media', 'https://evil.example/')).toBe(false)
    expect(await requestPermission('media', 'file:///home/me/Downloads/page.html')).toBe(false)
    expect(await requestPermission('media', 'app://elsewhere/index.html')).toBe(false)
    expect(await requestPermission('geolocation', 'app://greenroom/index.html')).toBe(false)
    expect(checkHandler()({}, 'media', 'https://evil.example')).toBe(false)
    expect(checkHandler()({}, 'media', 'app://greenroom')).toBe(true)
  })

  it('keeps windows on the app and sends web links to the system browser', () => {
    const { navigate, shell } = setup()
    expect(navigate('app://greenroom/index.html#/settings')).toBe(false)
    expect(navigate('https://client.example/about')).toBe(true)
    expect(shell.openExternal).toHaveBeenCalledWith('https://client.example/about')
  })

  it('never opens other schemes anywhere', () => {
    const { navigate, shell } = setup()
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://share/x', 'not a url']) {
      expect(navigate(url), url).toBe(true)
    }
    expect(shell.openExternal).not.toHaveBeenCalled()
  })

  it('denies new windows, opening web links externally instead', () => {
    const { contents, shell } = setup()
    expect(contents.windowOpenHandler({ url: 'https://upwork.example/job/1' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(shell.openExternal).toHaveBeenCalledTimes(1)
  })

  it('refuses webviews', () => {
    const { contents } = setup()
    const event = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', event)
    expect(event.preventDefault).toHaveBeenCalled()
  })

  it('creates windows sandboxed, isolated and without Node', () => {
    class FakeBrowserWindow {
      constructor(readonly options: any) {}
    }
    const window = createMainWindow(FakeBrowserWindow as never, '/app/preload.js', false) as unknown as FakeBrowserWindow
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/preload.js',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick'
    })
  })
})

describe('which URLs are the app', () => {
  it('in the desktop app, only app://greenroom: no file:// page, no other host or port on the scheme', () => {
    expect(isAppUrl('app://greenroom/assets/x.js')).toBe(true)
    expect(isAppUrl('app://greenroom/index.html#/inbox')).toBe(true)
    expect(isAppUrl('file:///opt/Greenroom/resources/app.asar/out/renderer/index.html')).toBe(false)
    expect(isAppUrl('app://greenroom.evil/index.html')).toBe(false)
    expect(isAppUrl('app://greenroom:8080/index.html')).toBe(false)
    expect(isAppUrl('app://me@greenroom/index.html')).toBe(false)
  })

  it('in development, only the dev server’s origin', () => {
    const dev = createAppUrlMatcher('http://localhost:5173/')
    expect(dev('http://localhost:5173/#/inbox')).toBe(true)
    expect(dev('http://localhost:5174/')).toBe(false)
    expect(dev('http://localhost.evil.example:5173/')).toBe(false)
  })
})
