import { describe, expect, it } from 'vitest'
import { payloadIf, readEventMessage, type EventMessage } from '../../../src/shared/contract/events'
import { EventBus } from '../../../src/main/services/events'

describe('events, typed by the event contract', () => {
  it('reach listeners as one message whose event tells its payload', () => {
    const bus = new EventBus()
    const heard: EventMessage[] = []
    bus.subscribe((message) => heard.push(message))
    bus.emit('navigate', { path: '/calendar' })
    expect(heard).toEqual([{ event: 'navigate', payload: { path: '/calendar' } }])
    expect(payloadIf(heard[0]!, 'navigate')?.path).toBe('/calendar')
    expect(payloadIf(heard[0]!, 'recordsChanged')).toBeUndefined()
  })

  it('are read off a transport only under a name the contract knows', () => {
    expect(readEventMessage('recordsChanged', { at: '2026-11-02T09:00:00.000Z' })).toEqual({
      event: 'recordsChanged',
      payload: { at: '2026-11-02T09:00:00.000Z' }
    })
    expect(readEventMessage('toString', { at: 'x' })).toBeNull()
    expect(readEventMessage('dropAllTables', {})).toBeNull()
  })
})
