import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import type { Envelope } from '../../shared/errors'
import type { Handlers } from '../handlers/types'
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/ipc-channels'
import { dispatch } from '../rpc'
import type { EventBus } from '../services/events'

type SenderFrame = IpcMainInvokeEvent['senderFrame']

/**
 * Binds the contract to ipcMain. Calls from frames that are not the app's own (an
 * injected iframe, a page navigated elsewhere) are answered with UNAUTHORIZED and never
 * reach a handler.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: Handlers,
  isAppUrl: (url: string) => boolean
): () => void {
  const isTrusted = (frame: SenderFrame): boolean => frame !== null && frame.parent === null && isAppUrl(frame.url)

  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, input: unknown): Promise<Envelope<unknown>> => {
    if (!isTrusted(event.senderFrame)) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: 'Calls are only accepted from Greenroom’s own pages' } }
    }
    return dispatch(handlers, method, input)
  })
  return () => ipcMain.removeHandler(INVOKE_CHANNEL)
}

/** Pushes every service event to the app's windows. */
export function forwardEvents(events: EventBus, targets: () => Pick<WebContents, 'send' | 'isDestroyed'>[]): () => void {
  return events.subscribe(({ event, payload }) => {
    for (const contents of targets()) {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload)
    }
  })
}
