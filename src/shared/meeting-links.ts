import { z } from 'zod'

/**
 * Which links Join may hand to the system: web links and the meeting apps' own schemes.
 * Anything else (javascript:, file:, data:, an app we do not know) could run or read
 * something on the user's computer, so it is refused.
 */
export const MEETING_LINK_SCHEMES = ['http:', 'https:', 'zoommtg:', 'zoomus:', 'msteams:', 'skype:'] as const

export const MAX_MEETING_LINK_LENGTH = 2000

export type MeetingLinkCheck = { ok: true; url: string } | { ok: false; reason: string }

/** Checks a call link before it is opened or saved; `url` is the parsed, re-serialised link. */
export function checkMeetingLink(raw: string): MeetingLinkCheck {
  const link = raw.trim()
  if (link === '') return { ok: false, reason: 'There is no link' }
  if (link.length > MAX_MEETING_LINK_LENGTH) return { ok: false, reason: `A link must be under ${MAX_MEETING_LINK_LENGTH} characters` }
  // Control characters and spaces hide where a link really goes.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\s\u0000-\u001f\u007f]/.test(link)) return { ok: false, reason: 'A link has no spaces in it' }
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return {
      ok: false,
      reason: 'That is not a complete link (it should start with https:// or a meeting app’s own prefix such as zoommtg:)'
    }
  }
  if (!(MEETING_LINK_SCHEMES as readonly string[]).includes(url.protocol)) {
    return { ok: false, reason: `Greenroom only opens web links and Zoom, Teams or Skype links, not “${url.protocol}” links` }
  }
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'A link with a user name or password in it is not opened' }
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname === '')
    return { ok: false, reason: 'The link has no address' }
  if (!(url.protocol === 'http:' || url.protocol === 'https:') && url.href.length <= url.protocol.length) {
    return { ok: false, reason: 'The link has nothing after its prefix' }
  }
  return { ok: true, url: url.href }
}

/** A call link as the interview keeps it: empty, or one Join may open. */
export const meetingLinkFieldSchema = z
  .string()
  .trim()
  .max(MAX_MEETING_LINK_LENGTH)
  .superRefine((value, context) => {
    if (value === '') return
    const check = checkMeetingLink(value)
    if (!check.ok) context.addIssue({ code: 'custom', message: check.reason })
  })
