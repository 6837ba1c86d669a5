import { z } from 'zod'
import { settingsSchema } from './settings'

/** Events main pushes to the renderer, each with the schema of its payload. */
export const eventContract = {
  settingsChanged: settingsSchema,
  /** Clients, invitations, interviews or their parts changed: lists should reload. */
  recordsChanged: z.object({ at: z.string() }),
  /** Reminders rang or were found missed: the renderer takes them with takeReminderAlerts. */
  remindersDue: z.object({ at: z.string() }),
  /** Main asks the window to show a page, e.g. after a notification or tray click. */
  navigate: z.object({ path: z.string().regex(/^\/[\w\-/?=&.]*$/, 'An in-app path such as /calendar') })
} as const

export type EventName = keyof typeof eventContract
export type EventPayload<E extends EventName> = z.output<(typeof eventContract)[E]>
export type EventMessage = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName]

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(eventContract, name)
}
