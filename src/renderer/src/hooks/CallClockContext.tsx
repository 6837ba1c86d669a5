import { createContext, useContext } from 'react'

/**
 * When the current call started, for the notes' timestamp command. The call room
 * provides it while a call runs; everywhere else it is null and the command only hints.
 */
export interface CallClock {
  startedAt: Date | null
}

export const CallClockContext = createContext<CallClock>({ startedAt: null })

export function useCallClock(): CallClock {
  return useContext(CallClockContext)
}
