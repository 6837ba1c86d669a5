import { methodNames, type MethodInput, type MethodName, type MethodOutput } from './api'
import { GreenroomError, type Envelope } from './errors'
import type { EventName, EventPayload } from './events'

type CallSignature<M extends MethodName> = undefined extends MethodInput<M>
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
  subscribe(listener: (event: EventName, payload: unknown) => void): Unsubscribe
}

/** Builds the `window.greenroom` object from a transport: one function per contract call. */
export function createGreenroomClient(transport: Transport): GreenroomApi {
  const calls: Record<string, (input?: unknown) => Promise<unknown>> = {}
  for (const method of methodNames) {
    calls[method] = async (input?: unknown) => {
      const envelope = await transport.invoke(method, input)
      if (envelope.ok) return envelope.value
      throw new GreenroomError(envelope.error.code, envelope.error.message)
    }
  }
  const on = (event: EventName, listener: (payload: never) => void): Unsubscribe =>
    transport.subscribe((name, payload) => {
      if (name === event) listener(payload as never)
    })
  return Object.freeze({ ...calls, on }) as unknown as GreenroomApi
}
