/**
 * JSON from a socket is parsed here before any schema sees it. JSON.parse itself copes
 * with deep nesting, but validation walks the value recursively: a message nested a few
 * thousand levels deep would exhaust the stack there. So the nesting is measured first,
 * on the text, with a loop rather than recursion.
 */

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; reason: 'not-json' | 'too-deep'; message: string }

/** How deeply arrays and objects nest in `text` (0 for a plain value), stopping once past `limit`. */
export function jsonNestingDepth(text: string, limit = Infinity): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (inString) {
      if (code === 0x5c /* \ */) i++
      else if (code === 0x22 /* " */) inString = false
    } else if (code === 0x22) {
      inString = true
    } else if (code === 0x5b /* [ */ || code === 0x7b /* { */) {
      depth++
      if (depth > deepest) {
        deepest = depth
        if (deepest > limit) return deepest
      }
    } else if (code === 0x5d /* ] */ || code === 0x7d /* } */) {
      depth--
    }
  }
  return deepest
}

/** Parses `text` as JSON nested at most `maxDepth` levels deep. */
export function parseJsonWithin(text: string, maxDepth: number): JsonParseResult {
  if (jsonNestingDepth(text, maxDepth) > maxDepth) {
    return { ok: false, reason: 'too-deep', message: `Malformed message: nested more than ${maxDepth} levels deep` }
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false, reason: 'not-json', message: 'Malformed message: not JSON' }
  }
}
