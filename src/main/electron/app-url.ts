import { APP_HOST, APP_SCHEME } from './app-protocol'

/**
 * Decides which URLs belong to the app itself: the built renderer on app://greenroom/, or
 * the dev server's origin while developing. Everything else is foreign, file:// included.
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
    // A custom scheme has no URL.origin ("null"), so scheme and host are compared themselves.
    if (base.protocol === `${APP_SCHEME}:`) {
      return url.protocol === base.protocol && url.host === APP_HOST && !url.username && !url.password && !url.port
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
 * names a standard custom scheme's origin `app://greenroom`, where URL.origin would say "null".
 */
export function appPageOrigin(rendererUrl: string): string {
  const url = new URL(rendererUrl)
  return url.protocol === `${APP_SCHEME}:` ? `${url.protocol}//${url.host}` : url.origin
}
