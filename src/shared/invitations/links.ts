import type { Channel } from '../pipeline'

export interface CallLink {
  link: string
  channel: Channel
}

/** Hosts of the join links each call app writes, with the paths that join a meeting (not help or dial-in pages). */
const JOIN_LINKS: { channel: Channel; host: RegExp; path: RegExp }[] = [
  { channel: 'zoom', host: /(^|\.)zoom(gov)?\.(us|com)$/, path: /^\/(j|my|w|s)\// },
  { channel: 'meet', host: /^meet\.google\.com$/, path: /^\/[a-z]{3}-[a-z]{4}-[a-z]{3}\b/ },
  { channel: 'teams', host: /^teams\.(microsoft|live)\.com$/, path: /^\/(l\/meetup-join|meet)\// },
  { channel: 'skype', host: /^join\.skype\.com$/, path: /^\/\w/ }
]

/** Words that name the app when an invitation has no join link in it. */
const APP_NAMES: { channel: Channel; words: RegExp }[] = [
  { channel: 'teams', words: /\bMicrosoft Teams\b/i },
  { channel: 'meet', words: /\bGoogle Meet\b/i },
  { channel: 'zoom', words: /\bZoom\b/ },
  { channel: 'skype', words: /\bSkype\b/ }
]

const MAX_LINK = 2000

/** The first join link of a known call app in the text, with its channel. */
export function findCallLink(text: string): CallLink | null {
  for (const raw of text.match(/https?:\/\/[^\s<>"'\]]+/gi) ?? []) {
    // Sentences end in punctuation that is not part of the link.
    const candidate = raw.replace(/[.,;:!?)]+$/, '')
    let url: URL
    try {
      url = new URL(candidate)
    } catch {
      continue
    }
    const known = JOIN_LINKS.find((entry) => entry.host.test(url.hostname.toLowerCase()) && entry.path.test(url.pathname))
    if (known && candidate.length <= MAX_LINK) return { link: candidate, channel: known.channel }
  }
  return null
}

/** The call app an invitation names in words, for one that carries no link. */
export function channelNamedIn(text: string): Channel | null {
  return APP_NAMES.find((entry) => entry.words.test(text))?.channel ?? null
}
