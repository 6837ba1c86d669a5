import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import { backupFileNameFor } from '../../../shared/backup-archive'
import { MAX_BACKUP_CHARACTERS } from '../../../shared/backup'
import { ApiError } from '../../../shared/errors'
import type { Clock } from '../../../shared/time-source'
import type { BackupService } from '../pipeline/backup'
import type { SampleStore } from '../prep/sample-files'
import type { SamplesService } from '../prep/samples'
import { looksLikeZip, writeBackupArchive } from './backup-archive'
import { createBackupRestore } from './backup-restore'
import { createBackupTransfers, type TransferLimits } from './backup-transfers'

export const transfersFolderIn = (dataDir: string): string => join(dataDir, '.backup-transfers')

/**
 * Backups as one archive with the sample files: export and import in chunks through temp
 * files kept in `transfersDir`, one import applied at a time.
 */
export function createArchiveBackups(deps: {
  clock: Clock
  backup: BackupService
  store: SampleStore
  samples: SamplesService
  transfersDir: string
  timeZone: () => Promise<string>
  limits?: TransferLimits
}) {
  const { clock, backup, store, samples } = deps
  const transfers = createBackupTransfers({ folder: deps.transfersDir, clock, ...(deps.limits ? { limits: deps.limits } : {}) })
  const restore = createBackupRestore({ backup, store, sweep: () => samples.sweep(0) })
  // Imports replace everything: two at once would interleave their swaps.
  let applying: Promise<unknown> = Promise.resolve()
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const run = applying.then(work, work)
    applying = run.catch(() => undefined)
    return run
  }

  return {
    transfers,
    async exportArchive() {
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
    /** Applies an import whose chunks have all arrived: an archive, or a JSON backup. */
    async finishImport(id: string) {
      const file = await transfers.takeImport(id)
      return oneAtATime(async () => {
        if (looksLikeZip(file)) return restore.restoreArchive(file)
        if (file.length > MAX_BACKUP_CHARACTERS) {
          throw new ApiError(
            'INVALID_INPUT',
            'This file is neither a Greenroom backup archive (.zip) nor a backup small enough to be one in JSON. Nothing was changed.'
          )
        }
        return restore.restoreJson(file.toString('utf8'))
      })
    },
    /** Transfers and staged files a crash left behind. */
    async removeLeftovers() {
      await transfers.clear()
      await restore.removeLeftovers()
    },
    pruneTransfers: () => transfers.prune()
  }
}

export type ArchiveBackups = ReturnType<typeof createArchiveBackups>
