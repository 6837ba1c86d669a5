import { z } from 'zod'
import { announcesChange, contract, isMethodName, runsInTransaction } from '../shared/contract'
import { ApiError, type ApiErrorShape, type Envelope } from '../shared/errors'
import { ANNOUNCE_CHANGE, IN_TRANSACTION, type Handlers } from './handlers/types'

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ')
}

function failure(error: ApiErrorShape): Envelope<never> {
  return { ok: false, error }
}

/** A handler's result failed the contract; thrown inside the transaction so it rolls back. */
class BrokenResult extends Error {
  constructor(readonly issues: z.ZodError) {
    super('The result broke the contract')
  }
}

/**
 * The one door into main for every adapter: checks the method exists, parses the input
 * with its schema, runs the handler, checks the result, and turns any throw into
 * `{ code, message }`. Nothing reaches a service unparsed. A call that changes records
 * runs in one transaction with its result check, so a refusal of any kind (a thrown
 * error, a result that breaks the contract) leaves nothing behind; once it succeeded it is
 * announced as `recordsChanged` from inside that transaction, so listeners hear of it
 * after the commit and never for a rollback. No handler announces by hand.
 */
export async function dispatch(
  handlers: Handlers,
  method: unknown,
  rawInput: unknown,
  log: (message: string, error: unknown) => void = console.error
): Promise<Envelope<unknown>> {
  if (!isMethodName(method)) {
    return failure({ code: 'UNKNOWN_METHOD', message: `There is no call named ${JSON.stringify(method)}` })
  }
  const spec = contract[method]
  const input = spec.input.safeParse(rawInput)
  if (!input.success) {
    return failure({ code: 'INVALID_INPUT', message: `Invalid input for ${method}: ${describeIssues(input.error)}` })
  }
  const handler = handlers[method] as (input: unknown) => unknown
  const call = async (): Promise<unknown> => {
    const result = spec.output.safeParse(await handler(input.data))
    if (!result.success) throw new BrokenResult(result.error)
    if (announcesChange(method)) handlers[ANNOUNCE_CHANGE]?.()
    return result.data
  }
  const transaction = handlers[IN_TRANSACTION]
  try {
    const value = runsInTransaction(method) && transaction ? await transaction(call) : await call()
    return { ok: true, value }
  } catch (error) {
    if (error instanceof BrokenResult) {
      log(`Result of ${method} broke the contract`, error.issues)
      return failure({ code: 'INTERNAL', message: `Greenroom produced an invalid result for ${method}` })
    }
    if (error instanceof ApiError) return failure({ code: error.code, message: error.message })
    if (error instanceof z.ZodError) {
      return failure({ code: 'INVALID_INPUT', message: `Invalid input for ${method}: ${describeIssues(error)}` })
    }
    log(`Call ${method} failed`, error)
    const detail = error instanceof Error ? error.message : String(error)
    return failure({ code: 'INTERNAL', message: `Greenroom could not complete ${method}: ${detail}` })
  }
}
