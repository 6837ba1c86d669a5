import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { createBackupArchiveHandlers, transfersFolderIn } from './handlers/backup-handlers'
import { createPipelineHandlers } from './handlers/pipeline-handlers'
import { DEMO_PROFILE_NAME } from './services/pipeline/demo-data'
import { createPrepHandlers } from './handlers/prep-handlers'
import { IN_TRANSACTION, type Handlers } from './handlers/types'
import type { UpcomingCall } from '../shared/reminders-api'
import { systemClock, type Clock } from './services/clock'
import { openDatabase } from './services/database'
import { EventBus } from './services/events'
import { migrate } from './services/migrations'
import { migrations } from './services/schema'
import { createConnectionTestsService } from './services/precall/connection-tests'
import { createSampleStore } from './services/prep/sample-files'
import { browserSampleOpener, type SampleFile, type SampleOpener } from './services/prep/samples'
import { createCalendarExport } from './services/schedule/calendar-export'
import { createSchedulingService } from './services/schedule/scheduling'
import { createRemindersService } from './services/reminders/reminders'
import { createReminderScheduler, type ReminderNotifier, type ReminderScheduler, type Timers } from './services/reminders/scheduler'
import { createShowUpService } from './services/reminders/show-up'
import { createSettingsService } from './services/settings-service'
import type { Settings } from '../shared/settings'
import { createCallRoomsService } from './services/call/call-rooms'
import { createCallsService } from './services/call/calls'
import { createJoinService, type MeetingLinkOpener } from './services/call/join'
import type { ScreenSource } from '../shared/call'
import type { SignalingServerOptions, SignalingServer } from './services/signaling/server'

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
  /** How a sample file is opened: the desktop app passes the system's opener; browser mode serves it. */
  sampleOpener?: SampleOpener
  /** The built renderer folder; the app's signaling server serves its guest page to invitees. */
  guestPageDir?: string
  /** The origins of the app's own pages, which may open the app's signaling server's socket (read when it starts). */
  appOrigins?: () => string[]
  /** Starts the app's own signaling server (tests pass their own). */
  startSignalingServer?: (options: SignalingServerOptions) => Promise<SignalingServer>
  /** Reaches a standalone signaling server (tests pass their own). */
  fetch?: typeof fetch
  /** This computer's LAN addresses (tests pass their own). */
  lanAddresses?: () => string[]
  /** The desktop app's screen picker; browser mode leaves it out and the browser shows its own. */
  screenShare?: { list(): Promise<ScreenSource[]>; choose(id: string): void }
  /** The desktop app's call window (mini, always on top); browser mode has a compact layout instead. */
  callWindow?: { set(mini: boolean, inCall: boolean, layout: 'call' | 'companion'): { alwaysOnTop: boolean } }
  /** Opens a checked call link with the system (desktop app); browser mode opens it in a tab. */
  openMeetingLink?: MeetingLinkOpener
}

export interface Core {
  handlers: Handlers
  events: EventBus
  databaseFile: string
  reminders: ReminderScheduler
  /** The calls ahead with their readiness, for the tray. */
  upcomingCalls(limit: number): Promise<UpcomingCall[]>
  /** For other main-process services (the tray): prep readiness per interview, 0..1. */
  prep: { readinessFor(interviewIds: string[]): Promise<Map<string, number>> }
  /** For the browser host, which serves sample files to its own token-holding page. */
  samples: { fileFor(id: string): Promise<SampleFile | null> }
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

  const events = new EventBus((send) => db.afterCommit(send))
  const settings = createSettingsService({ db, clock, events, systemTimeZone })
  const connectionTests = createConnectionTestsService({ db })
  const scheduling = createSchedulingService({ db, clock, settings: () => settings.get() })
  const calendarExport = createCalendarExport({ db, clock, checklistFor: (id) => prep.checklistFor(id), settings: () => settings.get() })
  // Readiness comes from the prep room, composed below; it is only asked for later.
  const showUp = createShowUpService({ db, clock, settings: () => settings.get(), readiness: (ids) => prep.readinessFor(ids) })
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

  const sampleStore = createSampleStore(join(options.dataDir, 'samples'))
  const prepParts = createPrepHandlers({
    db,
    clock,
    store: sampleStore,
    opener: options.sampleOpener ?? browserSampleOpener,
    announce
  })
  const { prep, samples } = prepParts.services
  // Copied files that no sample refers to (left by a crash mid-add) go at start.
  void samples.sweep().catch(() => undefined)
  const pipeline = createPipelineHandlers({ db, clock, events, appVersion: options.version, sampleStore })
  const backupArchive = createBackupArchiveHandlers({
    db,
    clock,
    appVersion: options.version,
    store: sampleStore,
    samples,
    transfersDir: transfersFolderIn(options.dataDir),
    timeZone: async () => (await settings.get()).timeZone,
    announce
  })
  // Transfers and staged files a crash left behind go at start; stale transfers every minute.
  await backupArchive.removeLeftovers()
  const pruning = setInterval(() => void backupArchive.pruneTransfers().catch(() => undefined), 60_000)
  pruning.unref()
  const callRooms = createCallRoomsService({
    db,
    clock,
    settings: () => settings.get(),
    ...(options.guestPageDir ? { guestPageDir: options.guestPageDir } : {}),
    ...(options.startSignalingServer ? { startServer: options.startSignalingServer } : {}),
    ...(options.appOrigins ? { appOrigins: options.appOrigins } : {}),
    ...(options.lanAddresses ? { lanAddresses: options.lanAddresses } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {})
  })
  const calls = createCallsService({ db, clock })
  const joining = createJoinService({ db, ...(options.openMeetingLink ? { open: options.openMeetingLink } : {}) })

  const handlers: Handlers = {
    [IN_TRANSACTION]: (work) => db.transaction(() => work()),
    getAppInfo: () => ({
      version: options.version,
      mode: options.mode,
      dataDir: options.dataDir,
      databaseFile
    }),
    getSettings: () => settings.get(),
    updateSettings: (patch) => settings.update(patch),
    ...pipeline,
    // A wipe or an import replaces the samples list: their copied files follow.
    importBackup: async (input) => {
      const summary = await pipeline.importBackup(input)
      await samples.sweep(0)
      return summary
    },
    // The demo's freelancer has a name (the call room and messages use it), unless the user gave their own.
    loadDemoData: async () => {
      const summary = await pipeline.loadDemoData()
      if (!(await settings.get()).userName.trim()) await settings.update({ userName: DEMO_PROFILE_NAME })
      return summary
    },
    deleteAllRecords: async (input) => {
      const result = await pipeline.deleteAllRecords(input)
      await samples.sweep(0)
      return result
    },
    saveConnectionTest: async (report) => announce(await connectionTests.save(report)),
    listConnectionTests: ({ limit }) => connectionTests.list(limit),
    checkSlot: ({ start, durationMinutes, interviewId }) => scheduling.check({ start, durationMinutes }, interviewId),
    scheduleInterview: async ({ id, ...when }) => announce(await scheduling.schedule(id, when)),
    cancelSchedule: async ({ id, note }) => announce(await scheduling.cancel(id, note)),
    suggestSlots: ({ durationMinutes, days, interviewId }) => scheduling.suggest({ durationMinutes, days, excludeId: interviewId }),
    listScheduleHistory: ({ interviewId }) => scheduling.history(interviewId),
    exportInterviewCalendar: ({ id }) => calendarExport.interview(id),
    exportUpcomingCalendar: () => calendarExport.upcoming(),
    takeReminderAlerts: () => reminders.takeAlerts(),
    listShowUpQuestions: () => showUp.questions(),
    answerShowUp: async ({ id, showedUp }) => announce(await showUp.answer(id, showedUp)),
    listUpcomingCalls: ({ limit }) => showUp.upcoming(limit),
    ...prepParts.handlers,
    ...backupArchive.handlers,
    openCallRoom: ({ interviewId, renew }) => callRooms.openRoom(interviewId, renew),
    getSignalingInfo: () => callRooms.info(),
    recordCall: async (input) => announce(await calls.record(input)),
    rateCall: async ({ id, rating, issues }) => announce(await calls.rate(id, rating, issues)),
    listCalls: ({ interviewId }) => calls.list(interviewId),
    listScreenSources: async () =>
      options.screenShare ? { picker: 'app' as const, sources: await options.screenShare.list() } : { picker: 'browser' as const, sources: [] },
    chooseScreenSource: ({ id }) => {
      options.screenShare?.choose(id)
      return null
    },
    joinCall: ({ interviewId }) => joining.join(interviewId),
    getClock: () => ({ now: clock.now().toISOString() }),
    setCallWindow: ({ mini, inCall, layout }) => options.callWindow?.set(mini, inCall, layout) ?? { alwaysOnTop: false }
  }

  // Any change to interviews or settings may move a reminder.
  events.subscribe((event, payload) => {
    if (event === 'recordsChanged' || event === 'settingsChanged') void scheduler.replan()
    if (event === 'settingsChanged') void callRooms.settingsChanged(payload as Settings).catch((error: unknown) => options.onBackgroundError?.(error))
  })
  await scheduler.start()

  return {
    handlers,
    events,
    databaseFile,
    reminders: scheduler,
    upcomingCalls: (limit) => showUp.upcoming(limit),
    prep: { readinessFor: (ids) => prep.readinessFor(ids) },
    samples: { fileFor: (id) => samples.fileFor(id) },
    close: async () => {
      clearInterval(pruning)
      await backupArchive.removeLeftovers()
      await callRooms.close()
      await scheduler.stop()
      await db.close()
    }
  }
}
