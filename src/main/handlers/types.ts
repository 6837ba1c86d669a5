import type { z } from 'zod'
import type { Contract, MethodName, MethodOutput } from '../../shared/api'

/** One function per contract call; input arrives already parsed by the call's schema. */
export type Handlers = {
  [M in MethodName]: (input: z.output<Contract[M]['input']>) => Promise<MethodOutput<M>> | MethodOutput<M>
}
