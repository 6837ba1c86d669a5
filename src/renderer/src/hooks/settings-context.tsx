import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react'
import type { Settings, SettingsPatch } from '@shared/settings'

interface SettingsState {
  settings: Settings | null
  loadError: string | null
  save(patch: SettingsPatch): Promise<Settings>
  reload(): void
}

const SettingsContext = createContext<SettingsState | null>(null)

/**
 * Loads the settings once, keeps them current from main's events, and saves patches.
 * `firstLoad` is a request already under way (main.tsx asks before React renders), `loaded` its
 * answer if it came before the first render; "Try again" asks anew.
 */
export function SettingsProvider({
  children,
  firstLoad,
  loaded = null
}: {
  children: ReactNode
  firstLoad?: Promise<Settings>
  loaded?: Settings | null
}) {
  const [settings, setSettings] = useState<Settings | null>(loaded)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let current = true
    const unsubscribe = window.greenroom.on('settingsChanged', setSettings)
    const cleanUp = () => {
      current = false
      unsubscribe()
    }
    if (attempt === 0 && loaded) return cleanUp
    const loading = attempt === 0 && firstLoad ? firstLoad : window.greenroom.getSettings()
    loading
      .then((loaded) => {
        if (current) {
          setSettings(loaded)
          setLoadError(null)
        }
      })
      .catch((error: unknown) => {
        if (current) setLoadError(error instanceof Error ? error.message : String(error))
      })
    return cleanUp
  }, [attempt, firstLoad, loaded])

  const save = useCallback(async (patch: SettingsPatch) => {
    const saved = await window.greenroom.updateSettings(patch)
    setSettings(saved)
    return saved
  }, [])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])

  return <SettingsContext.Provider value={{ settings, loadError, save, reload }}>{children}</SettingsContext.Provider>
}

export function useSettings(): SettingsState {
  const state = useContext(SettingsContext)
  if (!state) throw new Error('useSettings must be used inside <SettingsProvider>')
  return state
}
