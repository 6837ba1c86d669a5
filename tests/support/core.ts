import { afterEach } from 'vitest'
import { createCore, type Core } from '../../src/main/core'
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
    this.current = new Date(this.current.getTime() + hours * 3_600_000)
  }
}

/** A real core on a real SQLite file in a temp folder, closed after each test. */
export function useCore(): (start?: string) => Promise<{ core: Core; clock: ManualClock; dataDir: string }> {
  const tempDir = useTempDirs()
  const open: Core[] = []
  afterEach(async () => {
    for (const core of open.splice(0)) await core.close()
  })
  return async (start = '2026-11-02T09:00:00.000Z') => {
    const clock = new ManualClock(new Date(start))
    const dataDir = await tempDir()
    const core = await createCore({ dataDir, mode: 'browser', version: 'test', clock, systemTimeZone: () => 'Europe/Berlin' })
    open.push(core)
    return { core, clock, dataDir }
  }
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
