import { describe, expect, it, vi } from 'vitest'
import { applyStartAtLogin } from '../../../src/main/electron/login-item'
import { createSystemNotifier } from '../../../src/main/electron/notifications'
import type { ReminderAlert } from '../../../src/shared/reminders-api'

function anAlert(overrides: Partial<ReminderAlert> = {}): ReminderAlert {
  return {
    id: 1, kind: 'before_call', leadMinutes: 10, dueAt: '2026-11-24T13:50:00.000Z', state: 'fired',
    interview: {
      id: '6f1c7a52-7f0e-4b8a-9d55-0a0c2b1e9a11', clientName: 'Maya Chen', clientCompany: 'Brightloop', title: 'React dashboard',
      schedule: { startsAt: '2026-11-24T14:00:00.000Z', timeZone: 'America/New_York', durationMinutes: 15 }, clientTimeZone: 'America/New_York'
    } as ReminderAlert['interview'],
    ...overrides
  }
}

function standIn() {
  const shown: { title: string; body: string; click: () => void }[] = []
  class Notification {
    static isSupported = () => true
    private click: () => void = () => undefined
    constructor(private readonly options: { title: string; body: string }) {}
    on = (event: string, listener: () => void) => {
      if (event === 'click') this.click = listener
    }
    show = () => shown.push({ ...this.options, click: () => this.click() })
  }
  const open = vi.fn()
  const notify = createSystemNotifier({ Notification: Notification as never, userZone: async () => 'Europe/Berlin', hourCycle: async () => '24h', now: () => new Date('2026-11-24T13:50:00.000Z'), open })
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
