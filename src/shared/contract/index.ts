import type { z } from 'zod'
import { appContract } from './app'
import { backupContract } from './backup'
import { callContract } from './call'
import type { CallSpec } from './common'
import { pipelineContract } from './pipeline'
import { precallContract } from './precall'
import { prepContract } from './prep'
import { remindersContract } from './reminders'
import { scheduleContract } from './schedule'
import { settingsContract } from './settings'

/**
 * The contract between renderer and main, joined from one slice per domain (./<domain>.ts;
 * what a call declares is described in ./common.ts). Every adapter (IPC, WebSocket bridge),
 * the renderer's client and main's handler map derive from this one table. Adding a call
 * means one entry in its domain's slice and one handler in src/main/handlers/<domain>.ts.
 */
export const slices = {
  app: appContract,
  settings: settingsContract,
  pipeline: pipelineContract,
  precall: precallContract,
  schedule: scheduleContract,
  reminders: remindersContract,
  call: callContract,
  prep: prepContract,
  backup: backupContract
} as const

export const contract = {
  ...appContract,
  ...settingsContract,
  ...pipelineContract,
  ...precallContract,
  ...scheduleContract,
  ...remindersContract,
  ...callContract,
  ...prepContract,
  ...backupContract
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export const methodNames = Object.keys(contract) as MethodName[]

export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>

const specOf = (method: MethodName): CallSpec => contract[method]

/** Whether the call may change records (see `changes` in ./common.ts). */
export function changesRecords(method: MethodName): boolean {
  return specOf(method).changes === true
}

/** Whether a successful call is announced as `recordsChanged`. */
export function announcesChange(method: MethodName): boolean {
  return changesRecords(method) && specOf(method).announce !== false
}

/** Whether the dispatcher runs the call in one transaction (calls that commit by themselves are not). */
export function runsInTransaction(method: MethodName): boolean {
  return changesRecords(method) && specOf(method).commitsItself !== true
}

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}

export type { AppInfo } from './app'
export type { CallSpec, ContractSlice } from './common'
