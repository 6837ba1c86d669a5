import { systemTimers, type CancelTimer, type Clock, type Timers } from '../../../shared/time-source'
import type { DueReminders, RemindersService } from './reminders'

/** Tells the user: a system notification in Electron; the in-app toast reads the database. */
export type ReminderNotifier = (due: DueReminders) => void

export interface SchedulerOptions {
  reminders: RemindersService
  clock: Clock
  /** What the scheduler sleeps on; tests supply timers they fire by hand. */
  timers?: Timers
  notify: ReminderNotifier
  /** Longest sleep between passes, so a changed system clock is noticed soon. */
  maxWaitMs?: number
  /** A reminder found later than this (the computer slept) counts as missed. */
  lateAfterMs?: number
  onError?: (error: unknown) => void
}

/**
 * Rings reminders on time. On start it plans, takes everything already due (as missed:
 * the app was closed), then sleeps until the next one. `replan()` is called when
 * interviews or settings change and after the computer wakes up.
 */
export function createReminderScheduler(options: SchedulerOptions) {
  const timers = options.timers ?? systemTimers
  const maxWaitMs = options.maxWaitMs ?? 5 * 60_000
  const lateAfterMs = options.lateAfterMs ?? 2 * 60_000
  let timer: CancelTimer | null = null
  let started = false
  let stopped = false
  let firstPass = true
  // Passes run one after another: a replan during a pass waits for it.
  let queue: Promise<void> = Promise.resolve()

  async function pass(): Promise<void> {
    if (stopped) return
    await options.reminders.plan()
    const now = options.clock.now().getTime()
    const missedBefore = new Date(firstPass ? now : now - lateAfterMs).toISOString()
    firstPass = false
    const due = await options.reminders.takeDue(missedBefore)
    if (due.fired.length > 0 || due.missed.length > 0) options.notify(due)
    const next = await options.reminders.nextDueAt()
    if (stopped) return
    const wait = next === null ? maxWaitMs : Math.min(maxWaitMs, Math.max(0, new Date(next).getTime() - options.clock.now().getTime()))
    timer = timers.after(wait, () => {
      timer = null
      void enqueue()
    })
  }

  function enqueue(): Promise<void> {
    if (timer !== null) {
      timer()
      timer = null
    }
    queue = queue.then(pass).catch((error: unknown) => {
      options.onError?.(error)
      // Try again later rather than never ring again.
      if (!stopped && timer === null) {
        timer = timers.after(maxWaitMs, () => {
          timer = null
          void enqueue()
        })
      }
    })
    return queue
  }

  return {
    start(): Promise<void> {
      if (started) return queue
      started = true
      return enqueue()
    },
    replan(): Promise<void> {
      if (!started || stopped) return queue
      return enqueue()
    },
    /** Stops ringing; resolves once a pass under way has finished. */
    stop(): Promise<void> {
      stopped = true
      timer?.()
      timer = null
      return queue
    }
  }
}

export type ReminderScheduler = ReturnType<typeof createReminderScheduler>
