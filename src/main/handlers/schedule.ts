import { scheduleContract } from '../../shared/contract/schedule'
import type { createCalendarExport } from '../services/schedule/calendar-export'
import type { createSchedulingService } from '../services/schedule/scheduling'
import { bindSlice, type SliceHandlers } from './types'

export interface ScheduleServices {
  scheduling: ReturnType<typeof createSchedulingService>
  calendarExport: ReturnType<typeof createCalendarExport>
}

/** Binds scheduling's calls: checking and booking slots, their history and calendar files. */
export function createScheduleHandlers({ scheduling, calendarExport }: ScheduleServices): SliceHandlers<typeof scheduleContract> {
  return bindSlice(scheduleContract, {
    checkSlot: ({ start, durationMinutes, interviewId }) => scheduling.check({ start, durationMinutes }, interviewId),
    scheduleInterview: ({ id, ...when }) => scheduling.schedule(id, when),
    cancelSchedule: ({ id, note }) => scheduling.cancel(id, note),
    suggestSlots: ({ durationMinutes, days, interviewId }) => scheduling.suggest({ durationMinutes, days, excludeId: interviewId }),
    listScheduleHistory: ({ interviewId }) => scheduling.history(interviewId),
    exportInterviewCalendar: ({ id }) => calendarExport.interview(id),
    exportUpcomingCalendar: () => calendarExport.upcoming()
  })
}
