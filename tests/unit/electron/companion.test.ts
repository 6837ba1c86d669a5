import { describe, expect, it, vi } from 'vitest'

// The stand-in `electron`: a shell that records what it was asked to open.
const electron = vi.hoisted(() => ({ shell: { openExternal: vi.fn(async (_url: string) => undefined) } }))
vi.mock('electron', () => electron)

import { shell } from 'electron'
import { COMPANION_SIZE, createCallWindow, MINI_SIZE } from '../../../src/main/electron/call-window'
import { createShellMeetingOpener } from '../../../src/main/electron/meeting-opener'
import { createSystemNotifier } from '../../../src/main/electron/notifications'
import { trayMenuTemplate, type TrayActions } from '../../../src/main/electron/tray'
import type { ReminderAlert, UpcomingCall } from '../../../src/shared/reminders'
import { fakeWindow } from './fake-window'

describe('Join in the desktop app', () => {
  const open = createShellMeetingOpener(shell)

  it.each([
    'https://us02web.zoom.us/j/812?pwd=abc',
    'zoommtg://zoom.us/join?confno=812',
    'zoomus://zoom.us/join?confno=812',
    'msteams:/l/meetup-join/19',
    'skype:maya.chen?call'
  ])('opens %s with the system', async (link) => {
    electron.shell.openExternal.mockClear()
    await open(link)
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith(new URL(link).href)
  })

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,hi',
    '//evil.example/zoom',
    'https://me:pw@zoom.us/j/1',
    'ms-settings:privacy'
  ])('refuses %s and opens nothing', async (link) => {
    electron.shell.openExternal.mockClear()
    await expect(open(link)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(electron.shell.openExternal).not.toHaveBeenCalled()
  })
})

describe('the companion window', () => {
  it('is narrow, stays on top of the other app’s call, and goes back where the window was', () => {
    const window = fakeWindow()
    const callWindow = createCallWindow({ window: () => window as never, dialog: { showMessageBoxSync: vi.fn() } as never })
    expect(callWindow.set(true, true, 'companion')).toEqual({ alwaysOnTop: true })
    expect(window.getBounds()).toMatchObject(COMPANION_SIZE)
    expect(COMPANION_SIZE.width).toBeLessThanOrEqual(420)
    expect(window.setAlwaysOnTop).toHaveBeenLastCalledWith(true, 'floating')
    expect(window.setMinimumSize).toHaveBeenLastCalledWith(MINI_SIZE.width, MINI_SIZE.height)

    expect(callWindow.set(false, false, 'companion')).toEqual({ alwaysOnTop: false })
    expect(window.getBounds()).toEqual({ x: 10, y: 20, width: 1280, height: 820 })
    expect(window.setMinimumSize).toHaveBeenLastCalledWith(960, 640)
  })
})

const interview = (channel: string) =>
  ({
    id: '6f1c7a52-7f0e-4b8a-9d55-0a0c2b1e9a11',
    clientName: 'Maya Chen',
    clientCompany: 'Brightloop',
    title: 'React dashboard',
    channel,
    channelLink: 'https://zoom.us/j/1',
    schedule: { startsAt: '2026-11-24T14:00:00.000Z', timeZone: 'America/New_York', durationMinutes: 30 },
    clientTimeZone: 'America/New_York'
  }) as unknown as ReminderAlert['interview']

describe('Join from the tray and the reminder', () => {
  const actions = (): TrayActions => ({
    openInterview: vi.fn(),
    joinCall: vi.fn(),
    runConnectionTest: vi.fn(),
    openApp: vi.fn(),
    quit: vi.fn()
  })
  const call = (channel: string): UpcomingCall => ({ interview: interview(channel), readiness: null })

  it('the tray offers Join for a Zoom call while it is near, and not for Greenroom’s own or a call tomorrow', () => {
    const wired = actions()
    const near = trayMenuTemplate([call('zoom'), call('builtin')], 'UTC', wired, '24h', new Date('2026-11-24T13:50:00.000Z'))
    expect(near.map((item) => item.label).filter((label) => label?.startsWith('Join'))).toEqual(['Join call with Maya Chen (Brightloop)'])
    ;(near.find((item) => item.label?.startsWith('Join'))!.click as () => void)()
    expect(wired.joinCall).toHaveBeenCalledWith('6f1c7a52-7f0e-4b8a-9d55-0a0c2b1e9a11')
    const dayBefore = trayMenuTemplate([call('zoom')], 'UTC', wired, '24h', new Date('2026-11-23T14:00:00.000Z'))
    expect(dayBefore.some((item) => item.label?.startsWith('Join'))).toBe(false)
  })

  it('the ten-minute reminder for a Zoom call joins on click; the day-before one opens the prep room', async () => {
    const shown: { body: string; click: () => void }[] = []
    class Notification {
      static isSupported = () => true
      private click: () => void = () => undefined
      constructor(private readonly options: { body: string }) {}
      on = (_event: string, listener: () => void) => (this.click = listener)
      show = () => shown.push({ body: this.options.body, click: () => this.click() })
    }
    const join = vi.fn()
    const openPage = vi.fn()
    let now = new Date('2026-11-24T13:50:00.000Z')
    const notify = createSystemNotifier({
      Notification: Notification as never,
      userZone: async () => 'UTC',
      hourCycle: async () => '24h',
      now: () => now,
      open: openPage,
      join
    })
    const alert = (leadMinutes: number): ReminderAlert => ({
      id: leadMinutes,
      kind: 'before_call',
      leadMinutes,
      dueAt: now.toISOString(),
      state: 'fired',
      interview: interview('zoom')
    })
    notify({ fired: [alert(10)], missed: [] })
    await vi.waitFor(() => expect(shown).toHaveLength(1))
    expect(shown[0]!.body).toContain('Click to join the call')
    shown[0]!.click()
    expect(join).toHaveBeenCalledWith('6f1c7a52-7f0e-4b8a-9d55-0a0c2b1e9a11')

    now = new Date('2026-11-23T14:00:00.000Z')
    notify({ fired: [alert(1440)], missed: [] })
    await vi.waitFor(() => expect(shown).toHaveLength(2))
    shown[1]!.click()
    expect(openPage).toHaveBeenCalledWith('/interviews/6f1c7a52-7f0e-4b8a-9d55-0a0c2b1e9a11/prep')
    expect(join).toHaveBeenCalledOnce()
  })
})
