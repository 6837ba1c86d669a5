import { ApiError } from '../../../shared/errors'
import { checkMeetingLink } from '../../../shared/meeting-links'
import type { Database } from '../database'
import { loadSummary } from '../pipeline/interviews'

/** Hands an allowed call link to the system (the desktop app's shell.openExternal). */
export type MeetingLinkOpener = (url: string) => Promise<void>

export interface JoinResult {
  /** The checked link, or null when the interview has none (the companion opens alone). */
  link: string | null
  /** True when main opened it with the system; browser mode opens it in a new tab instead. */
  opened: boolean
}

/**
 * Join for a call held elsewhere: the interview's link (Zoom, Meet, Teams, Skype, or the
 * marketplace's message room) goes to the system only after the allowlist passed it.
 */
export function createJoinService({ db, open }: { db: Database; open?: MeetingLinkOpener }) {
  return {
    async join(interviewId: string): Promise<JoinResult> {
      const interview = await loadSummary(db, interviewId)
      if (interview.channel === 'builtin') {
        throw new ApiError('INVALID_INPUT', 'This call is in Greenroom’s own call room: use Start call, or choose where the call is held')
      }
      if (interview.channelLink === '') return { link: null, opened: false }
      const check = checkMeetingLink(interview.channelLink)
      if (!check.ok) throw new ApiError('INVALID_INPUT', `The call link was not opened: ${check.reason}`)
      if (!open) return { link: check.url, opened: false }
      await open(check.url)
      return { link: check.url, opened: true }
    }
  }
}
