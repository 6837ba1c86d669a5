import type { z } from 'zod'
import type { Contract, MethodName, MethodOutput } from '../../shared/api'

/**
 * Where the dispatcher runs a call that changes records: one database transaction that
 * commits only if the call succeeds and its result passes the contract. The core sets it
 * on its handler map; a map without it runs calls as they come.
 */
export const IN_TRANSACTION = Symbol('run a changing call in one transaction')
export type Transaction = <T>(work: () => Promise<T>) => Promise<T>

/** One function per contract call; input arrives already parsed by the call's schema. */
export type Handlers = {
  [M in MethodName]: (input: z.output<Contract[M]['input']>) => Promise<MethodOutput<M>> | MethodOutput<M>
} & { readonly [IN_TRANSACTION]?: Transaction }
