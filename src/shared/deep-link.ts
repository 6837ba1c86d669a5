import { idSchema } from './pipeline'

/** The scheme Greenroom registers with the system: links from calendar files open the app. */
export const DEEP_LINK_SCHEME = 'greenroom'

export type DeepLinkTarget = 'prep' | 'companion'

/** greenroom://interview/<id> (the prep room) or greenroom://interview/<id>/companion. */
export function interviewLink(interviewId: string, target: DeepLinkTarget = 'prep'): string {
  return `${DEEP_LINK_SCHEME}://interview/${interviewId}${target === 'companion' ? '/companion' : ''}`
}

// The whole link, character by character: no query, fragment, user, port, encoding or extra segment.
const SHAPE = /^greenroom:\/\/interview\/([0-9a-fA-F-]{36})(\/companion)?\/?$/
const MAX_LENGTH = 100

/**
 * The in-app page a deep link opens, or null for anything that is not exactly one of the two
 * shapes with a valid interview id. The link comes from outside (any program can launch it),
 * so nothing else in it is ever acted on.
 */
export function deepLinkPath(link: unknown): string | null {
  if (typeof link !== 'string' || link.length > MAX_LENGTH) return null
  const match = SHAPE.exec(link)
  if (!match || !idSchema.safeParse(match[1]).success) return null
  const id = match[1]!.toLowerCase()
  return match[2] ? `/interviews/${id}/companion` : `/interviews/${id}/prep`
}
