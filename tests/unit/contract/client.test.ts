import { describe, expect, it } from 'vitest'
import { createGreenroomClient, type Transport } from '../../../src/shared/client'
import type { EventListener } from '../../../src/shared/contract/events'
import { GreenroomError } from '../../../src/shared/errors'

function recordingTransport() {
  const sent: Array<{ method: string; input: unknown }> = []
  const listeners = new Set<EventListener>()
  const transport: Transport = {
    invoke: async (method, input) => {
      sent.push({ method, input })
      return method === 'getSettings'
        ? { ok: true, value: { userName: 'Kim' } }
        : { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'no such call' } }
    },
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
  return { transport, sent, listeners }
}

describe("browser mode's client, built without the contract's schemas", () => {
  it('sends any call name to main and unwraps its answer or its refusal', async () => {
    const { transport, sent } = recordingTransport()
    const api = createGreenroomClient(transport)
    await expect(api.getSettings()).resolves.toEqual({ userName: 'Kim' })
    await expect((api as unknown as Record<string, () => Promise<unknown>>).noSuchCall!()).rejects.toBeInstanceOf(GreenroomError)
    expect(sent.map((call) => call.method)).toEqual(['getSettings', 'noSuchCall'])
  })

  it('is not a promise, and has no calls named after Object’s own members', async () => {
    const { transport, sent } = recordingTransport()
    const api = createGreenroomClient(transport) as unknown as Record<string, unknown>
    expect(api.then).toBeUndefined()
    expect(api.toString).toBeUndefined()
    await expect(Promise.resolve(api)).resolves.toBe(api)
    expect(sent).toEqual([])
  })

  it('hands each listener only the events it asked for', () => {
    const { transport, listeners } = recordingTransport()
    const api = createGreenroomClient(transport)
    const heard: unknown[] = []
    api.on('recordsChanged', (payload) => heard.push(payload))
    for (const listener of listeners) {
      listener({ event: 'remindersDue', payload: { at: '1' } })
      listener({ event: 'recordsChanged', payload: { at: '2' } })
    }
    expect(heard).toEqual([{ at: '2' }])
  })
})
