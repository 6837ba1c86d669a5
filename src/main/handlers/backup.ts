import { backupContract } from '../../shared/contract/backup'
import type { ArchiveBackups } from '../services/backup/archive-backups'
import { countData } from '../services/backup/data-counts'
import type { Database } from '../services/database'
import type { BackupService } from '../services/pipeline/backup'
import type { DemoData } from '../services/pipeline/demo-data'
import type { SampleStore } from '../services/prep/sample-files'
import type { SamplesService } from '../services/prep/samples'
import type { SettingsService } from '../services/settings-service'
import { bindSlice, type SliceHandlers } from './types'

export interface BackupServices {
  db: Database
  backup: BackupService
  archives: ArchiveBackups
  demoData: DemoData
  store: SampleStore
  samples: SamplesService
  settings: Pick<SettingsService, 'forgetKept'>
}

/** Binds the backup calls: JSON and archive backups, the demo data, the wipe and the counts its dialog shows. */
export function createBackupHandlers(services: BackupServices): SliceHandlers<typeof backupContract> {
  const { db, backup, archives, demoData, store, samples, settings } = services
  const { transfers } = archives
  return bindSlice(backupContract, {
    exportBackup: () => backup.exportAll(),
    // A wipe or an import replaces the samples list: their copied files follow.
    importBackup: async ({ text }) => {
      const summary = await backup.importAll(text)
      settings.forgetKept()
      await samples.sweep(0)
      return summary
    },
    deleteAllRecords: async () => {
      await backup.deleteAllRecords()
      settings.forgetKept()
      await samples.sweep(0)
      return null
    },
    loadDemoData: () => demoData.load(),

    exportBackupArchive: () => archives.exportArchive(),
    readBackupExport: ({ exportId, offset }) => transfers.readExport(exportId, offset),
    beginBackupImport: ({ bytes }) => transfers.beginImport(bytes),
    appendBackupImport: ({ id, offset, base64 }) => transfers.appendImport(id, offset, Buffer.from(base64, 'base64')),
    finishBackupImport: async ({ id }) => {
      const result = await archives.finishImport(id)
      settings.forgetKept()
      return result
    },
    cancelBackupImport: async ({ id }) => {
      await transfers.cancelImport(id)
      return null
    },
    countData: () => countData(db, store)
  })
}
