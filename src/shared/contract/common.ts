import { z } from 'zod'
import { idSchema } from '../pipeline'

/**
 * What every slice of the contract is made of. A call's `input` and `output` are parsed by
 * `dispatch` on every crossing; `changes: true` says the call may change records, so the
 * dispatcher runs it in one transaction (undone when it fails) and announces
 * `recordsChanged` once it commits. Two refinements, each for a reason written beside the call:
 * - `announce: false`: a change no list shows (opening a room, autosave, taking alerts);
 *   announcing it would make a page that reloads on `recordsChanged` call it again.
 * - `commitsItself: true`: the call commits its own transaction and then does work that must
 *   follow the commit (swapping files in), so the dispatcher does not wrap it in one.
 */
export interface CallSpec {
  readonly input: z.ZodType
  readonly output: z.ZodType
  readonly changes?: true
  readonly announce?: false
  readonly commitsItself?: true
}

/** One domain's calls. Slices are declared `as const satisfies ContractSlice`. */
export type ContractSlice = Readonly<Record<string, CallSpec>>

/** The input of a call about one record. */
export const byId = z.strictObject({ id: idSchema })
