import { z } from 'zod'
import { idSchema } from './pipeline'
import { MAX_SAMPLE_BYTES } from './prep'

/**
 * The backup archive: one zip that holds `backup.json` (the JSON backup, plus a list of
 * the sample files with their size and SHA-256) and each sample's file at
 * `samples/<sample id>/<file name>`. It travels between renderer and main in bounded
 * chunks, so no message outgrows the transport's cap however many files it holds.
 */
export const ARCHIVE_JSON_NAME = 'backup.json'
/** Bytes per chunk either way: 1 MiB, about 1.4 MB of base64 per message. */
export const BACKUP_CHUNK_BYTES = 1024 * 1024
export const MAX_CHUNK_BASE64 = Math.ceil(BACKUP_CHUNK_BYTES / 3) * 4
/** The largest archive Greenroom takes in; it is checked whole in memory before anything is written. */
export const MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024
/** The most an archive may unpack to, all files together. */
export const MAX_UNPACKED_BYTES = 2 * MAX_ARCHIVE_BYTES
/** The most sample files one archive may hold. */
export const MAX_ARCHIVE_FILES = 5000
/** A file that unpacks to more than this many times its packed size is refused as a zip bomb. */
export const MAX_COMPRESSION_RATIO = 200
export { MAX_SAMPLE_BYTES }

export const archiveFileEntrySchema = z.strictObject({
  sampleId: idSchema,
  path: z.string().min(1).max(600),
  size: z.number().int().min(0).max(MAX_SAMPLE_BYTES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Not a SHA-256 digest')
})
export type ArchiveFileEntry = z.infer<typeof archiveFileEntrySchema>
export const archiveFilesSchema = z.array(archiveFileEntrySchema).max(MAX_ARCHIVE_FILES)

/** Where a sample's file sits inside the archive. */
export const archivePathFor = (sampleId: string, fileName: string): string => `samples/${sampleId}/${fileName}`

export const backupFileNameFor = (isoDate: string, kind: 'zip' | 'json' = 'zip'): string => `greenroom-backup-${isoDate}.${kind}`

const count = z.number().int().min(0)

export const importSummarySchema = z.object({
  clients: count,
  interviews: count,
  invitations: count,
  notes: count,
  samples: count,
  /** Sample files restored into the samples folder (0 for a plain JSON backup). */
  sampleFiles: count,
  sampleFileBytes: count
})
export type ImportSummary = z.infer<typeof importSummarySchema>

/** What "delete all data" removes, counted, so its dialog can say exactly that. */
export const dataCountsSchema = z.object({
  interviews: count,
  clients: count,
  invitations: count,
  proposals: count,
  offers: count,
  notes: count,
  questions: count,
  samples: count,
  sampleFiles: count,
  sampleFileBytes: count,
  samplesFolder: z.string(),
  calls: count,
  connectionTests: count
})
export type DataCounts = z.infer<typeof dataCountsSchema>
