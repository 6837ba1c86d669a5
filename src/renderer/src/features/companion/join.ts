import { hideReminderToasts } from '@renderer/features/schedule/reminder-toasts'

/** Where the companion for an interview lives; `joined` starts its timer. */
export function companionPath(interviewId: string, joined: boolean): string {
  return `/interviews/${interviewId}/companion${joined ? '?joined=1' : ''}`
}

/**
 * Join: main opens the call's link with the system (desktop app); browser mode gets the
 * checked link back and opens it in a new tab. Then the companion opens with its timer running.
 */
export async function joinCall(interviewId: string, navigate: (path: string) => void): Promise<void> {
  const result = await window.greenroom.joinCall({ interviewId })
  if (result.link && !result.opened) window.open(result.link, '_blank', 'noopener,noreferrer')
  hideReminderToasts(interviewId)
  navigate(companionPath(interviewId, true))
}
