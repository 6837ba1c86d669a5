import type { ScreenSource } from '../../shared/call'
import { callContract } from '../../shared/contract/call'
import type { Clock } from '../../shared/time-source'
import type { CallRoomsService } from '../services/call/call-rooms'
import type { CallsService } from '../services/call/calls'
import type { CallChatService } from '../services/call/call-chat'
import type { createJoinService } from '../services/call/join'
import type { createServerCheck } from '../services/call/server-check'
import { bindSlice, type SliceHandlers } from './types'

/** The desktop app's screen picker; browser mode has none and the browser shows its own. */
export interface ScreenShare {
  list(): Promise<ScreenSource[]>
  choose(id: string): void
}

/** The desktop app's call window (mini, always on top); browser mode has a compact layout instead. */
export interface CallWindow {
  set(mini: boolean, inCall: boolean, layout: 'call' | 'companion'): { alwaysOnTop: boolean }
}

export interface CallServices {
  clock: Clock
  callRooms: CallRoomsService
  calls: CallsService
  callChat: CallChatService
  joining: ReturnType<typeof createJoinService>
  checkServer: ReturnType<typeof createServerCheck>
  screenShare?: ScreenShare | undefined
  callWindow?: CallWindow | undefined
}

/** Binds the call room's calls: rooms and their server, calls held and rated, the window and screen picker. */
export function createCallHandlers(services: CallServices): SliceHandlers<typeof callContract> {
  const { clock, callRooms, calls, callChat, joining, checkServer, screenShare, callWindow } = services
  return bindSlice(callContract, {
    openCallRoom: ({ interviewId, renew }) => callRooms.openRoom(interviewId, renew),
    getSignalingInfo: () => callRooms.info(),
    listWaitingGuests: () => callRooms.waitingGuests(),
    declineWaitingGuest: async ({ interviewId }) => {
      await callRooms.declineWaiting(interviewId)
      return null
    },
    checkSignalingServer: (input) => checkServer(input),
    recordCall: (input) => calls.record(input),
    saveCallChat: ({ interviewId, startedAt, lines }) => callChat.save(interviewId, startedAt, lines),
    rateCall: ({ id, rating, issues }) => calls.rate(id, rating, issues),
    listCalls: ({ interviewId }) => calls.list(interviewId),
    listScreenSources: async () =>
      screenShare ? { picker: 'app' as const, sources: await screenShare.list() } : { picker: 'browser' as const, sources: [] },
    chooseScreenSource: ({ id }) => {
      screenShare?.choose(id)
      return null
    },
    joinCall: ({ interviewId }) => joining.join(interviewId),
    getClock: () => ({ now: clock.now().toISOString() }),
    setCallWindow: ({ mini, inCall, layout }) => callWindow?.set(mini, inCall, layout) ?? { alwaysOnTop: false }
  })
}
