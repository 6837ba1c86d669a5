import type { Settings } from '@shared/settings'

export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const

/** "Mon–Fri", "Mon, Wed, Fri", "Mon–Wed, Sat": consecutive days collapse into a range. */
export function describeDays(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b)
  const runs: number[][] = []
  for (const day of sorted) {
    const run = runs.at(-1)
    if (run && run.at(-1) === day - 1) run.push(day)
    else runs.push([day])
  }
  return runs
    .map((run) => {
      const first = WEEKDAY_NAMES[run[0]! - 1]
      const last = WEEKDAY_NAMES[run.at(-1)! - 1]
      if (run.length === 1) return first
      return run.length === 2 ? `${first}, ${last}` : `${first}–${last}`
    })
    .join(', ')
}

export function describeWorkingHours(hours: Settings['workingHours']): string {
  return `${describeDays(hours.days)}, ${hours.start}–${hours.end}`
}
