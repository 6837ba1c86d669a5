import { describe, expect, it, vi } from 'vitest'
import { applyStartAtLogin } from '../../../src/main/electron/login-item'
import { createCallWaitingNotifier, createSystemNotifier } from '../../../src/main/electron/notifications'
import type { ReminderAlert } from '../../../src/shared/reminders'

function anAlert(overrides: Partial<ReminderAlert> = {}): ReminderAlert {
  return {
    id: 1,
    kind: 'before_call',
    leadMinutes: 10,
    dueAt: '2026-11-24T13:50:00.000Z',
    state: 'fired',
    interview: {
      id: '6f1c7a52-7f0e-4b8a-9d55-0a0c2b1e9a11',
      clientName: 'Maya Chen',
      clientCompany: 'Brightloop',
      title: 'React dashboard',
      schedule: { startsAt: '2026-11-24T14:00:00.000Z', timeZone: 'America/New_York', durationMinutes: 15 },
      clientTimeZone: 'America/New_York'
    } as ReminderAlert['interview'],
    ...overrides
  }
}

function standIn(platform?: NodeJS.Platform) {
  const shown: { title: string; body: string; toastXml?: string; click: () => void }[] = []
  class Notification {
    static isSupported = () => true
    private click: () => void = () => undefined
    constructor(private readonly options: { title: string; body: string; toastXml?: string }) {}
    on = (event: string, listener: () => void) => {
      if (event === 'click') this.click = listener
    }
    show = () => shown.push({ ...this.options, click: () => this.click() })
  }
  const open = vi.fn()
  const notify = createSystemNotifier({
    Notification: Notification as never,
    userZone: async () => 'Europe/Berlin',
    hourCycle: async () => '24h',
    now: () => new Date('2026-11-24T13:50:00.000Z'),
    open,
    platform
  })
  return { shown, open, notify }
}

describe('reminders as system notifications', () => {
  it('show the call in both zones and open its prep room on click', async () => {
    const { shown, open, notify } = standIn()
    notify({ fired: [anAlert()], missed: [] })
    await vi.waitFor(() => expect(shown).toHaveLength(1))
    expect(shown[0]).toMatchObject({
      title: 'Call with Maya Chen (Brightloop) in 10 minutes',
      body: 'React dashboard · Tue 24 Nov, 15:00 your time · 09:00 in New York · 15 min'
    })
    shown[0]!.click()
    expect(open).toHaveBeenCalledWith('/interviews/6f1c7a52-7f0e-4b8a-9d55-0a0c2b1e9a11/prep')
  })

  it('show reminders missed while closed as one notification', async () => {
    const { shown, notify } = standIn()
    const other = anAlert({ id: 2, state: 'missed', interview: { ...anAlert().interview, clientName: 'Tom Ortiz', clientCompany: '' } })
    notify({ fired: [], missed: [anAlert({ state: 'missed' }), other] })
    await vi.waitFor(() => expect(shown).toHaveLength(1))
    expect(shown[0]!.title).toBe('Missed reminder: call with Tom Ortiz in 10 minutes')
    expect(shown[0]!.body).toMatch(/\(and 1 more while Greenroom was closed\)$/)
  })

  it('ask about a no-show and lead to the interview', async () => {
    const { shown, open, notify } = standIn()
    notify({ fired: [anAlert({ kind: 'no_show', leadMinutes: -10 })], missed: [] })
    await vi.waitFor(() => expect(shown).toHaveLength(1))
    expect(shown[0]!.title).toBe('Did Maya Chen come to the call?')
    shown[0]!.click()
    expect(open).toHaveBeenCalledWith('/interviews/6f1c7a52-7f0e-4b8a-9d55-0a0c2b1e9a11')
  })
})

describe('reminders on Windows', () => {
  it('open the prep room through its greenroom:// link, which still works from the Action Center after a restart', async () => {
    const { shown, notify } = standIn('win32')
    const tricky = anAlert({ interview: { ...anAlert().interview, title: 'Q&A <"prep">' } })
    notify({ fired: [tricky], missed: [] })
    await vi.waitFor(() => expect(shown).toHaveLength(1))
    const toast = shown[0]!.toastXml!
    expect(toast).toMatch(/^<toast launch="greenroom:\/\/interview\/6f1c7a52-7f0e-4b8a-9d55-0a0c2b1e9a11" activationType="protocol">/)
    expect(toast).toContain('<text>Call with Maya Chen (Brightloop) in 10 minutes</text>')
    expect(toast).toContain('Q&amp;A &lt;&quot;prep&quot;&gt;')
  })

  it('keep plain notifications elsewhere, and for the no-show question', async () => {
    const linux = standIn('linux')
    linux.notify({ fired: [anAlert()], missed: [] })
    await vi.waitFor(() => expect(linux.shown).toHaveLength(1))
    expect(linux.shown[0]!.toastXml).toBeUndefined()
    const windows = standIn('win32')
    windows.notify({ fired: [anAlert({ kind: 'no_show', leadMinutes: -10 })], missed: [] })
    await vi.waitFor(() => expect(windows.shown).toHaveLength(1))
    expect(windows.shown[0]!.toastXml).toBeUndefined()
  })
})

describe('starting at login', () => {
  it('registers Greenroom hidden in the tray when switched on, and unregisters when off', () => {
    let current = { openAtLogin: false }
    const app = { getLoginItemSettings: () => current, setLoginItemSettings: vi.fn((settings) => (current = settings)) }
    applyStartAtLogin(app as never, true)
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, openAsHidden: true, args: ['--hidden'] })
    applyStartAtLogin(app as never, true)
    expect(app.setLoginItemSettings).toHaveBeenCalledTimes(1)
    applyStartAtLogin(app as never, false)
    expect(current.openAtLogin).toBe(false)
  })
})

describe('a guest asking to join while the call page is closed', () => {
  function ringStandIn() {
    const shown: { title: string; body: string; closed: boolean; click: () => void }[] = []
    class Notification {
      static isSupported = () => true
      private click: () => void = () => undefined
      private entry: (typeof shown)[number] | null = null
      constructor(private readonly options: { title: string; body: string }) {}
      on = (event: string, listener: () => void) => {
        if (event === 'click') this.click = listener
      }
      show = () => {
        this.entry = { ...this.options, closed: false, click: () => this.click() }
        shown.push(this.entry)
      }
      close = () => {
        if (this.entry) this.entry.closed = true
      }
    }
    const bringForward = vi.fn()
    const notify = createCallWaitingNotifier({ Notification: Notification as never, bringForward })
    return { shown, bringForward, notify }
  }
  const maya = { interviewId: '6f1c7a52-7f0e-4b8a-9d55-0a0c2b1e9a11', guestName: 'Maya Chen', interviewTitle: 'React dashboard' }

  it('brings the window forward and says who waits; a click brings it forward again', () => {
    const { shown, bringForward, notify } = ringStandIn()
    notify([maya], maya)
    expect(bringForward).toHaveBeenCalledOnce()
    expect(shown).toEqual([
      expect.objectContaining({
        title: 'Maya Chen is asking to join',
        body: 'Your call: React dashboard. Greenroom is open to let them in.'
      })
    ])
    shown[0]!.click()
    expect(bringForward).toHaveBeenCalledTimes(2)
  })

  it('takes the notification away once nobody waits, and does not bring the window forward for that', () => {
    const { shown, bringForward, notify } = ringStandIn()
    notify([maya], maya)
    notify([], null)
    expect(shown[0]!.closed).toBe(true)
    expect(bringForward).toHaveBeenCalledOnce()
  })
})
