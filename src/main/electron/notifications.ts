import type { Notification as ElectronNotification } from 'electron'
import { reminderPath, reminderText } from '../../shared/reminder-text'
import type { ReminderNotifier } from '../services/reminders/scheduler'
import type { HourCycle } from '../../shared/time-format'

export interface NotifierDeps {
  Notification: typeof ElectronNotification
  userZone: () => Promise<string>
  /** The 24- or 12-hour clock from Settings. */
  hourCycle: () => Promise<HourCycle>
  now: () => Date
  /** Shows the window on an in-app page. */
  open: (path: string) => void
  onError?: (error: unknown) => void
}

/**
 * Reminders as system notifications: one per reminder that rang, and a single one for
 * those missed while Greenroom was closed. A click opens the call's prep room.
 */
export function createSystemNotifier(deps: NotifierDeps): ReminderNotifier {
  return (due) => {
    if (!deps.Notification.isSupported()) return
    void Promise.all([deps.userZone(), deps.hourCycle()])
      .then(([zone, cycle]) => {
        for (const alert of due.fired) {
          const { title, body } = reminderText(alert, zone, deps.now(), cycle)
          show(title, body, reminderPath(alert))
        }
        const [latest] = due.missed.slice(-1)
        if (latest) {
          const { title, body } = reminderText(latest, zone, deps.now(), cycle)
          const more = due.missed.length > 1 ? ` (and ${due.missed.length - 1} more while Greenroom was closed)` : ''
          show(title, `${body}${more}`, reminderPath(latest))
        }
      })
      .catch((error: unknown) => deps.onError?.(error))
  }

  function show(title: string, body: string, path: string): void {
    const notification = new deps.Notification({ title, body, silent: false })
    notification.on('click', () => deps.open(path))
    notification.show()
  }
}
