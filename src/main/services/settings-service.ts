import {
  defaultSettings,
  settingsSchema,
  type Settings,
  type SettingsPatch
} from '../../shared/settings'
import type { Clock } from './clock'
import type { Database } from './database'
import type { EventBus } from './events'

type SettingsKey = keyof Settings

export interface SettingsService {
  get(): Promise<Settings>
  update(patch: SettingsPatch): Promise<Settings>
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

  async function get(): Promise<Settings> {
    const defaults = defaultSettings(deps.systemTimeZone())
    const rows = await db.all<{ key: string; value: string }>('SELECT key, value FROM settings')
    const merged: Record<string, unknown> = { ...defaults }
    for (const row of rows) {
      if (!(row.key in defaults)) continue
      const key = row.key as SettingsKey
      const field = settingsSchema.shape[key].safeParse(JSON.parse(row.value))
      if (field.success) merged[key] = field.data
    }
    const parsed = settingsSchema.safeParse(merged)
    return parsed.success ? parsed.data : defaults
  }

  async function update(patch: SettingsPatch): Promise<Settings> {
    const next = settingsSchema.parse({ ...(await get()), ...patch })
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
  }

  return { get, update }
}
