import type { EventName, EventPayload } from '../../shared/events'

type Listener = (event: EventName, payload: unknown) => void

/**
 * Services publish here; each adapter forwards what it hears to its renderers. `deliver`
 * decides when listeners hear: the core holds an event back until the database
 * transaction it was raised in commits (and drops it on a rollback), so nobody reloads
 * for, or replans on, a change that never happened.
 */
export class EventBus {
  private readonly listeners = new Set<Listener>()

  constructor(private readonly deliver: (send: () => void) => void = (send) => send()) {}

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.deliver(() => {
      for (const listener of this.listeners) listener(event, payload)
    })
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
