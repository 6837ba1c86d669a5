import { randomBytes } from 'node:crypto'
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { archivePathFor, type ImportSummary } from '../../../shared/backup-archive'
import { ApiError } from '../../../shared/errors'
import type { BackupService } from '../pipeline/backup'
import { checkSampleFile, storedNameFor, type SampleStore } from '../prep/sample-files'
import { readBackupArchive, withoutFileList } from './backup-archive'

const refused = (problem: string): ApiError =>
  new ApiError('INVALID_INPUT', `This backup cannot be imported: ${problem}. Nothing was changed.`)

const STAGING_PREFIX = '.incoming-'
const REPLACED_PREFIX = '.replaced-'

/**
 * Restores a backup: records through the backup service's own validation and single
 * transaction, sample files through a staging folder beside `samples/` that is swapped
 * in only after the records are committed. On any failure before that, the staging
 * folder goes and the old records and files stay as they were.
 */
export function createBackupRestore({
  backup,
  store,
  sweep
}: {
  backup: BackupService
  store: SampleStore
  sweep: () => Promise<unknown>
}) {
  const samplesFolder = store.folder
  const parent = dirname(samplesFolder)
  const sibling = (prefix: string) => join(parent, `${basename(samplesFolder)}${prefix}${randomBytes(8).toString('hex')}`)

  async function swapIn(staging: string): Promise<void> {
    const replaced = sibling(REPLACED_PREFIX)
    let hadFolder = true
    try {
      await rename(samplesFolder, replaced)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      hadFolder = false
    }
    try {
      await rename(staging, samplesFolder)
    } catch (error) {
      if (hadFolder) await rename(replaced, samplesFolder).catch(() => undefined)
      throw error
    }
    if (hadFolder) await rm(replaced, { recursive: true, force: true })
  }

  return {
    /** A plain JSON backup (formats 1–4): records only; samples whose file is not here show as missing. */
    async restoreJson(text: string): Promise<ImportSummary> {
      let document: unknown
      try {
        document = JSON.parse(text)
      } catch {
        // Not JSON: the backup service says so in its own words.
        return { ...(await backup.importAll(text)), samples: 0, sampleFiles: 0, sampleFileBytes: 0 }
      }
      // A backup.json taken out of an archive imports too: its list of files has nothing to point at here.
      const data = backup.check(withoutFileList(document))
      const summary = await backup.replaceAll(data)
      await sweep()
      return { ...summary, samples: data.samples.length, sampleFiles: 0, sampleFileBytes: 0 }
    },

    /** A zip archive: checked whole (zip, names, sizes, hashes, file types, records) before anything is written. */
    async restoreArchive(archive: Uint8Array): Promise<ImportSummary> {
      const checked = readBackupArchive(archive)
      const data = backup.check(checked.backup)
      const samples = new Map(data.samples.map((sample) => [sample.id, sample]))
      // Every file's place is checked against its sample before a single one is unpacked.
      const planned = checked.files.map(({ entry, unpack }) => {
        const sample = samples.get(entry.sampleId)
        if (!sample || sample.kind !== 'file') throw refused(`“${entry.path}” belongs to no file sample in the backup`)
        if (entry.path !== archivePathFor(sample.id, sample.file_name))
          throw refused(`“${entry.path}” is not where the file of “${sample.title}” belongs`)
        return { sample, unpack }
      })

      const staging = sibling(STAGING_PREFIX)
      try {
        await mkdir(staging)
        let sampleFileBytes = 0
        for (const { sample, unpack } of planned) {
          const bytes = unpack()
          let extension
          try {
            extension = checkSampleFile(sample.file_name, bytes)
          } catch (error) {
            const detail = error instanceof Error ? error.message.replace(/\s*Nothing was added\.$/, '') : String(error)
            throw refused(`the file of “${sample.title}” is not accepted (${detail.replace(/\.$/, '')})`)
          }
          if (sample.stored_name !== storedNameFor(sample.id, extension) || sample.size_bytes !== bytes.length) {
            throw refused(`the file of “${sample.title}” does not match its record`)
          }
          await writeFile(join(staging, sample.stored_name), bytes, { flag: 'wx' })
          sampleFileBytes += bytes.length
        }
        const summary = await backup.replaceAll(data)
        await swapIn(staging)
        return { ...summary, samples: data.samples.length, sampleFiles: planned.length, sampleFileBytes }
      } finally {
        await rm(staging, { recursive: true, force: true })
      }
    },

    /** Staging and replaced folders a crash left beside `samples/`. */
    async removeLeftovers(): Promise<void> {
      const names = await readdir(parent).catch(() => [] as string[])
      const prefixes = [STAGING_PREFIX, REPLACED_PREFIX].map((prefix) => `${basename(samplesFolder)}${prefix}`)
      for (const name of names) {
        if (prefixes.some((prefix) => name.startsWith(prefix))) await rm(join(parent, name), { recursive: true, force: true })
      }
    }
  }
}

export type BackupRestore = ReturnType<typeof createBackupRestore>
