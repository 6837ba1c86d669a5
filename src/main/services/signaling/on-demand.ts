import type { CreatedRoom, CreateRoomInput } from '../../../shared/signaling'
import { startSignalingServer, type SignalingServer, type SignalingServerOptions } from './server'

/**
 * The app's own signaling server, started the first time a call room is needed rather
 * than with the app: most launches hold no call, and an idle listening port is better
 * not opened at all.
 */
export interface OnDemandSignaling {
  /** The running server, started now if it was not. */
  server(): Promise<SignalingServer>
  /** A new room on the app's own server (starting it if need be). */
  createRoom(input?: CreateRoomInput): Promise<CreatedRoom>
  readonly running: boolean
  /** Stops the server if it runs; the next call starts it again. */
  close(): Promise<void>
}

export function createOnDemandSignaling(
  options: SignalingServerOptions = {},
  start: (options: SignalingServerOptions) => Promise<SignalingServer> = startSignalingServer
): OnDemandSignaling {
  let starting: Promise<SignalingServer> | null = null

  const server = (): Promise<SignalingServer> => {
    starting ??= start(options).catch((error: unknown) => {
      starting = null // a failed start (port taken…) may be tried again
      throw error
    })
    return starting
  }

  return {
    server,
    createRoom: async (input) => (await server()).createRoom(input),
    get running() {
      return starting !== null
    },
    close: async () => {
      const current = starting
      starting = null
      if (current) await (await current).close()
    }
  }
}
