import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { createDeepLinks, listenForDeepLinks, registerDeepLinkScheme } from '../../../src/main/electron/deep-links'
import { deepLinkPath, interviewLink } from '../../../src/shared/deep-link'

vi.mock('electron', () => ({}))

const ID = '3f2b8a64-95c1-4c1e-9a3e-0d6f4b7a2c10'

describe('greenroom:// links', () => {
  it('open an interview’s prep room or its companion', () => {
    expect(deepLinkPath(`greenroom://interview/${ID}`)).toBe(`/interviews/${ID}/prep`)
    expect(deepLinkPath(`greenroom://interview/${ID}/companion`)).toBe(`/interviews/${ID}/companion`)
    // Some launchers add a trailing slash; an upper-case id is the same record.
    expect(deepLinkPath(`greenroom://interview/${ID}/`)).toBe(`/interviews/${ID}/prep`)
    expect(deepLinkPath(`greenroom://interview/${ID.toUpperCase()}`)).toBe(`/interviews/${ID}/prep`)
  })

  it('are what the calendar file and the app write', () => {
    expect(deepLinkPath(interviewLink(ID))).toBe(`/interviews/${ID}/prep`)
    expect(deepLinkPath(interviewLink(ID, 'companion'))).toBe(`/interviews/${ID}/companion`)
  })

  it.each([
    `greenroom://interview/${ID}/call`,
    `greenroom://interview/${ID}/companion/extra`,
    `greenroom://interview/${ID}?joined=1`,
    `greenroom://interview/${ID}#/settings`,
    `greenroom://interview/${ID}//companion`,
    `greenroom://interview/%33${ID.slice(1)}`,
    `greenroom://interview/${ID}%2fcompanion`,
    `greenroom://interview/../settings`,
    'greenroom://interview/not-an-id',
    'greenroom://interview/3f2b8a64-95c1-4c1e-9a3e-0d6f4b7a2c1z',
    'greenroom://interview/',
    'greenroom://settings',
    `greenroom://user@interview/${ID}`,
    `greenroom://interview:80/${ID}`,
    `GREENROOM://interview/${ID}`,
    `greenroom:interview/${ID}`,
    `https://interview/${ID}`,
    ` greenroom://interview/${ID}`,
    `greenroom://interview/${ID}\n`,
    `greenroom://interview/${ID}/companion${'/'.repeat(80)}`,
    '',
    null,
    42
  ])('ignore anything else: %s', (link) => {
    expect(deepLinkPath(link)).toBeNull()
  })
})

describe('delivering links to the window', () => {
  it('holds a link that came while starting, then opens the latest one once the app can show it', () => {
    const open = vi.fn()
    const links = createDeepLinks({ open })
    expect(links.handleArgv(['/opt/Greenroom/greenroom', `greenroom://interview/${ID}`])).toBe(true)
    expect(links.handle(`greenroom://interview/${ID}/companion`)).toBe(true)
    expect(open).not.toHaveBeenCalled()
    expect(links.start()).toBe(`/interviews/${ID}/companion`)
    links.handle(`greenroom://interview/${ID}`)
    expect(open).toHaveBeenCalledExactlyOnceWith(`/interviews/${ID}/prep`)
  })

  it('starts normally when no valid link came', () => {
    const links = createDeepLinks({ open: vi.fn() })
    expect(links.handleArgv(['/opt/Greenroom/greenroom', '--hidden'])).toBe(false)
    expect(links.handle('greenroom://interview/nope')).toBe(false)
    expect(links.start()).toBeNull()
  })

  it('routes open-url (macOS) and a second start’s command line (Windows, Linux); a plain second start shows the app', () => {
    const app = new EventEmitter()
    const open = vi.fn()
    const showApp = vi.fn()
    const links = createDeepLinks({ open })
    links.start()
    listenForDeepLinks(app as never, links, showApp)

    const event = { preventDefault: vi.fn() }
    app.emit('open-url', event, `greenroom://interview/${ID}/companion`)
    expect(event.preventDefault).toHaveBeenCalled()
    app.emit('second-instance', {}, ['C:\\Greenroom\\Greenroom.exe', `greenroom://interview/${ID}`], 'C:\\')
    expect(open.mock.calls).toEqual([[`/interviews/${ID}/companion`], [`/interviews/${ID}/prep`]])
    expect(showApp).not.toHaveBeenCalled()

    app.emit('open-url', { preventDefault: vi.fn() }, 'greenroom://interview/x/delete')
    app.emit('second-instance', {}, ['C:\\Greenroom\\Greenroom.exe', 'greenroom://settings?reset=1'], 'C:\\')
    expect(open).toHaveBeenCalledTimes(2)
    expect(showApp).toHaveBeenCalledOnce()
  })

  it('registers the scheme with the system, with the script path in a development run', () => {
    const app = { setAsDefaultProtocolClient: vi.fn(() => true) }
    registerDeepLinkScheme(app, { execPath: '/opt/Greenroom/greenroom', argv: ['/opt/Greenroom/greenroom'] })
    expect(app.setAsDefaultProtocolClient).toHaveBeenLastCalledWith('greenroom')
    registerDeepLinkScheme(app, { defaultApp: true, execPath: '/usr/bin/electron', argv: ['/usr/bin/electron', 'out/main/index.js'] })
    const script = expect.stringMatching(/out[\\/]main[\\/]index\.js$/)
    expect(app.setAsDefaultProtocolClient).toHaveBeenLastCalledWith('greenroom', '/usr/bin/electron', [script])
  })
})
