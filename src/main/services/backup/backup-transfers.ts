import { randomBytes } from 'node:crypto'
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { BACKUP_CHUNK_BYTES } from '../../../shared/backup-archive'
import { ApiError } from '../../../shared/errors'
import { formatBytes } from '../../../shared/prep'
import type { Clock } from '../../../shared/time-source'

/**
 * Backup files in transit between main and the renderer, in bounded chunks: exports wait
 * in a temp file until read to the end, imports grow in one until finished. Both are
 * bounded in number and in age, and their temp files go when they end or expire.
 */
export interface TransferLimits {
  /** Imports open at once; one more is refused until one ends or expires. */
  maxImports: number
  /** Exports waiting to be read; a new one drops the oldest. */
  maxExports: number
  /** A transfer nobody touched for this long is dropped. */
  idleMs: number
  /** A transfer older than this is dropped however busy it is. */
  maxAgeMs: number
}

export const DEFAULT_TRANSFER_LIMITS: TransferLimits = { maxImports: 2, maxExports: 2, idleMs: 5 * 60_000, maxAgeMs: 60 * 60_000 }

interface Transfer {
  path: string
  bytes: number
  startedAt: number
  touchedAt: number
}
interface Import extends Transfer {
  received: number
}

const newTransferId = (): string => randomBytes(16).toString('hex')

export function createBackupTransfers({
  folder,
  clock,
  limits = DEFAULT_TRANSFER_LIMITS
}: {
  folder: string
  clock: Clock
  limits?: TransferLimits
}) {
  const exports = new Map<string, Transfer>()
  const imports = new Map<string, Import>()
  const now = () => clock.now().getTime()

  async function drop(map: Map<string, Transfer>, id: string): Promise<void> {
    const transfer = map.get(id)
    map.delete(id)
    if (transfer) await rm(transfer.path, { force: true })
  }

  async function prune(): Promise<void> {
    const at = now()
    for (const map of [exports, imports] as Map<string, Transfer>[]) {
      for (const [id, transfer] of [...map]) {
        if (at - transfer.touchedAt > limits.idleMs || at - transfer.startedAt > limits.maxAgeMs) await drop(map, id)
      }
    }
  }

  function importFor(id: string): Import {
    const transfer = imports.get(id)
    if (!transfer) throw new ApiError('NOT_FOUND', 'This import has ended or waited too long. Choose the backup file again.')
    return transfer
  }

  return {
    /** Builds an export with `write` into a fresh temp file and keeps it until it is read. */
    async startExport(write: (path: string) => Promise<unknown>): Promise<{ exportId: string; bytes: number }> {
      await prune()
      await mkdir(folder, { recursive: true })
      const exportId = newTransferId()
      const path = join(folder, `export-${exportId}.zip`)
      try {
        await write(path)
      } catch (error) {
        await rm(path, { force: true })
        throw error
      }
      const { size } = await stat(path)
      while (exports.size >= limits.maxExports) await drop(exports, exports.keys().next().value!)
      exports.set(exportId, { path, bytes: size, startedAt: now(), touchedAt: now() })
      return { exportId, bytes: size }
    },

    async readExport(exportId: string, offset: number): Promise<{ base64: string; done: boolean }> {
      await prune()
      const transfer = exports.get(exportId)
      if (!transfer) throw new ApiError('NOT_FOUND', 'This export has ended or waited too long. Export the backup again.')
      if (offset >= transfer.bytes)
        throw new ApiError('INVALID_INPUT', `The export is ${transfer.bytes} bytes long; there is nothing at ${offset}.`)
      transfer.touchedAt = now()
      const length = Math.min(BACKUP_CHUNK_BYTES, transfer.bytes - offset)
      const chunk = Buffer.alloc(length)
      const handle = await open(transfer.path, 'r')
      try {
        await handle.read(chunk, 0, length, offset)
      } finally {
        await handle.close()
      }
      const done = offset + length === transfer.bytes
      if (done) await drop(exports, exportId)
      return { base64: chunk.toString('base64'), done }
    },

    async beginImport(bytes: number): Promise<{ id: string; chunkBytes: number }> {
      await prune()
      if (imports.size >= limits.maxImports) {
        throw new ApiError(
          'CONFLICT',
          'Other backups are being imported right now. Wait for them to finish, or try again in a few minutes.'
        )
      }
      await mkdir(folder, { recursive: true })
      const id = newTransferId()
      const path = join(folder, `import-${id}`)
      await (await open(path, 'wx')).close()
      imports.set(id, { path, bytes, received: 0, startedAt: now(), touchedAt: now() })
      return { id, chunkBytes: BACKUP_CHUNK_BYTES }
    },

    /** Appends a chunk exactly where the last one ended: out of order, overlapping or past the end is refused. */
    async appendImport(id: string, offset: number, chunk: Buffer): Promise<{ received: number }> {
      await prune()
      const transfer = importFor(id)
      if (offset !== transfer.received) {
        throw new ApiError(
          'INVALID_INPUT',
          `This part of the backup starts at byte ${offset}, but ${transfer.received} bytes have arrived so far: parts must come in order, without gaps or overlaps.`
        )
      }
      if (chunk.length > BACKUP_CHUNK_BYTES)
        throw new ApiError('INVALID_INPUT', `A part may be at most ${formatBytes(BACKUP_CHUNK_BYTES)}.`)
      if (transfer.received + chunk.length > transfer.bytes) {
        throw new ApiError('INVALID_INPUT', `This part goes past the ${transfer.bytes} bytes the import announced.`)
      }
      // Claimed before the write, so a second append racing this one is refused as overlapping.
      transfer.received += chunk.length
      transfer.touchedAt = now()
      const handle = await open(transfer.path, 'r+')
      try {
        await handle.write(chunk, 0, chunk.length, offset)
      } catch (error) {
        await drop(imports, id)
        throw error
      } finally {
        await handle.close()
      }
      return { received: transfer.received }
    },

    /** The whole file of a complete import; the import ends either way. */
    async takeImport(id: string): Promise<Buffer> {
      await prune()
      const transfer = importFor(id)
      try {
        if (transfer.received !== transfer.bytes) {
          throw new ApiError(
            'INVALID_INPUT',
            `The backup did not arrive whole (${transfer.received} of ${transfer.bytes} bytes). Nothing was changed.`
          )
        }
        return await readFile(transfer.path)
      } finally {
        await drop(imports, id)
      }
    },

    async cancelImport(id: string): Promise<void> {
      await drop(imports, id)
    },

    prune,

    /** Ends every transfer and removes the folder, also what a crash left behind. */
    async clear(): Promise<void> {
      exports.clear()
      imports.clear()
      await rm(folder, { recursive: true, force: true })
    },

    get openImports(): number {
      return imports.size
    }
  }
}

export type BackupTransfers = ReturnType<typeof createBackupTransfers>
