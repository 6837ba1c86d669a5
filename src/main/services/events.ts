import { eventMessage, type EventListener, type EventName, type EventPayload } from '../../shared/contract/events'

/**
 * Services publish here; each adapter forwards what it hears to its renderers. Listeners get
 * an `EventMessage`, whose payload is typed by its event. `deliver` decides when listeners
 * hear: the core holds an event back until the database transaction it was raised in
 * commits (and drops it on a rollback), so nobody reloads for, or replans on, a change
 * that never happened.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>()

  constructor(private readonly deliver: (send: () => void) => void = (send) => send()) {}

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const message = eventMessage(event, payload)
    this.deliver(() => {
      for (const listener of this.listeners) listener(message)
    })
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
