import type { ImportSummary } from '@shared/backup-archive'

/**
 * Moves a backup between main and this window in bounded chunks (base64, about 1 MiB
 * each), so no single message outgrows IPC's or the WebSocket's cap.
 */
export interface TransferProgress {
  done: number
  total: number
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64)
  const bytes = new Uint8Array(text.length)
  for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index)
  return bytes
}

function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1))
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'))
    reader.readAsDataURL(blob)
  })
}

/** Builds the backup archive in main and reads it back, chunk by chunk, into one file. */
export async function fetchBackupArchive(onProgress: (progress: TransferProgress) => void): Promise<{ blob: Blob; fileName: string }> {
  const { exportId, bytes, fileName } = await window.greenroom.exportBackupArchive()
  const parts: Uint8Array<ArrayBuffer>[] = []
  let offset = 0
  onProgress({ done: 0, total: bytes })
  for (let done = false; !done;) {
    const chunk = await window.greenroom.readBackupExport({ exportId, offset })
    const part = base64ToBytes(chunk.base64)
    parts.push(part)
    offset += part.length
    done = chunk.done
    onProgress({ done: offset, total: bytes })
  }
  return { blob: new Blob(parts, { type: 'application/zip' }), fileName }
}

/** Sends a chosen backup file (archive or JSON) to main in chunks; main checks it whole and imports it. */
export async function sendBackupFile(
  file: Blob,
  onProgress: (progress: TransferProgress & { checking: boolean }) => void
): Promise<ImportSummary> {
  const { id, chunkBytes } = await window.greenroom.beginBackupImport({ bytes: file.size })
  try {
    onProgress({ done: 0, total: file.size, checking: false })
    for (let offset = 0; offset < file.size; offset += chunkBytes) {
      const base64 = await blobToBase64(file.slice(offset, offset + chunkBytes))
      const { received } = await window.greenroom.appendBackupImport({ id, offset, base64 })
      onProgress({ done: received, total: file.size, checking: received === file.size })
    }
  } catch (error) {
    await window.greenroom.cancelBackupImport({ id }).catch(() => undefined)
    throw error
  }
  return window.greenroom.finishBackupImport({ id })
}
