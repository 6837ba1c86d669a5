import { resolveHourCycle, type HourCycle } from '@shared/time-format'
import { useSettings } from './settings-context'

/** The clock every time on screen uses: the Settings choice, or the system's (browser's) locale. */
export function useHourCycle(): HourCycle {
  const { settings } = useSettings()
  return resolveHourCycle(settings?.timeFormat ?? 'system', navigator.language)
}
