import { z } from 'zod'
import { idSchema, instantSchema, interviewDetailSchema } from './pipeline'
import { callMinutesSchema, timeZoneSchema } from './settings'

/** A note on a booking or a cancellation, kept in the schedule's history. */
export const scheduleNoteSchema = z.string().max(2000, 'The note must be under 2000 characters')

const dayFitSchema = z.object({ outsideMinutes: z.number().int().min(0), edgeMinutes: z.number().int().min(0), nearer: z.enum(['start', 'end']) })
const offeredSlotSchema = z.object({
  start: instantSchema,
  durationMinutes: z.number().int().positive(),
  fit: z.enum(['good', 'edge', 'outside']),
  user: dayFitSchema,
  client: dayFitSchema.nullable()
})

/** Scheduling's calls; merged into the contract in api.ts. */
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
    input: z.strictObject({ id: idSchema, startsAt: instantSchema, timeZone: timeZoneSchema, durationMinutes: callMinutesSchema, note: scheduleNoteSchema }),
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
} as const
