import type { z } from 'zod'
import type { CallSpec, Contract, ContractSlice } from '../../shared/contract'

/** One call's handler: its input arrives already parsed by the call's schema. */
export type CallHandler<C extends CallSpec> = (input: z.output<C['input']>) => Promise<z.output<C['output']>> | z.output<C['output']>

/** Exactly one handler per call of a slice. */
export type SliceHandlers<S extends ContractSlice> = { [M in keyof S]: CallHandler<S[M]> }

/** Names in `H` that `S` has no call for. */
type Extra<S, H> = Exclude<keyof H, keyof S>

/**
 * Binds a domain's handlers to its contract slice: a missing call is a type error, and so is
 * a handler for a call the slice does not have (`never` where it is written). The same check
 * runs once more when the core starts, for maps the type checker cannot see through.
 */
export function bindSlice<S extends ContractSlice, H extends SliceHandlers<S>>(
  slice: S,
  handlers: H & { [K in Extra<S, H>]: never }
): SliceHandlers<S> {
  const missing = Object.keys(slice).filter((name) => typeof (handlers as Record<string, unknown>)[name] !== 'function')
  const extra = Object.keys(handlers).filter((name) => !Object.prototype.hasOwnProperty.call(slice, name))
  if (missing.length > 0 || extra.length > 0) {
    const list = (names: string[]) => names.join(', ') || 'none'
    throw new Error(`Handlers do not match their contract slice: missing ${list(missing)}; extra ${list(extra)}`)
  }
  return handlers
}

/**
 * Where the dispatcher runs a call that changes records: one database transaction that
 * commits only if the call succeeds and its result passes the contract. The core sets it
 * on its handler map; a map without it runs calls as they come.
 */
export const IN_TRANSACTION = Symbol('run a changing call in one transaction')
export type Transaction = <T>(work: () => Promise<T>) => Promise<T>

/**
 * How the dispatcher announces a successful call that changes records (`recordsChanged`).
 * It is called inside the call's transaction, so the event bus delivers it after the commit.
 */
export const ANNOUNCE_CHANGE = Symbol('announce a change of records')

/** One function per contract call, joined from the domains' slices by the core. */
export type Handlers = SliceHandlers<Contract> & { readonly [IN_TRANSACTION]?: Transaction; readonly [ANNOUNCE_CHANGE]?: () => void }
