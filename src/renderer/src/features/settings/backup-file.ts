import { MAX_BACKUP_CHARACTERS } from '../../../../shared/backup'
import { formatBytes } from '../../../../shared/prep'

/** Checks a chosen backup's size before it is read or sent, so a file too large is refused at once. */
export function backupFileProblem(fileName: string, size: number): string | null {
  if (size === 0) return `“${fileName}” is empty, so it cannot be a Greenroom backup. Nothing was imported.`
  if (size > MAX_BACKUP_CHARACTERS) {
    return `“${fileName}” is ${formatBytes(size, 1)}, and a Greenroom backup can be at most ${formatBytes(MAX_BACKUP_CHARACTERS)}. Nothing was imported. Choose the file Greenroom made with Export backup.`
  }
  return null
}
