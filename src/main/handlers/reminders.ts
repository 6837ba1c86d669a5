import { remindersContract } from '../../shared/contract/reminders'
import type { RemindersService } from '../services/reminders/reminders'
import type { createShowUpService } from '../services/reminders/show-up'
import { bindSlice, type SliceHandlers } from './types'

export interface RemindersServices {
  reminders: RemindersService
  showUp: ReturnType<typeof createShowUpService>
}

/** Binds reminders' calls: the alerts that rang, and the "did the client come?" question. */
export function createRemindersHandlers({ reminders, showUp }: RemindersServices): SliceHandlers<typeof remindersContract> {
  return bindSlice(remindersContract, {
    takeReminderAlerts: () => reminders.takeAlerts(),
    listShowUpQuestions: () => showUp.questions(),
    answerShowUp: ({ id, showedUp }) => showUp.answer(id, showedUp),
    listUpcomingCalls: ({ limit }) => showUp.upcoming(limit)
  })
}
