import { DateTime } from 'luxon'
import type { ChatLine } from '../../../shared/call'
import type { Note } from '../../../shared/pipeline'
import type { Settings } from '../../../shared/settings'
import { formatClock, formatDayAndClock, resolveHourCycle } from '../../../shared/time-format'
import type { Clock } from '../../../shared/time-source'
import type { Database } from '../database'
import { createNotesService } from '../pipeline/notes'

/** The chat of a call in Greenroom's room, kept in the interview's notes where the user reads and searches it. */
export function createCallChatService({ db, clock, settings }: { db: Database; clock: Clock; settings: () => Promise<Settings> }) {
  const notes = createNotesService({ db, clock })
  return {
    async save(interviewId: string, startedAt: string, lines: ChatLine[]): Promise<Note> {
      const { timeZone, timeFormat } = await settings()
      const cycle = resolveHourCycle(timeFormat)
      const inZone = (instant: string) => DateTime.fromISO(instant, { zone: timeZone })
      const body = [
        `Chat during the call of ${formatDayAndClock(inZone(startedAt), cycle)}`,
        '',
        ...lines.map((line) => `${formatClock(inZone(line.at), cycle)} ${line.from}: ${line.text}`)
      ].join('\n')
      return notes.add(interviewId, body)
    }
  }
}

export type CallChatService = ReturnType<typeof createCallChatService>
