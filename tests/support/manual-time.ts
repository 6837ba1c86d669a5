import type { CancelTimer, Clock, Timers } from '../../src/shared/time-source'

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
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

/**
 * Timers that only run when the test says so, for every service that sleeps on `Timers`
 * (the reminder scheduler, the signaling server's heartbeats and expiry, the core's pruning).
 */
export class ManualTimers implements Timers {
  private readonly entries = new Set<{ ms: number; fn: () => void; repeat: boolean }>()

  after(ms: number, fn: () => void): CancelTimer {
    return this.add({ ms, fn, repeat: false })
  }

  every(ms: number, fn: () => void): CancelTimer {
    return this.add({ ms, fn, repeat: true })
  }

  /** How long the one-shot timer set last waits (the reminder scheduler's sleep), or null when none waits. */
  get waitingMs(): number | null {
    const last = [...this.entries].filter((entry) => !entry.repeat).at(-1)
    return last ? last.ms : null
  }

  /**
   * As if time had come: `fire(ms)` runs every timer set for `ms` (a repeating one stays set);
   * `fire()` runs whatever one-shot timer is waiting.
   */
  fire(ms?: number): void {
    for (const entry of [...this.entries]) {
      if (ms === undefined ? entry.repeat : entry.ms !== ms) continue
      if (!entry.repeat) this.entries.delete(entry)
      entry.fn()
    }
  }

  private add(entry: { ms: number; fn: () => void; repeat: boolean }): CancelTimer {
    this.entries.add(entry)
    return () => this.entries.delete(entry)
  }
}
/**
 * A clock and timers (ManualTimeline is both) that move only when the test says so (src/shared/time-source.ts's
 * interfaces): `advance(ms)` moves the clock and runs every timer that falls due on the
 * way, in order, repeating ones as often as they fit.
 */
export class ManualTimeline implements Clock, Timers {
  private current: number
  private readonly pending = new Set<{ at: number; every: number | null; fn: () => void }>()

  constructor(start: string | number = '2026-01-01T09:00:00Z') {
    this.current = typeof start === 'number' ? start : Date.parse(start)
  }

  now = (): Date => new Date(this.current)

  get nowMs(): number {
    return this.current
  }

  after = (ms: number, fn: () => void): CancelTimer => this.add(ms, null, fn)

  every = (ms: number, fn: () => void): CancelTimer => this.add(ms, ms, fn)

  private add(ms: number, every: number | null, fn: () => void): CancelTimer {
    const entry = { at: this.current + ms, every, fn }
    this.pending.add(entry)
    return () => void this.pending.delete(entry)
  }

  /** Timers still waiting. */
  get waiting(): number {
    return this.pending.size
  }

  advance(ms: number): void {
    const until = this.current + ms
    for (;;) {
      const due = [...this.pending].filter((entry) => entry.at <= until).sort((a, b) => a.at - b.at)[0]
      if (!due) break
      this.current = due.at
      if (due.every === null) this.pending.delete(due)
      else due.at += due.every
      due.fn()
    }
    this.current = until
  }
}
