import { MAX_BACKUP_CHARACTERS } from '@shared/backup'
import { MAX_ARCHIVE_BYTES } from '@shared/backup-archive'
import { formatBytes } from '@shared/prep'

/** A backup saved as .json by an older Greenroom (records only), rather than a .zip with the files. */
export const isJsonBackup = (file: { name: string; type: string }): boolean =>
  /\.json$/i.test(file.name) || file.type === 'application/json'

/** Checks a chosen backup's size before it is read or sent, so a file too large is refused at once; null when it may be one. */
export function backupFileProblem(file: { name: string; size: number; type: string }): string | null {
  if (file.size === 0) return `“${file.name}” is empty, so it cannot be a Greenroom backup. Nothing was imported.`
  const limit = isJsonBackup(file) ? MAX_BACKUP_CHARACTERS : MAX_ARCHIVE_BYTES
  if (file.size > limit) {
    return `“${file.name}” is ${formatBytes(file.size, 1)}, and a Greenroom backup ${isJsonBackup(file) ? '' : 'with its files '}can be at most ${formatBytes(limit)}. Nothing was imported. Choose the file Greenroom made with Export backup.`
  }
  return null
}
