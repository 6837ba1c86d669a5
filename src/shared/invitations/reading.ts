import { DateTime } from 'luxon'
import type { Channel } from '../pipeline'
import { cityOf } from '../schedule'

/** What an invitation says about the call, beside its time. */
export interface InvitationDetails {
  durationMinutes?: number
  link?: string
  channel?: Channel
  title?: string
}

export interface FoundInvitation extends InvitationDetails {
  /** UTC instant, ISO. */
  startsAt: string
  /** The IANA zone the invitation gave the time in. */
  timeZone: string
}

/**
 * What reading an invitation gave: the call, or a time without a zone (the user is asked
 * which zone it is in), or a refusal that says what is missing. `notes` say what was read
 * with less than certainty, for the user to check.
 */
export type InvitationReading =
  | { kind: 'found'; found: FoundInvitation; notes: string[] }
  | { kind: 'needs_zone'; wallClock: string; details: InvitationDetails; question: string; notes: string[] }
  | { kind: 'refused'; reason: string; notes: string[] }

/** Invitations are a page of text; anything bigger is not one. */
export const MAX_INVITATION_CHARACTERS = 200_000

export const WALL_CLOCK_FORMAT = "yyyy-LL-dd'T'HH:mm"

export function refused(reason: string, notes: string[] = []): InvitationReading {
  return { kind: 'refused', reason, notes }
}

export function askForZone(wallClock: string, details: InvitationDetails, notes: string[], why?: string): InvitationReading {
  const time = DateTime.fromISO(wallClock, { zone: 'utc' }).toFormat('HH:mm')
  return { kind: 'needs_zone', wallClock, details, question: `${why ?? 'The time has no zone'}: which zone is ${time} in?`, notes }
}

/** Calls last 5 minutes to 4 hours; any other length read from an invitation is left for the user to set. */
export function plausibleLength(minutes: number, notes: string[]): number | undefined {
  if (Number.isInteger(minutes) && minutes >= 5 && minutes <= 240) return minutes
  notes.push(
    `The invitation gives a length of ${minutes} minutes, which Greenroom cannot schedule (5 minutes to 4 hours): set the length yourself`
  )
  return undefined
}

/**
 * A wall-clock time in a zone as the found call. A time the clocks skip is refused; a
 * time that happens twice is read as luxon reads it, and said so.
 */
export function placeInZone(wallClock: string, zone: string, details: InvitationDetails, notes: string[]): InvitationReading {
  const local = DateTime.fromISO(wallClock, { zone })
  if (!local.isValid) return refused(`Greenroom cannot read the time ${wallClock} in ${zone}`, notes)
  if (local.toFormat(WALL_CLOCK_FORMAT) !== wallClock) {
    return refused(
      `${wallClock.slice(11)} does not exist on ${local.toFormat('d LLLL yyyy')} in ${cityOf(zone)}: the clocks jump forward then. Check the time with the client.`,
      notes
    )
  }
  const sameWallClock = (other: DateTime) => other.toFormat(WALL_CLOCK_FORMAT) === wallClock
  if (sameWallClock(local.plus({ hours: 1 })) || sameWallClock(local.minus({ hours: 1 }))) {
    const which = sameWallClock(local.plus({ hours: 1 })) ? 'earlier' : 'later'
    notes.push(
      `${wallClock.slice(11)} happens twice on ${local.toFormat('d LLLL')} in ${cityOf(zone)} (the clocks go back): read as the ${which} one, at UTC${local.toFormat('ZZ')}. Check with the client if unsure.`
    )
  }
  return { kind: 'found', found: { ...details, startsAt: local.toUTC().toISO()!, timeZone: zone }, notes }
}
