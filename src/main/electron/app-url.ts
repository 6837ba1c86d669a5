/**
 * Decides which URLs belong to the app itself: the built renderer on file://, or the
 * dev server's origin while developing. Everything else is foreign.
 */
export function createAppUrlMatcher(rendererUrl: string): (candidate: string) => boolean {
  const base = new URL(rendererUrl)
  return (candidate: string) => {
    let url: URL
    try {
      url = new URL(candidate)
    } catch {
      return false
    }
    if (base.protocol === 'file:') {
      const folder = base.pathname.slice(0, base.pathname.lastIndexOf('/') + 1)
      return url.protocol === 'file:' && url.pathname.startsWith(folder)
    }
    return url.origin === base.origin
  }
}

/** Only plain web links may leave the app, and only to the system browser. */
export function isExternalWebLink(candidate: string): boolean {
  try {
    const { protocol } = new URL(candidate)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

/**
 * The Origin header the app's page sends (on its WebSocket to the call server): Chromium
 * names a file:// page's origin `file://`, where URL.origin would say "null".
 */
export function appPageOrigin(rendererUrl: string): string {
  const url = new URL(rendererUrl)
  return url.protocol === 'file:' ? 'file://' : url.origin
}
