import type { Notification as ElectronNotification } from 'electron'
import { isHeldElsewhere, isJoinOpen } from '../../shared/join-window'
import { reminderPath, reminderText } from '../../shared/reminder-text'
import type { ReminderAlert } from '../../shared/reminders-api'
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
  /** Join a call held elsewhere: its link with the system and the companion. */
  join?: (interviewId: string) => void
  onError?: (error: unknown) => void
}

/** A reminder for a call held elsewhere that is near enough to join now. */
function joinable(alert: ReminderAlert, now: Date): boolean {
  return alert.kind === 'before_call' && isHeldElsewhere(alert.interview.channel) && isJoinOpen(alert.interview.schedule, now)
}

/**
 * Reminders as system notifications: one per reminder that rang, and a single one for
 * those missed while Greenroom was closed. A click opens the call's prep room, or joins a
 * call held in another app when it is near.
 */
export function createSystemNotifier(deps: NotifierDeps): ReminderNotifier {
  return (due) => {
    if (!deps.Notification.isSupported()) return
    void Promise.all([deps.userZone(), deps.hourCycle()])
      .then(([zone, cycle]) => {
        for (const alert of due.fired) {
          const { title, body } = reminderText(alert, zone, deps.now(), cycle)
          if (deps.join && joinable(alert, deps.now())) {
            const id = alert.interview.id
            show(title, `${body}\nClick to join the call.`, () => deps.join?.(id))
          } else {
            show(title, body, reminderPath(alert))
          }
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

  function show(title: string, body: string, target: string | (() => void)): void {
    const notification = new deps.Notification({ title, body, silent: false })
    notification.on('click', () => (typeof target === 'string' ? deps.open(target) : target()))
    notification.show()
  }
}
