import type { InterviewDetail } from './pipeline'

/**
 * Upwork's terms ask that, until a contract starts, talk with a client stays on Upwork:
 * its messages and calls. Greenroom warns (never blocks) where the user is about to take it
 * elsewhere: the built-in call, or contact details in a message to paste.
 */

export type ContactDetailKind = 'email' | 'phone' | 'skype' | 'telegram' | 'whatsapp' | 'link'

export const CONTACT_DETAIL_LABELS: Record<ContactDetailKind, string> = {
  email: 'an e-mail address',
  phone: 'a phone number',
  skype: 'a Skype name',
  telegram: 'a Telegram handle',
  whatsapp: 'a WhatsApp number',
  link: 'a link outside Upwork'
}

export interface ContactDetail {
  kind: ContactDetailKind
  text: string
}

interface Found extends ContactDetail {
  start: number
  end: number
}

function isUpworkHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '')
  return name === 'upwork.com' || name.endsWith('.upwork.com')
}

/** A job post or message-room link on Upwork. */
export function isUpworkLink(link: string | null | undefined): boolean {
  if (!link) return false
  try {
    const url = new URL(link)
    return (url.protocol === 'https:' || url.protocol === 'http:') && isUpworkHost(url.hostname)
  } catch {
    return false
  }
}

const PATTERNS: { kind: ContactDetailKind; pattern: RegExp }[] = [
  { kind: 'telegram', pattern: /\b(?:https?:\/\/)?(?:t\.me|telegram\.me)\/[A-Za-z0-9_]{3,}/gi },
  { kind: 'telegram', pattern: /\btelegram\s*(?:handle|id)?\s*[:-]\s*@?[A-Za-z0-9_]{3,}/gi },
  { kind: 'whatsapp', pattern: /\b(?:https?:\/\/)?wa\.me\/\+?[0-9]{6,}/gi },
  { kind: 'whatsapp', pattern: /\bwhats\s?app\s*(?:number)?\s*[:-]\s*\+?[0-9][0-9 ()-]{5,}[0-9]/gi },
  { kind: 'skype', pattern: /\bskype\s*(?:name|id)?\s*[:-]\s*(?:live:)?[A-Za-z][A-Za-z0-9_.,-]{2,}[A-Za-z0-9]/gi },
  { kind: 'skype', pattern: /\blive:[A-Za-z0-9_.-]{3,}/gi },
  { kind: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
  { kind: 'link', pattern: /\b(?:https?:\/\/|www\.)[^\s<>()"']+/gi },
  // Seven to fifteen digits with the separators people write; not after a letter, $ or a
  // decimal point, so versions and prices are left alone.
  { kind: 'phone', pattern: /(?<![\w$€£.,:/])\+?\(?[0-9][0-9 ().-]{5,}[0-9](?![\w:])/g }
]

function isPhoneNumber(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '')
  if (digits.length < 7 || digits.length > 15) return false
  // Dates (2026-12-03, 03.12.2026) and times are numbers too, but nobody's phone.
  if (/\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}/.test(candidate)) return false
  // A plain run of digits and dots is a version or an amount, not a number to call.
  if (/^[\d.]+$/.test(candidate) && candidate.includes('.')) return false
  return true
}

function trimLink(text: string): string {
  return text.replace(/[.,;:!?)\]]+$/, '')
}

/**
 * The contact details in a text: e-mail addresses, phone numbers, Skype, Telegram and
 * WhatsApp handles, and links that lead off Upwork. Each is reported once, by its most
 * specific kind (a wa.me link is a WhatsApp number, not a link).
 */
export function findContactDetails(text: string): ContactDetail[] {
  const found: Found[] = []
  const overlaps = (start: number, end: number) => found.some((item) => start < item.end && end > item.start)
  for (const { kind, pattern } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      let value = match[0]
      const start = match.index
      if (kind === 'link') {
        value = trimLink(value)
        const href = value.startsWith('www.') ? `https://${value}` : value
        if (isUpworkLink(href)) continue
      }
      if (kind === 'phone' && !isPhoneNumber(value)) continue
      const end = start + value.length
      if (overlaps(start, end)) continue
      found.push({ kind, text: value.trim(), start, end })
    }
  }
  return found.sort((a, b) => a.start - b.start).map(({ kind, text: value }) => ({ kind, text: value }))
}

/** The interview came from Upwork (its job post is there) and no contract is recorded yet. */
export function upworkRulesApply(
  detail: Pick<InterviewDetail, 'job' | 'offers'> & { interview: Pick<InterviewDetail['interview'], 'status'> }
): boolean {
  if (!isUpworkLink(detail.job?.url)) return false
  const contracted = detail.interview.status === 'hired' || detail.offers.some((offer) => offer.status === 'accepted')
  return !contracted
}

/** Plain words for a message holding contact details, or null when it holds none. */
export function contactDetailsWarning(details: ContactDetail[]): string | null {
  if (details.length === 0) return null
  const kinds = [...new Set(details.map((detail) => CONTACT_DETAIL_LABELS[detail.kind]))]
  const list = kinds.length === 1 ? kinds[0] : `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]}`
  return `This message holds ${list} (${details.map((detail) => `“${detail.text}”`).join(', ')}). Upwork’s terms ask you to keep talking on Upwork until a contract starts; sharing contact details before then can get your account suspended.`
}

export const BUILTIN_CALL_WARNING =
  'This client came through Upwork and there is no contract yet. Upwork’s terms ask that calls before a contract happen on Upwork (its own call, or its Zoom integration); a Greenroom call is outside Upwork. You may still choose it.'
