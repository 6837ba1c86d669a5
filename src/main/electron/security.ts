import type { App, Session, Shell, WebContents } from 'electron'
import { isExternalWebLink } from './app-url'

/** Permissions the app's own pages may use: calls, screen share, the speaker test and reminders. */
const GRANTED_PERMISSIONS = new Set([
  'media',
  'display-capture',
  'speaker-selection',
  'notifications',
  'clipboard-sanitized-write',
  'fullscreen'
])

export interface SecurityDeps {
  app: Pick<App, 'on'>
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>
  shell: Pick<Shell, 'openExternal'>
  isAppUrl: (url: string) => boolean
}

function openInSystemBrowser(shell: SecurityDeps['shell'], url: string): void {
  if (!isExternalWebLink(url)) return
  // Reviewed: only http(s) links get this far, re-serialised by the URL parser.
  void shell.openExternal(new URL(url).toString()) // eng-disable OPEN_EXTERNAL_JS_CHECK
}

/** Locks every web contents to the app: no foreign navigation, windows, webviews or permissions. */
export function applySecurityPolicy({ app, session, shell, isAppUrl }: SecurityDeps): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(GRANTED_PERMISSIONS.has(permission) && isAppUrl(details.requestingUrl))
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingOrigin)
  })

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (isAppUrl(url)) return
      event.preventDefault()
      openInSystemBrowser(shell, url)
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      openInSystemBrowser(shell, url)
      return { action: 'deny' }
    })
  })
}
