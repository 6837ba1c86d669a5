import { z } from 'zod'
import { idSchema, interviewDetailSchema } from '../pipeline'
import { reminderAlertSchema, showUpQuestionSchema, upcomingCallSchema } from '../reminders'
import type { ContractSlice } from './common'

/** Reminders' calls. */
export const remindersContract = {
  /**
   * Reminders not yet shown in this app: each is returned once, then counts as seen. Not
   * announced: seeing an alert changes nothing a list shows.
   */
  takeReminderAlerts: { changes: true, announce: false, input: z.void(), output: z.array(reminderAlertSchema) },
  listShowUpQuestions: { input: z.void(), output: z.array(showUpQuestionSchema) },
  /** "Did the client come?" Yes: the call took place (done). No: no-show and a red flag on the client. */
  answerShowUp: { changes: true, input: z.strictObject({ id: idSchema, showedUp: z.boolean() }), output: interviewDetailSchema },
  listUpcomingCalls: { input: z.strictObject({ limit: z.number().int().min(1).max(20) }), output: z.array(upcomingCallSchema) }
} as const satisfies ContractSlice
