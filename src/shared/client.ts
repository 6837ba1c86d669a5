import type { MethodInput, MethodName, MethodOutput } from './contract'
import { GreenroomError, type Envelope } from './errors'
import type { EventListener, EventName, EventPayload } from './contract/events'

type CallSignature<M extends MethodName> =
  undefined extends MethodInput<M>
    ? (input?: MethodInput<M>) => Promise<MethodOutput<M>>
    : (input: MethodInput<M>) => Promise<MethodOutput<M>>

export type GreenroomCalls = { [M in MethodName]: CallSignature<M> }

export type Unsubscribe = () => void

/** What the renderer sees as `window.greenroom`, in Electron and in browser mode alike. */
export type GreenroomApi = GreenroomCalls & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): Unsubscribe
}

/** How a client reaches main: IPC in Electron, a WebSocket in browser mode. */
export interface Transport {
  invoke(method: MethodName, input: unknown): Promise<Envelope<unknown>>
  /** Each event that arrived, its payload already checked against the event contract. */
  subscribe(listener: EventListener): Unsubscribe
}

/**
 * Builds the `window.greenroom` object from a transport. With `methods` (the Electron preload, whose
 * object crosses contextBridge and so must list its functions) it has one function per name; without,
 * any name is a call (browser mode's bridge, which so loads without the contract's schemas, before the
 * page: main refuses a name the contract lacks).
 */
export function createGreenroomClient(transport: Transport, methods?: readonly MethodName[]): GreenroomApi {
  const calls = new Map<string, (input?: unknown) => Promise<unknown>>()
  const callFor = (method: string) => {
    let call = calls.get(method)
    if (!call) {
      call = async (input?: unknown) => {
        const envelope = await transport.invoke(method as MethodName, input)
        if (envelope.ok) return envelope.value
        throw new GreenroomError(envelope.error.code, envelope.error.message)
      }
      calls.set(method, call)
    }
    return call
  }
  const on = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): Unsubscribe =>
    transport.subscribe((message) => {
      if (message.event === event) listener(message.payload as EventPayload<E>)
    })
  if (methods)
    return Object.freeze({ ...Object.fromEntries(methods.map((method) => [method, callFor(method)])), on }) as unknown as GreenroomApi
  const api = Object.freeze({ on })
  return new Proxy(api, {
    get: (target, name) => {
      if (name === 'on') return target.on
      // Not a call: `then` (so awaiting the object is not a call), symbols, Object.prototype's names.
      if (typeof name !== 'string' || name === 'then' || name in Object.prototype) return undefined
      return callFor(name)
    }
  }) as unknown as GreenroomApi
}
