import { z } from 'zod'
import { idSchema, instantSchema, interviewDetailSchema } from '../pipeline'
import { offeredSlotSchema, scheduleNoteSchema } from '../schedule'
import { callMinutesSchema, timeZoneSchema } from '../settings'
import type { ContractSlice } from './common'

/** Scheduling's calls. */
export const scheduleContract = {
  checkSlot: {
    input: z.strictObject({ start: instantSchema, durationMinutes: callMinutesSchema, interviewId: idSchema.nullable() }),
    output: z.object({
      outsideWorkingHours: z.boolean(),
      conflicts: z.array(z.object({ id: idSchema, title: z.string(), start: instantSchema, durationMinutes: z.number().int() }))
    })
  },
  scheduleInterview: {
    changes: true,
    input: z.strictObject({
      id: idSchema,
      startsAt: instantSchema,
      timeZone: timeZoneSchema,
      durationMinutes: callMinutesSchema,
      note: scheduleNoteSchema
    }),
    output: interviewDetailSchema
  },
  cancelSchedule: { changes: true, input: z.strictObject({ id: idSchema, note: scheduleNoteSchema }), output: interviewDetailSchema },
  suggestSlots: {
    input: z.strictObject({ durationMinutes: callMinutesSchema, days: z.number().int().min(1).max(28), interviewId: idSchema.nullable() }),
    /** overlap false: the two working days never meet in the period, and the slots are the least bad ones. */
    output: z.object({ overlap: z.boolean(), slots: z.array(offeredSlotSchema) })
  },
  /** The call's times over its life, oldest first; each entry knows the time it replaced. */
  listScheduleHistory: {
    input: z.strictObject({ interviewId: idSchema }),
    output: z.array(
      z.object({
        action: z.enum(['scheduled', 'rescheduled', 'cancelled']),
        startsAt: instantSchema.nullable(),
        /** The time before this change: what a move or a cancellation replaced. */
        previousStartsAt: instantSchema.nullable(),
        timeZone: z.string().nullable(),
        durationMinutes: z.number().int().nullable(),
        changedAt: instantSchema,
        note: z.string()
      })
    )
  },
  exportInterviewCalendar: { input: z.strictObject({ id: idSchema }), output: z.object({ fileName: z.string(), text: z.string() }) },
  exportUpcomingCalendar: { input: z.void(), output: z.object({ fileName: z.string(), text: z.string(), count: z.number().int() }) }
} as const satisfies ContractSlice
