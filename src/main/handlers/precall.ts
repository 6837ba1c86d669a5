import { precallContract } from '../../shared/contract/precall'
import type { Settings } from '../../shared/settings'
import type { Clock } from '../../shared/time-source'
import type { createConnectionTestsService } from '../services/precall/connection-tests'
import { connectionTestServers } from '../services/precall/test-servers'
import { bindSlice, type SliceHandlers } from './types'

export interface PrecallServices {
  connectionTests: ReturnType<typeof createConnectionTestsService>
  settings: () => Promise<Settings>
  clock: Clock
}

/** Binds the connection test's calls: its reports, kept for the prep room's checklist. */
export function createPrecallHandlers({ connectionTests, settings, clock }: PrecallServices): SliceHandlers<typeof precallContract> {
  return bindSlice(precallContract, {
    saveConnectionTest: (report) => connectionTests.save(report),
    listConnectionTests: ({ limit }) => connectionTests.list(limit),
    connectionTestServers: async () => connectionTestServers(await settings(), clock)
  })
}
