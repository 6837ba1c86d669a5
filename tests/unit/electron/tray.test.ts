import { describe, expect, it, vi } from 'vitest'
import { createAppTray, trayMenuTemplate, type TrayActions } from '../../../src/main/electron/tray'
import type { UpcomingCall } from '../../../src/shared/reminders'

function aCall(id: string, startsAt: string, readiness: number | null, client = 'Maya Chen', company = 'Brightloop'): UpcomingCall {
  return {
    readiness,
    interview: {
      id,
      clientId: id,
      clientName: client,
      clientCompany: company,
      clientHasRedFlags: false,
      jobId: null,
      jobTitle: null,
      proposalId: null,
      invitationId: null,
      status: 'scheduled',
      schedule: { startsAt, timeZone: 'America/New_York', durationMinutes: 15 },
      clientTimeZone: 'America/New_York',
      createdAt: startsAt,
      updatedAt: startsAt,
      title: 'React dashboard',
      scenario: '',
      type: 'call',
      sampleTask: { instructions: '', fee: null, dueAt: null },
      channel: 'zoom',
      channelLink: '',
      outcomeNotes: ''
    } as unknown as UpcomingCall['interview']
  }
}

function actions() {
  return {
    openInterview: vi.fn<(id: string) => void>(),
    joinCall: vi.fn<(id: string) => void>(),
    runConnectionTest: vi.fn<() => void>(),
    openApp: vi.fn<() => void>(),
    quit: vi.fn<() => void>()
  } satisfies TrayActions
}

describe('the tray menu', () => {
  it('lists the next calls in the user’s zone with client and readiness, then the app’s entries', () => {
    const template = trayMenuTemplate(
      [aCall('a', '2026-11-24T14:00:00.000Z', 0.6), aCall('b', '2026-11-25T09:30:00.000Z', null, 'Tom Ortiz', '')],
      'Europe/Berlin',
      actions(),
      '24h'
    )
    expect(template.map((item) => item.label ?? item.type)).toEqual([
      'Next calls',
      'Tue 24 Nov, 15:00 · Maya Chen (Brightloop) · 60% ready',
      'Wed 25 Nov, 10:30 · Tom Ortiz',
      'separator',
      'Run connection test',
      'Open Greenroom',
      'separator',
      'Quit Greenroom'
    ])
  })

  it('writes the times in the 12-hour clock when that is the chosen format', () => {
    const template = trayMenuTemplate([aCall('a', '2026-11-24T14:00:00.000Z', 0.6)], 'Europe/Berlin', actions(), '12h')
    expect(template[1]!.label).toBe('Tue 24 Nov, 3:00 PM · Maya Chen (Brightloop) · 60% ready')
  })

  it('says so when nothing is scheduled', () => {
    const template = trayMenuTemplate([], 'UTC', actions(), '24h')
    expect(template[1]).toEqual({ label: 'No calls scheduled', enabled: false })
  })

  it('wires each entry to its action', () => {
    const wired = actions()
    const template = trayMenuTemplate([aCall('a', '2026-11-24T14:00:00.000Z', 1)], 'UTC', wired, '24h')
    const click = (label: string) => (template.find((item) => item.label?.startsWith(label))!.click as () => void)()
    click('Tue 24 Nov')
    expect(wired.openInterview).toHaveBeenCalledWith('a')
    click('Run connection test')
    expect(wired.runConnectionTest).toHaveBeenCalledOnce()
    click('Open Greenroom')
    expect(wired.openApp).toHaveBeenCalledOnce()
    click('Quit Greenroom')
    expect(wired.quit).toHaveBeenCalledOnce()
  })
})

describe('the tray while a guest asks to join', () => {
  it('puts the waiting guest first; a click opens the window, where the ring answers', () => {
    const wired = actions()
    const maya = { interviewId: 'a', guestName: 'Maya Chen', interviewTitle: 'React dashboard' }
    const template = trayMenuTemplate([], 'UTC', wired, '24h', new Date(), [maya])
    expect(template.slice(0, 3).map((item) => item.label ?? item.type)).toEqual([
      'Maya Chen is asking to join: answer…',
      'separator',
      'Next calls'
    ])
    ;(template[0]!.click as () => void)()
    expect(wired.openApp).toHaveBeenCalledOnce()
  })
})

describe('the tray icon', () => {
  it('builds its menu with Electron’s Menu and opens the app on click', async () => {
    const built: unknown[] = []
    class Tray {
      static last: Tray
      menu: unknown = null
      tooltip = ''
      listeners = new Map<string, () => void>()
      constructor(readonly icon: string) {
        Tray.last = this
      }
      setToolTip = (text: string) => (this.tooltip = text)
      setContextMenu = (menu: unknown) => (this.menu = menu)
      on = (event: string, listener: () => void) => this.listeners.set(event, listener)
      isDestroyed = () => false
      destroy = vi.fn()
    }
    const Menu = { buildFromTemplate: (template: unknown) => (built.push(template), { template }) }
    const wired = actions()
    const tray = createAppTray({
      Tray: Tray as never,
      Menu: Menu as never,
      icon: '/app/resources/tray.png',
      upcoming: async () => [aCall('a', '2026-11-24T14:00:00.000Z', 0.25)],
      userZone: async () => 'America/New_York',
      hourCycle: async () => '24h' as const,
      actions: wired
    })
    await tray.refresh()
    expect(Tray.last.icon).toBe('/app/resources/tray.png')
    expect(built).toHaveLength(1)
    expect(Tray.last.tooltip).toBe('Greenroom · next: Tue 24 Nov, 09:00 · Maya Chen (Brightloop) · 25% ready')
    Tray.last.listeners.get('click')!()
    expect(wired.openApp).toHaveBeenCalledOnce()
    tray.destroy()
    expect(Tray.last.destroy).toHaveBeenCalledOnce()
  })

  it('says who is asking to join in its tooltip', async () => {
    class Tray {
      static last: Tray
      tooltip = ''
      constructor() {
        Tray.last = this
      }
      setToolTip = (text: string) => (this.tooltip = text)
      setContextMenu = () => undefined
      on = () => undefined
      isDestroyed = () => false
      destroy = () => undefined
    }
    const tray = createAppTray({
      Tray: Tray as never,
      Menu: { buildFromTemplate: (template: unknown) => ({ template }) } as never,
      icon: '/app/resources/tray.png',
      upcoming: async () => [],
      userZone: async () => 'UTC',
      hourCycle: async () => '24h' as const,
      waiting: () => [{ interviewId: 'a', guestName: 'Maya Chen', interviewTitle: 'React dashboard' }],
      actions: actions()
    })
    await tray.refresh()
    expect(Tray.last.tooltip).toBe('Greenroom · Maya Chen is asking to join')
  })
})
