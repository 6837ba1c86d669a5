import type { GreenroomApi } from '@shared/client'
import type { Settings } from '@shared/settings'
import { syncWithHostClock } from './clock'

/** What the shell waits for before it draws (App.tsx): the settings and the host's clock. */
export interface StartupRequests {
  settings: Promise<Settings>
  hostClock: Promise<void>
}

/**
 * Asks for both at once, before React's first render (main.tsx), so the answers travel
 * while React starts instead of after it. A failed settings load is shown by the shell.
 */
export function requestStartupData(api: GreenroomApi): StartupRequests {
  const settings = api.getSettings()
  // Handled by the shell once it renders; until then, not an unhandled rejection.
  settings.catch(() => undefined)
  return { settings, hostClock: syncWithHostClock(() => api.getClock()) }
}

/**
 * The settings, if both answers come within `ms`: the shell then draws once, with them, and no
 * spinner flashes first. Null if they are slower or the settings fail (the shell then waits, or
 * says what went wrong).
 */
export function settingsWithin(
  requests: StartupRequests,
  ms: number,
  wait: (ms: number) => Promise<void> = (delay) => new Promise((resolve) => setTimeout(resolve, delay))
): Promise<Settings | null> {
  const both = Promise.all([requests.settings, requests.hostClock]).then(
    ([settings]) => settings,
    () => null
  )
  return Promise.race([both, wait(ms).then(() => null)])
}
