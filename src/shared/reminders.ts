import { z } from 'zod'
import { instantSchema, interviewSummarySchema } from './pipeline'

/** A reminder that rang (or passed while Greenroom was closed), with the call it is for. */
export const reminderAlertSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['before_call', 'no_show']),
  /** Minutes before the call's start; the no-show question comes after it. */
  leadMinutes: z.number().int(),
  dueAt: instantSchema,
  /** "missed": it was due while Greenroom was closed or the computer slept. */
  state: z.enum(['fired', 'missed']),
  interview: interviewSummarySchema
})
export type ReminderAlert = z.infer<typeof reminderAlertSchema>

/** A scheduled call whose start passed by the no-show margin, still waiting for an answer. */
export const showUpQuestionSchema = z.object({ interview: interviewSummarySchema })

/** An upcoming call as the tray and the calendar list it. */
export const upcomingCallSchema = z.object({
  interview: interviewSummarySchema,
  /** Share of the prep checklist done, 0..1; null until the prep room can tell. */
  readiness: z.number().min(0).max(1).nullable()
})
export type UpcomingCall = z.infer<typeof upcomingCallSchema>
