import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { UpcomingCall } from '../shared/reminders'
import { createAppHandlers } from './handlers/app'
import { createBackupHandlers } from './handlers/backup'
import { createCallHandlers, type CallWindow, type ScreenShare } from './handlers/call'
import { createPipelineHandlers } from './handlers/pipeline'
import { createPrecallHandlers } from './handlers/precall'
import { createPrepHandlers } from './handlers/prep'
import { createRemindersHandlers } from './handlers/reminders'
import { createScheduleHandlers } from './handlers/schedule'
import { createSettingsHandlers } from './handlers/settings'
import { ANNOUNCE_CHANGE, IN_TRANSACTION, type Handlers } from './handlers/types'
import { systemClock, systemTimers, type Clock, type Timers } from '../shared/time-source'
import { createArchiveBackups, transfersFolderIn } from './services/backup/archive-backups'
import { openDatabase } from './services/database'
import { EventBus } from './services/events'
import { migrate } from './services/migrations'
import { createBackupService } from './services/pipeline/backup'
import { createClientsService } from './services/pipeline/clients'
import { createDemoData, type DemoData } from './services/pipeline/demo-data'
import { createInterviewsService } from './services/pipeline/interviews'
import { createInvitationsService } from './services/pipeline/invitations'
import { createNotesService } from './services/pipeline/notes'
import { createOffersService } from './services/pipeline/offers'
import { createProposalsService } from './services/pipeline/proposals'
import { createSearchService } from './services/pipeline/search'
import { createStatsService } from './services/pipeline/stats'
import { migrations } from './services/schema'
import { createConnectionTestsService } from './services/precall/connection-tests'
import { createPrepService } from './services/prep/prep-room'
import { createQuestionsService } from './services/prep/questions'
import { createSampleStore } from './services/prep/sample-files'
import { browserSampleOpener, createSamplesService, type SampleFile, type SampleOpener } from './services/prep/samples'
import { createCalendarExport } from './services/schedule/calendar-export'
import { createSchedulingService } from './services/schedule/scheduling'
import { createRemindersService } from './services/reminders/reminders'
import { createReminderScheduler, type ReminderNotifier, type ReminderScheduler } from './services/reminders/scheduler'
import { createShowUpService } from './services/reminders/show-up'
import { createSettingsService, type SettingsService } from './services/settings-service'
import { createCallRoomsService } from './services/call/call-rooms'
import { createCallChatService } from './services/call/call-chat'
import { createServerCheck } from './services/call/server-check'
import { createCallsService } from './services/call/calls'
import { createJoinService, type JoinResult, type MeetingLinkOpener } from './services/call/join'
import type { WaitingGuest } from '../shared/call'
import type { SignalingServerOptions, SignalingServer } from './services/signaling/server'

export const DATABASE_FILE_NAME = 'greenroom.db'

export interface CoreOptions {
  dataDir: string
  mode: 'electron' | 'browser'
  version: string
  clock?: Clock
  /** Timers the services sleep on: the reminder scheduler, the pruning of stale transfers (tests pass their own). */
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
  /** The desktop app's screen picker; browser mode leaves it out and the browser shows its own. */
  screenShare?: ScreenShare
  /** The desktop app's call window (mini, always on top); browser mode has a compact layout instead. */
  callWindow?: CallWindow
  /** Opens a checked call link with the system (desktop app); browser mode opens it in a tab. */
  openMeetingLink?: MeetingLinkOpener
  /** A guest asks to join while the call page is closed (desktop app: a notification, the window forward, the tray). */
  notifyCallWaiting?: (waiting: WaitingGuest[], arrived: WaitingGuest | null) => void
}

export interface Core {
  /** The RPC handler map: for `dispatch` alone (and tests). Other main code uses the services below. */
  handlers: Handlers
  events: EventBus
  databaseFile: string
  reminders: ReminderScheduler
  /** Guests waiting while their call page is closed, for the tray. */
  waitingGuests(): WaitingGuest[]
  /** The calls ahead with their readiness, for the tray. */
  upcomingCalls(limit: number): Promise<UpcomingCall[]>
  /** For other main-process services (the tray): prep readiness per interview, 0..1. */
  prep: { readinessFor(interviewIds: string[]): Promise<Map<string, number>> }
  /** For the browser host, which serves sample files to its own token-holding page. */
  samples: { fileFor(id: string): Promise<SampleFile | null> }
  /** For the tray and the system notifications: the user's settings. */
  settings: Pick<SettingsService, 'get'>
  /** Join from the tray or a notification: the call's link goes to the system. */
  joinCall(interviewId: string): Promise<JoinResult>
  /** For `npm run demo-data`. */
  demoData: DemoData
  close(): Promise<void>
}

function timestampForFileName(date: Date): string {
  return date
    .toISOString()
    .replaceAll(':', '-')
    .replace(/\.\d+Z$/, 'Z')
}

/** Opens the store and wires the services; both the Electron and the browser host start here. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock
  const timers = options.timers ?? systemTimers
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
    timers,
    notify: (due) => {
      options.notifyReminders?.(due)
      events.emit('remindersDue', { at: clock.now().toISOString() })
    },
    onError: options.onBackgroundError
  })
  // The store compares file times, which are the file system's: the real clock, whatever the app's says.
  const sampleStore = createSampleStore(join(options.dataDir, 'samples'), systemClock)
  const prep = createPrepService({ db, clock, store: sampleStore })
  const samples = createSamplesService({ db, clock, store: sampleStore, opener: options.sampleOpener ?? browserSampleOpener })
  const questions = createQuestionsService({ db, clock })
  // Copied files that no sample refers to (left by a crash mid-add) go at start.
  void samples.sweep().catch(() => undefined)
  const backup = createBackupService({ db, clock, appVersion: options.version })
  const archives = createArchiveBackups({
    clock,
    backup,
    store: sampleStore,
    samples,
    transfersDir: transfersFolderIn(options.dataDir),
    timeZone: async () => (await settings.get()).timeZone
  })
  const demoData = createDemoData({ db, clock, store: sampleStore, settings })
  // Transfers and staged files a crash left behind go at start; stale transfers every minute.
  await archives.removeLeftovers()
  const stopPruning = timers.every(60_000, () => void archives.pruneTransfers().catch(() => undefined))
  const callRooms = createCallRoomsService({
    db,
    clock,
    timers,
    settings: () => settings.get(),
    ...(options.guestPageDir ? { guestPageDir: options.guestPageDir } : {}),
    ...(options.startSignalingServer ? { startServer: options.startSignalingServer } : {}),
    ...(options.appOrigins ? { appOrigins: options.appOrigins } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    onWaiting: (waiting, arrived) => {
      events.emit('callWaiting', { waiting })
      options.notifyCallWaiting?.(waiting, arrived)
    }
  })
  // Rooms on a standalone server made earlier are watched again, so their guests ring the host at once.
  void callRooms.start().catch((error: unknown) => options.onBackgroundError?.(error))
  const checkServer = createServerCheck(options.fetch ? { fetch: options.fetch } : {})
  const calls = createCallsService({ db, clock })
  const callChat = createCallChatService({ db, clock, settings: () => settings.get() })
  const joining = createJoinService({ db, ...(options.openMeetingLink ? { open: options.openMeetingLink } : {}) })

  const handlers: Handlers = {
    [IN_TRANSACTION]: (work) => db.transaction(() => work()),
    [ANNOUNCE_CHANGE]: () => events.emit('recordsChanged', { at: clock.now().toISOString() }),
    ...createAppHandlers({ version: options.version, mode: options.mode, dataDir: options.dataDir, databaseFile }),
    ...createSettingsHandlers({ settings }),
    ...createPipelineHandlers({
      clients: createClientsService({ db, clock }),
      invitations: createInvitationsService({ db, clock }),
      interviews: createInterviewsService({ db, clock }),
      proposals: createProposalsService({ db, clock }),
      offers: createOffersService({ db, clock }),
      notes: createNotesService({ db, clock }),
      search: createSearchService({ db }),
      stats: createStatsService({ db, clock })
    }),
    ...createPrecallHandlers({ connectionTests, settings: () => settings.get(), clock }),
    ...createScheduleHandlers({ scheduling, calendarExport }),
    ...createRemindersHandlers({ reminders, showUp }),
    ...createCallHandlers({
      clock,
      callRooms,
      calls,
      callChat,
      joining,
      checkServer,
      screenShare: options.screenShare,
      callWindow: options.callWindow
    }),
    ...createPrepHandlers({ prep, samples, questions }),
    ...createBackupHandlers({ db, backup, archives, demoData, store: sampleStore, samples, settings })
  }

  // Any change to interviews or settings may move a reminder.
  events.subscribe((message) => {
    if (message.event === 'recordsChanged' || message.event === 'settingsChanged') void scheduler.replan()
    if (message.event === 'settingsChanged') {
      void callRooms.settingsChanged(message.payload).catch((error: unknown) => options.onBackgroundError?.(error))
    }
  })
  await scheduler.start()

  return {
    handlers,
    events,
    databaseFile,
    reminders: scheduler,
    upcomingCalls: (limit) => showUp.upcoming(limit),
    waitingGuests: () => callRooms.waitingGuests(),
    prep: { readinessFor: (ids) => prep.readinessFor(ids) },
    samples: { fileFor: (id) => samples.fileFor(id) },
    settings: { get: () => settings.get() },
    joinCall: (interviewId) => joining.join(interviewId),
    demoData,
    close: async () => {
      stopPruning()
      await archives.removeLeftovers()
      await callRooms.close()
      await scheduler.stop()
      await db.close()
    }
  }
}
