import { z } from 'zod'
import { settingsPatchSchema, settingsSchema } from '../settings'
import type { ContractSlice } from './common'

export const settingsContract = {
  getSettings: {
    input: z.void(),
    output: settingsSchema
  },
  /** Announced as `settingsChanged` (by the settings service), not as a change of records. */
  updateSettings: {
    changes: true,
    announce: false,
    input: settingsPatchSchema,
    output: settingsSchema
  }
} as const satisfies ContractSlice
