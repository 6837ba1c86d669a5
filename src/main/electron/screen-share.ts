import type { DesktopCapturer, DesktopCapturerSource, Session } from 'electron'
import type { ScreenSource } from '../../shared/call'

export interface ScreenShareDeps {
  desktopCapturer: Pick<DesktopCapturer, 'getSources'>
  session: Pick<Session, 'setDisplayMediaRequestHandler'>
  isAppUrl: (url: string) => boolean
  now?: () => number
}

/** A choice counts for the share request that follows it, within this time. */
export const CHOICE_VALID_MS = 15_000
const THUMBNAIL = { width: 320, height: 180 }

/**
 * Screen sharing in the desktop app: Greenroom's own picker lists whole screens and single
 * windows with thumbnails (desktopCapturer); the user's choice then answers the page's
 * getDisplayMedia request (setDisplayMediaRequestHandler). A request from any page but the
 * app's, or without a fresh choice, gets nothing.
 */
export function createScreenShare({ desktopCapturer, session, isAppUrl, now = Date.now }: ScreenShareDeps) {
  let chosen: { id: string; at: number } | null = null

  session.setDisplayMediaRequestHandler(
    (request, callback) => {
      const pick = chosen
      chosen = null
      const url = request.frame?.url ?? ''
      if (!pick || now() - pick.at > CHOICE_VALID_MS || !isAppUrl(url)) {
        callback({})
        return
      }
      desktopCapturer
        .getSources({ types: ['screen', 'window'], thumbnailSize: { width: 0, height: 0 } })
        .then((sources: DesktopCapturerSource[]) => {
          const source = sources.find((candidate) => candidate.id === pick.id)
          callback(source ? { video: source } : {})
        })
        .catch(() => callback({}))
    },
    { useSystemPicker: false }
  )

  return {
    async list(): Promise<ScreenSource[]> {
      const sources = await desktopCapturer.getSources({ types: ['screen', 'window'], thumbnailSize: THUMBNAIL, fetchWindowIcons: false })
      return sources.map((source) => ({
        id: source.id,
        name: source.name,
        kind: source.id.startsWith('screen:') ? 'screen' : 'window',
        thumbnail: source.thumbnail.isEmpty() ? '' : source.thumbnail.toDataURL()
      }))
    },
    choose(id: string): void {
      chosen = { id, at: now() }
    }
  }
}

export type ScreenShare = ReturnType<typeof createScreenShare>
