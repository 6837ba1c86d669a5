import { useEffect, useState } from 'react'

/**
 * A checkbox or switch that follows the click at once while main saves it, then
 * follows main's answer (or falls back to it if the save failed).
 */
export function useOptimisticFlag(actual: boolean): [boolean, (next: boolean, save: () => Promise<boolean>) => void] {
  const [override, setOverride] = useState<boolean | null>(null)
  useEffect(() => setOverride(null), [actual])
  const change = (next: boolean, save: () => Promise<boolean>) => {
    setOverride(next)
    void save().then((saved) => {
      if (!saved) setOverride(null)
    })
  }
  return [override ?? actual, change]
}
