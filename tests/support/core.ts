import { afterEach } from 'vitest'
import { createCore, type Core, type CoreOptions } from '../../src/main/core'
import type { DueReminders } from '../../src/main/services/reminders/reminders'
import type { CallMeasurements } from '../../src/shared/call'
import type { ClientFields, JobFields } from '../../src/shared/pipeline'
import { ManualClock, ManualTimers } from './manual-time'
import { useTempDirs } from './temp-dir'

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

/** A real core on a real SQLite file in a temp folder, closed after each test; `overrides` stand in for its outside world. */
export function useCore(overrides: Partial<CoreOptions> = {}): (start?: string) => Promise<OpenCore> {
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
      dataDir,
      mode: 'browser',
      version: 'test',
      clock,
      timers,
      systemTimeZone: () => 'Europe/Berlin',
      notifyReminders: (due) => notified.push(due),
      ...overrides
    })
    open.add(core)
    return {
      core,
      clock,
      timers,
      dataDir,
      notified,
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

/** What a good 20-minute call measured, for tests that record one. */
export const aCallMeasurement = (): CallMeasurements => ({
  averageRttMs: 40,
  worstRttMs: 90,
  averageLossPercent: 0,
  worstLossPercent: 1,
  averageJitterMs: 4,
  mos: 4.3,
  samples: 60,
  reconnects: 0
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
