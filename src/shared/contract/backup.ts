import { z } from 'zod'
import { backupSummarySchema, MAX_BACKUP_CHARACTERS } from '../backup'
import { dataCountsSchema, importSummarySchema, MAX_ARCHIVE_BYTES, MAX_CHUNK_BASE64 } from '../backup-archive'
import type { ContractSlice } from './common'

const count = z.number().int().min(0)
const transferId = z
  .string()
  .length(32, 'Not a transfer id')
  .regex(/^[0-9a-f]{32}$/, 'Not a transfer id')
const offset = z.number().int().min(0).max(MAX_ARCHIVE_BYTES)

/**
 * Backups: the JSON backup, the archive that holds the sample files too (moved in chunks
 * through temp files in main), the demo data and the wipe.
 */
export const backupContract = {
  exportBackup: { input: z.void(), output: z.string() },
  importBackup: {
    changes: true,
    input: z.strictObject({ text: z.string().max(MAX_BACKUP_CHARACTERS, 'The file is too large to be a Greenroom backup') }),
    output: backupSummarySchema
  },
  deleteAllRecords: { changes: true, input: z.strictObject({ confirm: z.literal('DELETE') }), output: z.null() },
  loadDemoData: { changes: true, input: z.void(), output: backupSummarySchema },

  /** Builds the archive in a temp file in main; the renderer then reads it chunk by chunk. */
  exportBackupArchive: {
    input: z.void(),
    output: z.object({ exportId: transferId, bytes: z.number().int().positive(), fileName: z.string() })
  },
  /** One chunk from `offset`; after the last one the temp file is gone. */
  readBackupExport: {
    input: z.strictObject({ exportId: transferId, offset }),
    output: z.object({ base64: z.string(), done: z.boolean() })
  },
  /** Opens an import of a file of `bytes` bytes (a zip archive or a JSON backup). */
  beginBackupImport: {
    input: z.strictObject({
      bytes: z.number().int().positive('The file is empty').max(MAX_ARCHIVE_BYTES, 'The file is larger than any Greenroom backup can be')
    }),
    output: z.object({ id: transferId, chunkBytes: z.number().int().positive() })
  },
  /** The next chunk, exactly at the end of what has arrived: out of order or overlapping is refused. */
  appendBackupImport: {
    input: z.strictObject({
      id: transferId,
      offset,
      base64: z
        .string()
        .min(1)
        .max(MAX_CHUNK_BASE64, 'The chunk is too large')
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The chunk is not base64')
    }),
    output: z.object({ received: count })
  },
  /**
   * Checks the whole file and only then replaces the records and the sample files. It commits
   * the records itself and swaps the files in only after that commit, so it is not wrapped.
   */
  finishBackupImport: { changes: true, commitsItself: true, input: z.strictObject({ id: transferId }), output: importSummarySchema },
  cancelBackupImport: { input: z.strictObject({ id: transferId }), output: z.null() },
  countData: { input: z.void(), output: dataCountsSchema }
} as const satisfies ContractSlice
