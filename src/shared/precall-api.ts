import { z } from 'zod'
import { connectionReportSchema, storedReportSchema } from './precall'

/** The connection test's calls; merged into the contract in api.ts. */
export const precallContract = {
  saveConnectionTest: { changes: true, input: connectionReportSchema, output: storedReportSchema },
  listConnectionTests: { input: z.strictObject({ limit: z.number().int().min(1).max(200).default(20) }), output: z.array(storedReportSchema) }
} as const
