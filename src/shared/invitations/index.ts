import { readInvitationIcs } from './parse-ics'
import { readInvitationText } from './parse-text'
import type { InvitationReading } from './reading'

export type { FoundInvitation, InvitationDetails, InvitationReading } from './reading'
export { MAX_INVITATION_CHARACTERS } from './reading'
export { readInvitationIcs } from './parse-ics'
export { readInvitationText } from './parse-text'

/** Reads a pasted invitation or an opened .ics file; pasted calendar text is read as a file. */
export function readInvitation(text: string, options: { now: string }): InvitationReading {
  return withPastWarning(/^\s*BEGIN:VCALENDAR/i.test(text) ? readInvitationIcs(text) : readInvitationText(text, options), options.now)
}

/** An old invitation pasted by mistake is worth a word before it is scheduled. */
export function withPastWarning(reading: InvitationReading, now: string): InvitationReading {
  if (reading.kind !== 'found' || Date.parse(reading.found.startsAt) >= Date.parse(now)) return reading
  return { ...reading, notes: [...reading.notes, 'This time has already passed: is this the latest invitation?'] }
}
