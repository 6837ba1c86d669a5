import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import { backupFileNameFor } from '../../shared/backup-archive'
import { MAX_BACKUP_CHARACTERS } from '../../shared/backup'
import { ApiError } from '../../shared/errors'
import type { Clock } from '../services/clock'
import type { Database } from '../services/database'
import { looksLikeZip, writeBackupArchive } from '../services/backup/backup-archive'
import { createBackupRestore } from '../services/backup/backup-restore'
import { createBackupTransfers, type TransferLimits } from '../services/backup/backup-transfers'
import { countData } from '../services/backup/data-counts'
import { createBackupService } from '../services/pipeline/backup'
import type { SampleStore } from '../services/prep/sample-files'
import type { SamplesService } from '../services/prep/samples'
import type { Handlers } from './types'

type BackupArchiveMethod = Extract<
  keyof Handlers,
  'exportBackupArchive' | 'readBackupExport' | 'beginBackupImport' | 'appendBackupImport' | 'finishBackupImport' | 'cancelBackupImport' | 'countData'
>

/**
 * Binds the backup archive's calls: export and import in chunks through temp files kept
 * in `transfersDir`, one import applied at a time, and the counts the delete dialog shows.
 */
export function createBackupArchiveHandlers(deps: {
  db: Database
  clock: Clock
  appVersion: string
  store: SampleStore
  samples: SamplesService
  transfersDir: string
  timeZone: () => Promise<string>
  announce: <T>(result: T) => T
  limits?: TransferLimits
}): { handlers: Pick<Handlers, BackupArchiveMethod>; removeLeftovers(): Promise<void>; pruneTransfers(): Promise<void> } {
  const { db, clock, store, samples, announce } = deps
  const backup = createBackupService({ db, clock, appVersion: deps.appVersion })
  const transfers = createBackupTransfers({ folder: deps.transfersDir, clock, ...(deps.limits ? { limits: deps.limits } : {}) })
  const restore = createBackupRestore({ backup, store, sweep: () => samples.sweep(0) })
  // Imports replace everything: two at once would interleave their swaps.
  let applying: Promise<unknown> = Promise.resolve()
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const run = applying.then(work, work)
    applying = run.catch(() => undefined)
    return run
  }

  const handlers: Pick<Handlers, BackupArchiveMethod> = {
    exportBackupArchive: async () => {
      const json = await backup.exportAll()
      const { data } = JSON.parse(json) as { data: { samples: { id: string; kind: string; file_name: string; stored_name: string }[] } }
      const files = data.samples
        .filter((sample) => sample.kind === 'file')
        .map((sample) => ({
          sampleId: sample.id,
          fileName: sample.file_name,
          // A file missing from this computer is left out; its sample still travels.
          read: async () => ((await store.exists(sample.stored_name)) ? readFile(store.pathOf(sample.stored_name)) : null)
        }))
      const started = await transfers.startExport((path) => writeBackupArchive(path, json, files))
      const date = DateTime.fromJSDate(clock.now(), { zone: await deps.timeZone() }).toISODate()!
      return { ...started, fileName: backupFileNameFor(date) }
    },
    readBackupExport: ({ exportId, offset }) => transfers.readExport(exportId, offset),
    beginBackupImport: ({ bytes }) => transfers.beginImport(bytes),
    appendBackupImport: ({ id, offset, base64 }) => transfers.appendImport(id, offset, Buffer.from(base64, 'base64')),
    finishBackupImport: async ({ id }) => {
      const file = await transfers.takeImport(id)
      return announce(
        await oneAtATime(async () => {
          if (looksLikeZip(file)) return restore.restoreArchive(file)
          if (file.length > MAX_BACKUP_CHARACTERS) {
            throw new ApiError('INVALID_INPUT', 'This file is neither a Greenroom backup archive (.zip) nor a backup small enough to be one in JSON. Nothing was changed.')
          }
          return restore.restoreJson(file.toString('utf8'))
        })
      )
    },
    cancelBackupImport: async ({ id }) => {
      await transfers.cancelImport(id)
      return null
    },
    countData: () => countData(db, store)
  }
  return {
    handlers,
    removeLeftovers: async () => {
      await transfers.clear()
      await restore.removeLeftovers()
    },
    pruneTransfers: () => transfers.prune()
  }
}

export const transfersFolderIn = (dataDir: string): string => join(dataDir, '.backup-transfers')
