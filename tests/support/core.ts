import { afterEach } from 'vitest'
import { createCore, type Core, type CoreOptions } from '../../src/main/core'
import type { DueReminders } from '../../src/main/services/reminders/reminders'
import type { Timers } from '../../src/main/services/reminders/scheduler'
import type { ClientFields, JobFields } from '../../src/shared/pipeline'
import { useTempDirs } from './temp-dir'

/** A clock the test moves by hand. */
export class ManualClock {
  constructor(private current: Date) {}
  now = (): Date => new Date(this.current)
  set(iso: string): void {
    this.current = new Date(iso)
  }
  advanceHours(hours: number): void {
    this.advanceMinutes(hours * 60)
  }
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000)
  }
}

/** Timers that only run when the test says so; the reminder scheduler sleeps on them. */
export class ManualTimers implements Timers {
  private pending = new Map<number, { callback: () => void; ms: number }>()
  private nextHandle = 1
  setTimeout = (callback: () => void, ms: number): unknown => {
    const handle = this.nextHandle++
    this.pending.set(handle, { callback, ms })
    return handle
  }
  clearTimeout = (handle: unknown): void => {
    this.pending.delete(handle as number)
  }
  /** How long the scheduler last chose to sleep, or null when nothing waits. */
  get waitingMs(): number | null {
    const last = [...this.pending.values()].at(-1)
    return last ? last.ms : null
  }
  /** Runs whatever timer is waiting, as if its time had come. */
  fire(): void {
    const entries = [...this.pending.entries()]
    this.pending.clear()
    for (const [, entry] of entries) entry.callback()
  }
}

export interface OpenCore {
  core: Core
  clock: ManualClock
  timers: ManualTimers
  dataDir: string
  /** What the scheduler handed to the system notifier, pass by pass. */
  notified: DueReminders[]
  /** Closes this core and opens the same data folder again, as after quitting and restarting. */
  restart(): Promise<OpenCore>
}

/** A real core on a real SQLite file in a temp folder, closed after each test; `extra` adds adapters such as a link opener. */
export function useCore(extra: Partial<CoreOptions> = {}): (start?: string) => Promise<OpenCore> {
  const tempDir = useTempDirs()
  const open = new Set<Core>()
  afterEach(async () => {
    for (const core of open) await core.close()
    open.clear()
  })
  async function openAt(dataDir: string, clock: ManualClock): Promise<OpenCore> {
    const timers = new ManualTimers()
    const notified: DueReminders[] = []
    const core = await createCore({
      dataDir, mode: 'browser', version: 'test', clock, timers, systemTimeZone: () => 'Europe/Berlin',
      notifyReminders: (due) => notified.push(due),
      ...extra
    })
    open.add(core)
    return {
      core, clock, timers, dataDir, notified,
      restart: async () => {
        open.delete(core)
        await core.close()
        return openAt(dataDir, clock)
      }
    }
  }
  return async (start = '2026-11-02T09:00:00.000Z') => openAt(await tempDir(), new ManualClock(new Date(start)))
}

export const aClient = (overrides: Partial<ClientFields> = {}): ClientFields => ({
  name: 'Maya Chen',
  company: 'Brightloop',
  website: 'https://brightloop.example',
  timeZone: 'America/Los_Angeles',
  country: 'United States',
  notes: '',
  ...overrides
})

export const aJob = (overrides: Partial<JobFields> = {}): JobFields => ({
  title: 'React dashboard',
  description: 'Build a subscription analytics dashboard with cohort retention charts.',
  url: '',
  budgetType: 'hourly',
  budget: 80,
  skills: ['React'],
  postedAt: null,
  ...overrides
})

/** An invitation from a new client, received at the clock's current time. */
export async function anInvitation(core: Core, job: Partial<JobFields> = {}, client: Partial<ClientFields> = {}) {
  return core.handlers.createInvitation({ client: { fields: aClient(client) }, job: aJob(job), message: 'Can we talk?', receivedAt: null })
}
