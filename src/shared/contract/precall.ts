import { z } from 'zod'
import { connectionReportSchema, storedReportSchema } from '../precall'
import { iceServerSchema } from '../settings'
import type { ContractSlice } from './common'

/** The connection test's calls. */
export const precallContract = {
  saveConnectionTest: { changes: true, input: connectionReportSchema, output: storedReportSchema },
  listConnectionTests: {
    input: z.strictObject({ limit: z.number().int().min(1).max(200).default(20) }),
    output: z.array(storedReportSchema)
  },
  /** The servers the test tries: Settings' own, a TURN address of the app's own call server with a password minted for the test. */
  connectionTestServers: { input: z.void(), output: z.array(iceServerSchema).max(10) }
} as const satisfies ContractSlice
