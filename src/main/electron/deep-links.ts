import type { App } from 'electron'
import { resolve } from 'node:path'
import { DEEP_LINK_SCHEME, deepLinkPath } from '../../shared/deep-link'

export interface DeepLinkDeps {
  /** Shows the window on an in-app page. */
  open: (path: string) => void
}

/**
 * Routes greenroom:// links to the page they name. Links that arrive before the window can
 * show (the launch that a link started, macOS's open-url during start-up) wait for it; the
 * latest one wins. Anything but the exact shapes is ignored.
 */
export function createDeepLinks({ open }: DeepLinkDeps) {
  let pending: string | null = null
  let started = false

  function handle(link: unknown): boolean {
    const path = deepLinkPath(link)
    if (!path) return false
    if (started) open(path)
    else pending = path
    return true
  }

  return {
    handle,
    /** A command line (first launch, or a second instance on Windows and Linux): true when it held a valid link. */
    handleArgv(argv: readonly string[]): boolean {
      const link = argv.find((arg) => arg.startsWith(`${DEEP_LINK_SCHEME}://`))
      return link !== undefined && handle(link)
    },
    /** Called once the app can show windows: the page a link asked for meanwhile, if any. */
    start(): string | null {
      started = true
      const path = pending
      pending = null
      return path
    }
  }
}

export type DeepLinks = ReturnType<typeof createDeepLinks>

/**
 * Delivers links: macOS sends open-url (also before the app is ready); Windows and Linux start
 * a second instance with the link on its command line, which the single-instance lock hands to
 * this one. A second start without a link just brings the window back.
 */
export function listenForDeepLinks(app: Pick<App, 'on'>, links: DeepLinks, showApp: () => void): void {
  app.on('open-url', (event, url) => {
    event.preventDefault()
    links.handle(url)
  })
  app.on('second-instance', (_event, argv) => {
    if (!links.handleArgv(argv)) showApp()
  })
}

/**
 * Makes Greenroom the system's handler for greenroom:// (the installers declare it too; this
 * covers Windows, where NSIS does not, and a development run, which needs its script path).
 */
export function registerDeepLinkScheme(
  app: Pick<App, 'setAsDefaultProtocolClient'>,
  runtime: { defaultApp?: boolean; execPath: string; argv: readonly string[] }
): boolean {
  // Reviewed (PROTOCOL_HANDLER_JS_CHECK): links reach only deepLinkPath, which accepts the two
  // greenroom://interview/<uuid>[/companion] shapes and drops everything else; they only pick a page.
  if (runtime.defaultApp && runtime.argv[1]) {
    const script = [resolve(runtime.argv[1])]
    return app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, runtime.execPath, script) // eng-disable PROTOCOL_HANDLER_JS_CHECK
  }
  return app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME) // eng-disable PROTOCOL_HANDLER_JS_CHECK
}
