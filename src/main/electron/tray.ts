import type { Menu as ElectronMenu, MenuItemConstructorOptions, NativeImage, Tray as ElectronTray } from 'electron'
import type { WaitingGuest } from '../../shared/call'
import type { UpcomingCall } from '../../shared/reminders'
import { upcomingCallText, whoText } from '../../shared/reminder-text'
import { isHeldElsewhere, isJoinOpen } from '../../shared/join-window'
import type { HourCycle } from '../../shared/time-format'

export interface TrayActions {
  openInterview(id: string): void
  /** Opens the call's link with the system and the companion beside it. */
  joinCall(id: string): void
  runConnectionTest(): void
  openApp(): void
  quit(): void
}

/**
 * The tray menu: guests asking to join now (each opens the window, where the ring answers),
 * the next calls (each opens its prep room, and one held in another app offers Join while
 * it is near), then the app's own entries.
 */
export function trayMenuTemplate(
  calls: UpcomingCall[],
  userZone: string,
  actions: TrayActions,
  cycle: HourCycle,
  now: Date = new Date(),
  waiting: WaitingGuest[] = []
): MenuItemConstructorOptions[] {
  const ringing: MenuItemConstructorOptions[] = waiting.flatMap((guest) => [
    { label: `${guest.guestName} is asking to join: answer…`, click: () => actions.openApp() },
    { type: 'separator' as const }
  ])
  const callItems: MenuItemConstructorOptions[] =
    calls.length > 0
      ? calls.flatMap((call): MenuItemConstructorOptions[] => {
          const line = { label: upcomingCallText(call, userZone, cycle), click: () => actions.openInterview(call.interview.id) }
          if (!isHeldElsewhere(call.interview.channel) || !isJoinOpen(call.interview.schedule, now)) return [line]
          return [line, { label: `Join call with ${whoText(call.interview)}`, click: () => actions.joinCall(call.interview.id) }]
        })
      : [{ label: 'No calls scheduled', enabled: false }]
  return [
    ...ringing,
    { label: 'Next calls', enabled: false },
    ...callItems,
    { type: 'separator' },
    { label: 'Run connection test', click: () => actions.runConnectionTest() },
    { label: 'Open Greenroom', click: () => actions.openApp() },
    { type: 'separator' },
    { label: 'Quit Greenroom', click: () => actions.quit() }
  ]
}

export interface TrayDeps {
  Tray: typeof ElectronTray
  Menu: typeof ElectronMenu
  icon: NativeImage | string
  upcoming: () => Promise<UpcomingCall[]>
  userZone: () => Promise<string>
  /** The app's clock, for Join's window. */
  now?: () => Date
  /** The 24- or 12-hour clock from Settings. */
  hourCycle: () => Promise<HourCycle>
  /** Guests asking to join while the call page is closed. */
  waiting?: () => WaitingGuest[]
  actions: TrayActions
}

/** The tray icon; `refresh()` rebuilds its menu from the calls ahead. */
export function createAppTray(deps: TrayDeps) {
  const tray = new deps.Tray(deps.icon)
  tray.setToolTip('Greenroom')
  tray.on('click', () => deps.actions.openApp())

  async function refresh(): Promise<void> {
    const [calls, zone, cycle] = await Promise.all([deps.upcoming(), deps.userZone(), deps.hourCycle()])
    if (tray.isDestroyed()) return
    const waiting = deps.waiting?.() ?? []
    const template = trayMenuTemplate(calls, zone, deps.actions, cycle, deps.now?.() ?? new Date(), waiting)
    tray.setContextMenu(deps.Menu.buildFromTemplate(template))
    if (waiting[0]) tray.setToolTip(`Greenroom · ${waiting[0].guestName} is asking to join`)
    else tray.setToolTip(calls[0] ? `Greenroom · next: ${upcomingCallText(calls[0], zone, cycle)}` : 'Greenroom · no calls scheduled')
  }

  return { refresh, destroy: () => tray.destroy() }
}
