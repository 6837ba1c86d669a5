import { describe, expect, it, vi } from 'vitest'
import { createAppUrlMatcher } from '../../../src/main/electron/app-url'
import { CHOICE_VALID_MS, createScreenShare } from '../../../src/main/electron/screen-share'
import { createCallWindow, MINI_SIZE } from '../../../src/main/electron/call-window'
import { fakeWindow } from './fake-window'

vi.mock('electron', () => ({}))

const APP = 'app://greenroom/index.html'
const isAppUrl = createAppUrlMatcher(APP)

function image(empty = false) {
  return { isEmpty: () => empty, toDataURL: () => 'data:image/png;base64,AAAA' }
}

function setup() {
  const sources = [
    { id: 'screen:0:0', name: 'Entire screen', thumbnail: image() },
    { id: 'window:42:0', name: 'portfolio.pdf — Preview', thumbnail: image() },
    { id: 'window:7:0', name: 'Minimised', thumbnail: image(true) }
  ]
  const desktopCapturer = { getSources: vi.fn(async () => sources) }
  let handler: any
  const session = { setDisplayMediaRequestHandler: vi.fn((fn, options) => ((handler = fn), options)) }
  let now = 1_000
  const share = createScreenShare({ desktopCapturer: desktopCapturer as never, session: session as never, isAppUrl, now: () => now })
  const request = (url = `${APP}#/interviews/x/call`) =>
    new Promise<any>((resolve) =>
      handler({ frame: { url }, securityOrigin: 'app://greenroom', videoRequested: true, audioRequested: false }, resolve)
    )
  return { share, session, desktopCapturer, request, sources, tick: (ms: number) => (now += ms) }
}

describe('the desktop app’s screen share', () => {
  it('lists whole screens and single windows with thumbnails for Greenroom’s own picker', async () => {
    const { share, session, desktopCapturer } = setup()
    expect(session.setDisplayMediaRequestHandler).toHaveBeenCalledWith(expect.any(Function), { useSystemPicker: false })
    expect(await share.list()).toEqual([
      { id: 'screen:0:0', name: 'Entire screen', kind: 'screen', thumbnail: 'data:image/png;base64,AAAA' },
      { id: 'window:42:0', name: 'portfolio.pdf — Preview', kind: 'window', thumbnail: 'data:image/png;base64,AAAA' },
      { id: 'window:7:0', name: 'Minimised', kind: 'window', thumbnail: '' }
    ])
    expect(desktopCapturer.getSources).toHaveBeenCalledWith(
      expect.objectContaining({ types: ['screen', 'window'], fetchWindowIcons: false })
    )
  })

  it('answers the page’s request with the source the user chose, once', async () => {
    const { share, request, sources } = setup()
    share.choose('window:42:0')
    expect(await request()).toEqual({ video: sources[1] })
    expect(await request()).toEqual({})
  })

  it('gives nothing without a fresh choice, for a source that went away, or to a page that is not the app’s', async () => {
    const { share, request, tick } = setup()
    expect(await request()).toEqual({})
    share.choose('window:42:0')
    tick(CHOICE_VALID_MS + 1)
    expect(await request()).toEqual({})
    share.choose('window:99:0')
    expect(await request()).toEqual({})
    share.choose('screen:0:0')
    expect(await request('https://evil.example/')).toEqual({})
  })
})

describe('the mini call window', () => {
  it('shrinks to a small window on top of the others, and grows back where it was', () => {
    const window = fakeWindow()
    const callWindow = createCallWindow({ window: () => window as never, dialog: { showMessageBoxSync: vi.fn() } as never })
    expect(callWindow.set(true, true)).toEqual({ alwaysOnTop: true })
    expect(window.setSize).toHaveBeenCalledWith(MINI_SIZE.width, MINI_SIZE.height, true)
    expect(callWindow.set(false, true)).toEqual({ alwaysOnTop: false })
    expect(window.setBounds).toHaveBeenCalledWith({ x: 10, y: 20, width: 1280, height: 820 }, true)
    expect(window.setMinimumSize).toHaveBeenLastCalledWith(960, 640)
  })

  it('asks before a close ends a call, and not otherwise', () => {
    const window = fakeWindow()
    const dialog = { showMessageBoxSync: vi.fn(() => 0) }
    const callWindow = createCallWindow({ window: () => window as never, dialog: dialog as never })
    expect(callWindow.confirmClose()).toBe(true)
    callWindow.set(false, true)
    expect(callWindow.confirmClose()).toBe(false)
    expect(dialog.showMessageBoxSync).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ buttons: ['Stay in the call', 'Leave the call'] })
    )
    dialog.showMessageBoxSync.mockReturnValue(1)
    expect(callWindow.confirmClose()).toBe(true)
    expect(callWindow.wasInCall()).toBe(true)
    expect(callWindow.confirmClose()).toBe(true)
  })
})
