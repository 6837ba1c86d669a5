import { notifications } from '@mantine/notifications'

/** The reminder toasts on screen per interview, so Join (from anywhere) can put its call's away. */
const shownFor = new Map<string, Set<string>>()

export function rememberReminder(interviewId: string, toastId: string): void {
  shownFor.set(interviewId, (shownFor.get(interviewId) ?? new Set()).add(toastId))
}

/** Hides the reminders of a call the user has just joined: the companion takes their place. */
export function hideRemindersFor(interviewId: string): void {
  for (const id of shownFor.get(interviewId) ?? []) notifications.hide(id)
  shownFor.delete(interviewId)
}
