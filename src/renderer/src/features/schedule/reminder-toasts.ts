import { notifications, notificationsStore } from '@mantine/notifications'
import type { ReminderAlert } from '@shared/reminders'

const PREFIX = 'reminder-'

/** A reminder's toast id names its call, so that all of one call's toasts can go together. */
export function reminderToastId(alert: ReminderAlert): string {
  return `${PREFIX}${alert.interview.id}-${alert.id}`
}

/** Hides the reminder toasts of one call, shown or still queued: its question was answered, or the user joined it. */
export function hideReminderToasts(interviewId: string): void {
  const { notifications: shown, queue } = notificationsStore.getState()
  for (const toast of [...shown, ...queue]) {
    if (toast.id?.startsWith(`${PREFIX}${interviewId}-`)) notifications.hide(toast.id)
  }
}
