import { z } from 'zod'
import type { ContractSlice } from './common'

/** What the app is and where it keeps its data. */
export const appContract = {
  getAppInfo: {
    input: z.void(),
    output: z.object({
      version: z.string(),
      mode: z.enum(['electron', 'browser']),
      dataDir: z.string(),
      databaseFile: z.string()
    })
  }
} as const satisfies ContractSlice

export type AppInfo = z.output<typeof appContract.getAppInfo.output>
