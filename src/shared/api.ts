import { z } from 'zod'
import { backupArchiveContract } from './backup-archive'
import { callContract } from './call-api'
import { pipelineContract } from './pipeline-api'
import { precallContract } from './precall-api'
import { remindersContract } from './reminders-api'
import { prepContract } from './prep-api'
import { scheduleContract } from './schedule-api'
import { instantSchema } from './pipeline'
import { settingsPatchSchema, settingsSchema } from './settings'

/**
 * The contract between renderer and main. Each call has a schema for its input and for
 * its result, and `changes: true` when it may change records (the dispatcher runs those
 * in one transaction, undone when they fail); every adapter (IPC, WebSocket bridge) and the renderer's client derive from
 * this one table. Adding a call means adding an entry here and one handler in main.
 */
export const contract = {
  getAppInfo: {
    input: z.void(),
    output: z.object({
      version: z.string(),
      mode: z.enum(['electron', 'browser']),
      dataDir: z.string(),
      databaseFile: z.string()
    })
  },
  getSettings: {
    input: z.void(),
    output: settingsSchema
  },
  updateSettings: {
    changes: true,
    input: settingsPatchSchema,
    output: settingsSchema
  },
  ...pipelineContract,
  ...precallContract,
  ...scheduleContract,
  ...remindersContract,
  ...callContract,
  ...prepContract,
  ...backupArchiveContract
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export const methodNames = Object.keys(contract) as MethodName[]

export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>

/** Whether the call may change records (see `changes` above). */
export function changesRecords(method: MethodName): boolean {
  const spec = contract[method]
  return 'changes' in spec && spec.changes
}

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}

export type AppInfo = MethodOutput<'getAppInfo'>
