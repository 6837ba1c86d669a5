import type { Notification as ElectronNotification } from 'electron'
import { interviewLink } from '../../shared/deep-link'
import { isHeldElsewhere, isJoinOpen } from '../../shared/join-window'
import { reminderPath, reminderText } from '../../shared/reminder-text'
import type { WaitingGuest } from '../../shared/call'
import type { ReminderAlert } from '../../shared/reminders'
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
  /** On Windows a reminder stays in the Action Center after Greenroom quits: it then opens through its greenroom:// link. */
  platform?: NodeJS.Platform
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (character) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[character]!)

/** A Windows toast whose click launches `link` through the system, so it works even after a restart. */
export function linkedToastXml(title: string, body: string, link: string): string {
  const lines = [title, ...body.split('\n')].map((line) => `<text>${escapeXml(line)}</text>`).join('')
  const visual = `<visual><binding template="ToastGeneric">${lines}</binding></visual>`
  return `<toast launch="${escapeXml(link)}" activationType="protocol">${visual}</toast>`
}

/** The prep room's greenroom:// link for a reminder before a call (the no-show question has none). */
const linkFor = (alert: ReminderAlert) => (alert.kind === 'before_call' ? interviewLink(alert.interview.id) : undefined)

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
            show(title, body, reminderPath(alert), linkFor(alert))
          }
        }
        const [latest] = due.missed.slice(-1)
        if (latest) {
          const { title, body } = reminderText(latest, zone, deps.now(), cycle)
          const more = due.missed.length > 1 ? ` (and ${due.missed.length - 1} more while Greenroom was closed)` : ''
          show(title, `${body}${more}`, reminderPath(latest), linkFor(latest))
        }
      })
      .catch((error: unknown) => deps.onError?.(error))
  }

  function show(title: string, body: string, target: string | (() => void), link?: string): void {
    const toastXml = link && deps.platform === 'win32' ? linkedToastXml(title, body, link) : undefined
    const notification = new deps.Notification({ title, body, silent: false, ...(toastXml ? { toastXml } : {}) })
    notification.on('click', () => (typeof target === 'string' ? deps.open(target) : target()))
    notification.show()
  }
}

export interface CallWaitingNotifierDeps {
  Notification: typeof ElectronNotification
  /** Brings the window forward (shown, restored, focused) on the page it is on: the ring dialog is there. */
  bringForward: () => void
}

/**
 * A guest asks to join while the call page is closed: the window comes forward (its ring
 * dialog answers) and a system notification says who, in case the host is elsewhere. It
 * goes away once nobody waits any more (answered, declined, or the guest left).
 */
export function createCallWaitingNotifier(deps: CallWaitingNotifierDeps): (waiting: WaitingGuest[], arrived: WaitingGuest | null) => void {
  const shown = new Map<string, ElectronNotification>()
  return (waiting, arrived) => {
    const still = new Set(waiting.map((guest) => guest.interviewId))
    for (const [interviewId, notification] of shown) {
      if (still.has(interviewId)) continue
      notification.close()
      shown.delete(interviewId)
    }
    if (!arrived) return
    deps.bringForward()
    if (!deps.Notification.isSupported()) return
    shown.get(arrived.interviewId)?.close()
    const notification = new deps.Notification({
      title: `${arrived.guestName} is asking to join`,
      body: `Your call: ${arrived.interviewTitle}. Greenroom is open to let them in.`,
      silent: false,
      urgency: 'critical'
    })
    notification.on('click', () => deps.bringForward())
    notification.show()
    shown.set(arrived.interviewId, notification)
  }
}
