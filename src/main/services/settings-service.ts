import { defaultSettings, settingsSchema, upgradeStoredSetting, type Settings, type SettingsPatch } from '../../shared/settings'
import type { Clock } from '../../shared/time-source'
import type { Database } from './database'
import type { EventBus } from './events'

type SettingsKey = keyof Settings

const SYSTEM_ZONE_RECHECK_MS = 60_000

export interface SettingsService {
  get(): Promise<Settings>
  update(patch: SettingsPatch): Promise<Settings>
  /** A backup import or a wipe wrote the settings table itself: the next read goes to the database. */
  forgetKept(): void
}

/**
 * Settings live one key per row as JSON, so later features add keys without a migration.
 * Stored values that no longer validate fall back to the default for that key alone.
 */
export function createSettingsService(deps: {
  db: Database
  clock: Clock
  events: EventBus
  systemTimeZone: () => string
}): SettingsService {
  const { db, clock, events } = deps

  // The system's zone (the default zone) is looked up at most once a minute: the lookup
  // builds a formatter, which costs more than answering from memory.
  let systemZone = { name: deps.systemTimeZone(), readAt: clock.now().getTime() }
  function currentSystemZone(): string {
    const now = clock.now().getTime()
    if (now - systemZone.readAt >= SYSTEM_ZONE_RECHECK_MS || now < systemZone.readAt) {
      systemZone = { name: deps.systemTimeZone(), readAt: now }
    }
    return systemZone.name
  }

  async function read(): Promise<Settings> {
    const defaults = defaultSettings(currentSystemZone())
    const rows = await db.all<{ key: string; value: string }>('SELECT key, value FROM settings')
    const merged: Record<string, unknown> = { ...defaults }
    for (const row of rows) {
      if (!(row.key in defaults)) continue
      const key = row.key as SettingsKey
      const field = settingsSchema.shape[key].safeParse(upgradeStoredSetting(key, JSON.parse(row.value)))
      if (field.success) merged[key] = field.data
    }
    const parsed = settingsSchema.safeParse(merged)
    return parsed.success ? parsed.data : defaults
  }

  // Nearly every call and every reminder reads the settings, and only this service and a
  // backup import write them: they are read from the database once and then kept, along
  // with the system zone their defaults were made for. A committed update replaces them
  // (its settingsChanged event arrives only after the commit); an import of records drops them.
  let kept: { zone: string; settings: Settings } | null = null
  let writes = 0
  let generation = 0
  const forget = () => {
    kept = null
    generation++
  }
  events.subscribe((message) => {
    if (message.event === 'recordsChanged') forget()
    if (message.event === 'settingsChanged' && writes === 0) {
      generation++
      kept = { zone: currentSystemZone(), settings: structuredClone(message.payload) }
    }
  })

  async function get(): Promise<Settings> {
    const zone = currentSystemZone()
    if (kept && kept.zone === zone) return structuredClone(kept.settings)
    const started = generation
    const settings = await read()
    // Nothing changed while reading, and no write is under way: what was read holds.
    if (started === generation && writes === 0) kept = { zone, settings: structuredClone(settings) }
    return settings
  }

  async function update(patch: SettingsPatch): Promise<Settings> {
    writes++
    forget()
    try {
      const next = settingsSchema.parse({ ...(await read()), ...patch })
      const updatedAt = clock.now().toISOString()
      await db.transaction(async (tx) => {
        for (const key of Object.keys(patch) as SettingsKey[]) {
          await tx.run(
            `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
            [key, JSON.stringify(next[key]), updatedAt]
          )
        }
      })
      events.emit('settingsChanged', next)
      return next
    } finally {
      writes--
    }
  }

  /** A backup import or a wipe wrote the settings table itself: the next read goes to the database. */
  const forgetKept = (): void => forget()

  return { get, update, forgetKept }
}
