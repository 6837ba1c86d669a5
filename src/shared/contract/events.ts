import { z } from 'zod'
import { waitingGuestSchema } from '../call'
import { settingsSchema } from '../settings'

/** Events main pushes to the renderer, each with the schema of its payload. */
export const eventContract = {
  settingsChanged: settingsSchema,
  /** Clients, invitations, interviews or their parts changed: lists should reload. */
  recordsChanged: z.object({ at: z.string() }),
  /** Reminders rang or were found missed: the renderer takes them with takeReminderAlerts. */
  remindersDue: z.object({ at: z.string() }),
  /** A guest waits in a call room whose page is closed (or stopped waiting): the whole list, for the ring dialog. */
  callWaiting: z.object({ waiting: z.array(waitingGuestSchema) }),
  /** Main asks the window to show a page, e.g. after a notification or tray click. */
  navigate: z.object({ path: z.string().regex(/^\/[\w\-/?=&.]*$/, 'An in-app path such as /calendar') })
} as const

export type EventName = keyof typeof eventContract
export type EventPayload<E extends EventName> = z.output<(typeof eventContract)[E]>
/** One event as listeners receive it: `event` tells the payload's type (check it, and the payload is typed). */
export type EventMessage = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName]
export type EventListener = (message: EventMessage) => void

/** The one place an event and its payload are put together; a payload of the event's own type makes a message of it. */
export function eventMessage<E extends EventName>(event: E, payload: EventPayload<E>): EventMessage {
  return { event, payload } as EventMessage
}

/**
 * An event as it arrived from main over a transport, or null for a name the contract lacks.
 * Main is its only sender and typed the payload when it emitted it, so it is not parsed again.
 */
export function readEventMessage(event: unknown, payload: unknown): EventMessage | null {
  return isEventName(event) ? eventMessage(event, payload as EventPayload<typeof event>) : null
}

/** The payload of `message` if it is the event `event`. */
export function payloadIf<E extends EventName>(message: EventMessage, event: E): EventPayload<E> | undefined {
  return message.event === event ? (message.payload as EventPayload<E>) : undefined
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(eventContract, name)
}
