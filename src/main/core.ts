import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { createPipelineHandlers } from './handlers/pipeline-handlers'
import type { Handlers } from './handlers/types'
import type { UpcomingCall } from '../shared/reminders-api'
import { systemClock, type Clock } from './services/clock'
import { openDatabase } from './services/database'
import { EventBus } from './services/events'
import { migrate } from './services/migrations'
import { migrations } from './services/schema'
import { createConnectionTestsService } from './services/precall/connection-tests'
import { createCalendarExport } from './services/schedule/calendar-export'
import { createSchedulingService } from './services/schedule/scheduling'
import { createRemindersService } from './services/reminders/reminders'
import { createReminderScheduler, type ReminderNotifier, type ReminderScheduler, type Timers } from './services/reminders/scheduler'
import { createShowUpService } from './services/reminders/show-up'
import { createSettingsService } from './services/settings-service'

export const DATABASE_FILE_NAME = 'greenroom.db'

export interface CoreOptions {
  dataDir: string
  mode: 'electron' | 'browser'
  version: string
  clock?: Clock
  /** Timers the reminder scheduler sleeps on (tests pass their own). */
  timers?: Timers
  systemTimeZone?: () => string
  /** Shows due reminders outside the window (Electron: system notifications). */
  notifyReminders?: ReminderNotifier
  onBackgroundError?: (error: unknown) => void
}

export interface Core {
  handlers: Handlers
  events: EventBus
  databaseFile: string
  reminders: ReminderScheduler
  /** The calls ahead with their readiness, for the tray. */
  upcomingCalls(limit: number): Promise<UpcomingCall[]>
  close(): Promise<void>
}

function timestampForFileName(date: Date): string {
  return date.toISOString().replaceAll(':', '-').replace(/\.\d+Z$/, 'Z')
}

/** Opens the store and wires the services; both the Electron and the browser host start here. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock
  const systemTimeZone = options.systemTimeZone ?? (() => Intl.DateTimeFormat().resolvedOptions().timeZone)
  await mkdir(options.dataDir, { recursive: true })
  const databaseFile = join(options.dataDir, DATABASE_FILE_NAME)

  const db = await openDatabase(databaseFile)
  try {
    await migrate(db, migrations, (from) =>
      join(options.dataDir, `${DATABASE_FILE_NAME}.v${from}-${timestampForFileName(clock.now())}.bak`)
    )
  } catch (error) {
    await db.close()
    throw error
  }

  const events = new EventBus()
  const settings = createSettingsService({ db, clock, events, systemTimeZone })
  const connectionTests = createConnectionTestsService({ db })
  const scheduling = createSchedulingService({ db, clock, settings: () => settings.get() })
  const calendarExport = createCalendarExport({ db, clock })
  const showUp = createShowUpService({ db, clock, settings: () => settings.get() })
  const reminders = createRemindersService({ db, clock, settings: () => settings.get() })
  const scheduler = createReminderScheduler({
    reminders,
    clock,
    timers: options.timers,
    notify: (due) => {
      options.notifyReminders?.(due)
      events.emit('remindersDue', { at: clock.now().toISOString() })
    },
    onError: options.onBackgroundError
  })
  const announce = <T>(result: T): T => {
    events.emit('recordsChanged', { at: clock.now().toISOString() })
    return result
  }

  const handlers: Handlers = {
    getAppInfo: () => ({
      version: options.version,
      mode: options.mode,
      dataDir: options.dataDir,
      databaseFile
    }),
    getSettings: () => settings.get(),
    updateSettings: (patch) => settings.update(patch),
    ...createPipelineHandlers({ db, clock, events, appVersion: options.version }),
    saveConnectionTest: async (report) => announce(await connectionTests.save(report)),
    listConnectionTests: ({ limit }) => connectionTests.list(limit),
    checkSlot: ({ start, durationMinutes, interviewId }) => scheduling.check({ start, durationMinutes }, interviewId),
    scheduleInterview: async ({ id, ...when }) => announce(await scheduling.schedule(id, when)),
    cancelSchedule: async ({ id, note }) => announce(await scheduling.cancel(id, note)),
    suggestSlots: ({ durationMinutes, days, interviewId }) => scheduling.suggest({ durationMinutes, days, excludeId: interviewId }),
    exportInterviewCalendar: ({ id }) => calendarExport.interview(id),
    exportUpcomingCalendar: () => calendarExport.upcoming(),
    takeReminderAlerts: () => reminders.takeAlerts(),
    listShowUpQuestions: () => showUp.questions(),
    answerShowUp: async ({ id, showedUp }) => announce(await showUp.answer(id, showedUp)),
    listUpcomingCalls: ({ limit }) => showUp.upcoming(limit)
  }

  // Any change to interviews or settings may move a reminder.
  events.subscribe((event) => {
    if (event === 'recordsChanged' || event === 'settingsChanged') void scheduler.replan()
  })
  await scheduler.start()

  return {
    handlers,
    events,
    databaseFile,
    reminders: scheduler,
    upcomingCalls: (limit) => showUp.upcoming(limit),
    close: async () => {
      await scheduler.stop()
      await db.close()
    }
  }
}
