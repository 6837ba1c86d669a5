import { createHash } from 'node:crypto'
import { open } from 'node:fs/promises'
import { unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate'
import { z } from 'zod'
import {
  ARCHIVE_JSON_NAME,
  archiveFilesSchema,
  archivePathFor,
  MAX_ARCHIVE_FILES,
  MAX_COMPRESSION_RATIO,
  MAX_SAMPLE_BYTES,
  MAX_UNPACKED_BYTES,
  type ArchiveFileEntry
} from '../../../shared/backup-archive'
import { MAX_BACKUP_CHARACTERS } from '../../../shared/backup'
import { ApiError } from '../../../shared/errors'
import { formatBytes } from '../../../shared/prep'

/**
 * The backup archive's format, both ways: writing a zip of `backup.json` and the sample
 * files, and reading one back with every check done before anything is trusted.
 */

export const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04] as const
export const looksLikeZip = (bytes: Uint8Array): boolean => ZIP_SIGNATURE.every((value, index) => bytes[index] === value)

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

const refused = (problem: string): ApiError =>
  new ApiError('INVALID_INPUT', `This backup cannot be imported: ${problem}. Nothing was changed.`)

export interface ArchiveSampleFile {
  sampleId: string
  fileName: string
  /** Reads the file's bytes when the archive is written; null when the file is missing (it is left out). */
  read(): Promise<Buffer | null>
}

/**
 * Writes the archive to `target`, one sample file at a time so memory holds at most one;
 * `backup.json` comes last because it lists each file's size and SHA-256.
 */
export async function writeBackupArchive(
  target: string,
  backupJson: string,
  files: ArchiveSampleFile[]
): Promise<{ bytes: number; entries: ArchiveFileEntry[] }> {
  const handle = await open(target, 'wx')
  let bytes = 0
  try {
    const pending: Uint8Array[] = []
    let failure: Error | null = null
    const zip = new Zip((error, chunk) => {
      if (error) failure = error
      else pending.push(chunk)
    })
    const flush = async (): Promise<void> => {
      if (failure) throw failure
      for (const chunk of pending.splice(0)) {
        await handle.write(chunk)
        bytes += chunk.length
      }
    }
    const entries: ArchiveFileEntry[] = []
    for (const file of files) {
      const content = await file.read()
      if (!content) continue
      const path = archivePathFor(file.sampleId, file.fileName)
      // Samples are mostly compressed already (PDF, images, video, office files): stored as they are.
      const entry = new ZipPassThrough(path)
      zip.add(entry)
      entry.push(content, true)
      entries.push({ sampleId: file.sampleId, path, size: content.length, sha256: sha256(content) })
      await flush()
    }
    const withFiles = JSON.stringify({ ...(JSON.parse(backupJson) as object), files: entries }, null, 1)
    const json = new ZipDeflate(ARCHIVE_JSON_NAME, { level: 6 })
    zip.add(json)
    json.push(new TextEncoder().encode(withFiles), true)
    zip.end()
    await flush()
    return { bytes, entries }
  } finally {
    await handle.close()
  }
}

export interface CheckedArchive {
  /** backup.json without its file list: the JSON backup, for the record validation. */
  backup: unknown
  /**
   * Every file the archive holds, as backup.json lists it; `unpack` reads one (so memory
   * holds one at a time) and throws unless its size and SHA-256 match the list.
   */
  files: { entry: ArchiveFileEntry; unpack(): Buffer }[]
}

/** backup.json as the record validation knows it: the archive's list of files taken off. */
export function withoutFileList(document: unknown): unknown {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return document
  const records: Record<string, unknown> = { ...document }
  delete records.files
  return records
}

interface ZipEntryInfo {
  name: string
  size: number
  originalSize: number
}

/** A name that stays inside the archive's folder: relative, forward slashes, no "." or ".." step. */
function isContainedName(name: string): boolean {
  if (name.length === 0 || name.length > 600) return false
  if (name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name)) return false
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(name)) return false
  return name.split('/').every((step) => step !== '' && step !== '.' && step !== '..')
}

function unpackOne(archive: Uint8Array, name: string): Buffer {
  const found = unzipSync(archive, { filter: (file) => file.name === name })[name]
  if (!found) throw refused(`“${name}” could not be read from the archive`)
  return Buffer.from(found.buffer, found.byteOffset, found.length)
}

/**
 * Reads and checks an archive's structure without writing anything: a well-formed zip,
 * every name inside its folder, present once and listed in backup.json, and sizes within
 * limits (per file, in total, and against a zip bomb's ratio). Each file's size and
 * SHA-256 are checked as it is unpacked.
 */
export function readBackupArchive(archive: Uint8Array): CheckedArchive {
  const entries: ZipEntryInfo[] = []
  try {
    unzipSync(archive, {
      filter: (file) => {
        entries.push({ name: file.name, size: file.size, originalSize: file.originalSize })
        return false
      }
    })
  } catch {
    throw refused('the file is not a complete zip archive (it may have been cut off while copying)')
  }
  const seen = new Set<string>()
  let total = 0
  for (const entry of entries) {
    if (!isContainedName(entry.name)) throw refused(`it holds “${entry.name}”, a name that points outside its folder`)
    if (seen.has(entry.name)) throw refused(`it holds “${entry.name}” twice`)
    seen.add(entry.name)
    const limit = entry.name === ARCHIVE_JSON_NAME ? MAX_BACKUP_CHARACTERS : MAX_SAMPLE_BYTES
    if (entry.originalSize > limit)
      throw refused(
        `“${entry.name}” is ${formatBytes(entry.originalSize, 1)}, more than the ${formatBytes(limit)} a backup may hold per file`
      )
    if (entry.originalSize > 64 * 1024 && entry.originalSize > entry.size * MAX_COMPRESSION_RATIO) {
      throw refused(`“${entry.name}” unpacks to far more than it takes in the archive (it looks like a zip bomb)`)
    }
    total += entry.originalSize
  }
  if (entries.length > MAX_ARCHIVE_FILES + 1) throw refused(`it holds ${entries.length} files, more than ${MAX_ARCHIVE_FILES}`)
  if (total > MAX_UNPACKED_BYTES || total > archive.length * MAX_COMPRESSION_RATIO)
    throw refused(`it unpacks to ${formatBytes(total, 1)}, far more than a backup of its size holds`)
  if (!seen.has(ARCHIVE_JSON_NAME)) throw refused(`it holds no ${ARCHIVE_JSON_NAME}, so it is not a Greenroom backup`)

  let document: unknown
  try {
    document = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(unpackOne(archive, ARCHIVE_JSON_NAME)))
  } catch (error) {
    if (error instanceof ApiError) throw error
    throw refused(`its ${ARCHIVE_JSON_NAME} is not valid JSON`)
  }
  const listed = z.object({ files: archiveFilesSchema }).safeParse(document)
  if (!listed.success) {
    const issue = listed.error.issues[0]!
    throw refused(`its list of files is damaged (${issue.path.join('.') || 'files'}: ${issue.message})`)
  }
  const backup = withoutFileList(document)

  const listedPaths = new Set<string>()
  for (const entry of listed.data.files) {
    if (listedPaths.has(entry.path)) throw refused(`it lists “${entry.path}” twice`)
    listedPaths.add(entry.path)
    if (!seen.has(entry.path)) throw refused(`“${entry.path}” is listed but missing from the archive`)
  }
  for (const name of seen) {
    if (name !== ARCHIVE_JSON_NAME && !listedPaths.has(name))
      throw refused(`it holds “${name}”, which its ${ARCHIVE_JSON_NAME} does not list`)
  }

  const files = listed.data.files.map((entry) => ({
    entry,
    unpack: (): Buffer => {
      let bytes: Buffer
      try {
        bytes = unpackOne(archive, entry.path)
      } catch (error) {
        if (error instanceof ApiError) throw error
        throw refused(`“${entry.path}” is damaged inside the archive`)
      }
      if (bytes.length !== entry.size)
        throw refused(
          `“${entry.path}” is ${formatBytes(bytes.length, 1)}, not the ${formatBytes(entry.size, 1)} its ${ARCHIVE_JSON_NAME} lists`
        )
      if (sha256(bytes) !== entry.sha256) throw refused(`“${entry.path}” is not the file that was backed up (its SHA-256 does not match)`)
      return bytes
    }
  }))
  return { backup, files }
}
