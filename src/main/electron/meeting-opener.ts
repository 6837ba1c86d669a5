import type { Shell } from 'electron'
import { ApiError } from '../../shared/errors'
import { checkMeetingLink } from '../../shared/meeting-links'
import type { MeetingLinkOpener } from '../services/call/join'

/**
 * Join's way out of the app: web links go to the system browser, zoommtg:, msteams: and
 * skype: links to their apps. The allowlist is checked here again, at the last step before
 * the system, so no other path can hand shell.openExternal something else.
 */
export function createShellMeetingOpener(shell: Pick<Shell, 'openExternal'>): MeetingLinkOpener {
  return async (url) => {
    const check = checkMeetingLink(url)
    if (!check.ok) throw new ApiError('INVALID_INPUT', `The call link was not opened: ${check.reason}`)
    // Reviewed: only allowlisted schemes get here, re-serialised by the URL parser.
    await shell.openExternal(check.url) // eng-disable OPEN_EXTERNAL_JS_CHECK
  }
}
