import { readInvitationIcs } from './parse-ics'
import { readInvitationText } from './parse-text'
import type { InvitationReading } from './reading'

export type { FoundInvitation, InvitationDetails, InvitationReading } from './reading'
export { MAX_INVITATION_CHARACTERS } from './reading'
export { readInvitationIcs } from './parse-ics'
export { readInvitationText } from './parse-text'

/** Reads a pasted invitation or an opened .ics file; pasted calendar text is read as a file. */
export function readInvitation(text: string, options: { now: string }): InvitationReading {
  return /^\s*BEGIN:VCALENDAR/i.test(text) ? readInvitationIcs(text, options) : readInvitationText(text, options)
}
