import { ApiError } from '../../../shared/errors'
import { SAMPLE_FILE_TYPES, type OpenSampleResult, type Sample, type SampleFields } from '../../../shared/prep'
import type { Clock } from '../../../shared/time-source'
import type { Database, SqlRunner } from '../database'
import { newId } from '../pipeline/records'
import { checkSampleFile, storedNameFor, type SampleStore } from './sample-files'

/** A stored sample file, as an adapter needs it to open or serve it. */
export interface SampleFile {
  id: string
  path: string
  fileName: string
  mediaType: string
}

/**
 * Opens a sample file the platform's way: the desktop app hands it to the system's app
 * (shell.openPath); browser mode returns an address of its host for a new tab.
 */
export interface SampleOpener {
  open(file: SampleFile): Promise<OpenSampleResult>
}

/** Browser mode's opener: the host serves the file to the token-holding browser at this path. */
export const browserSampleOpener: SampleOpener = {
  open: async (file) => ({ kind: 'url', url: `/samples/${file.id}/${encodeURIComponent(file.fileName)}` })
}

export interface SampleRow {
  id: string
  title: string
  kind: 'file' | 'link'
  url: string
  file_name: string
  stored_name: string
  media_type: string
  size_bytes: number
  tags: string
  proves: string
  created_at: string
  updated_at: string
}

export async function toSample(row: SampleRow, store: SampleStore): Promise<Sample> {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    url: row.url,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    tags: JSON.parse(row.tags) as string[],
    proves: row.proves,
    available: row.kind === 'link' || (await store.exists(row.stored_name)),
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

async function loadRow(sql: SqlRunner, id: string): Promise<SampleRow> {
  const row = await sql.get<SampleRow>('SELECT * FROM samples WHERE id = ?', [id])
  if (!row) throw new ApiError('NOT_FOUND', 'That sample no longer exists')
  return row
}

/** The samples attached to an interview, in the order they were attached. */
export async function attachedSamples(sql: SqlRunner, store: SampleStore, interviewId: string): Promise<Sample[]> {
  const rows = await sql.all<SampleRow>(
    `SELECT s.* FROM interview_samples a JOIN samples s ON s.id = a.sample_id WHERE a.interview_id = ? ORDER BY a.attached_at, s.title`,
    [interviewId]
  )
  return Promise.all(rows.map((row) => toSample(row, store)))
}

/** The samples library: files copied into the data folder or links, each with what it proves. */
export function createSamplesService({
  db,
  clock,
  store,
  opener
}: {
  db: Database
  clock: Clock
  store: SampleStore
  opener: SampleOpener
}) {
  const now = () => clock.now().toISOString()

  async function insert(
    fields: SampleFields,
    file: { url: string; fileName: string; storedName: string; mediaType: string; size: number }
  ): Promise<Sample> {
    const id = file.storedName ? file.storedName.slice(0, 36) : newId()
    const at = now()
    await db.run(
      `INSERT INTO samples (id, title, kind, url, file_name, stored_name, media_type, size_bytes, tags, proves, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        fields.title,
        file.storedName ? 'file' : 'link',
        file.url,
        file.fileName,
        file.storedName,
        file.mediaType,
        file.size,
        JSON.stringify(fields.tags),
        fields.proves,
        at,
        at
      ]
    )
    return toSample(await loadRow(db, id), store)
  }

  return {
    async list(): Promise<Sample[]> {
      const rows = await db.all<SampleRow>('SELECT * FROM samples ORDER BY updated_at DESC, title')
      return Promise.all(rows.map((row) => toSample(row, store)))
    },

    /** Checks the file (name, size, type against its bytes), copies it in atomically, then records it. */
    async addFile(fields: SampleFields, fileName: string, bytes: Buffer): Promise<Sample> {
      const extension = checkSampleFile(fileName, bytes)
      const storedName = storedNameFor(newId(), extension)
      await store.put(storedName, bytes)
      try {
        return await insert(fields, {
          url: '',
          fileName,
          storedName,
          mediaType: SAMPLE_FILE_TYPES[extension].mediaType,
          size: bytes.length
        })
      } catch (error) {
        await store.remove(storedName)
        throw error
      }
    },

    addLink: (fields: SampleFields, url: string) => insert(fields, { url, fileName: '', storedName: '', mediaType: '', size: 0 }),

    async update(id: string, fields: SampleFields): Promise<Sample> {
      const result = await db.run('UPDATE samples SET title = ?, tags = ?, proves = ?, updated_at = ? WHERE id = ?', [
        fields.title,
        JSON.stringify(fields.tags),
        fields.proves,
        now(),
        id
      ])
      if (result.changes === 0) throw new ApiError('NOT_FOUND', 'That sample no longer exists')
      return toSample(await loadRow(db, id), store)
    },

    /** Removes the sample from the library and every interview, and its copied file. */
    async remove(id: string): Promise<void> {
      const row = await loadRow(db, id)
      await db.run('DELETE FROM samples WHERE id = ?', [id])
      if (row.stored_name) await store.remove(row.stored_name)
    },

    async attach(interviewId: string, sampleId: string): Promise<void> {
      await db.transaction(async (tx) => {
        if (!(await tx.get('SELECT 1 FROM interviews WHERE id = ?', [interviewId])))
          throw new ApiError('NOT_FOUND', 'That interview no longer exists')
        await loadRow(tx, sampleId)
        await tx.run('INSERT OR IGNORE INTO interview_samples (interview_id, sample_id, attached_at) VALUES (?, ?, ?)', [
          interviewId,
          sampleId,
          now()
        ])
      })
    },

    async detach(interviewId: string, sampleId: string): Promise<void> {
      await db.run('DELETE FROM interview_samples WHERE interview_id = ? AND sample_id = ?', [interviewId, sampleId])
    },

    /** The stored file of a file sample, or null (a link, unknown, or its copy is missing). */
    async fileFor(id: string): Promise<SampleFile | null> {
      const row = await db.get<SampleRow>('SELECT * FROM samples WHERE id = ?', [id])
      if (!row || row.kind !== 'file' || !(await store.exists(row.stored_name))) return null
      return { id: row.id, path: store.pathOf(row.stored_name), fileName: row.file_name, mediaType: row.media_type }
    },

    async open(id: string): Promise<OpenSampleResult> {
      const row = await loadRow(db, id)
      if (row.kind === 'link') return { kind: 'url', url: row.url }
      if (!(await store.exists(row.stored_name))) {
        throw new ApiError(
          'NOT_FOUND',
          `The file of “${row.title}” is missing from this computer (a backup saved as .json keeps the list, not the files). Add it again.`
        )
      }
      return opener.open({ id: row.id, path: store.pathOf(row.stored_name), fileName: row.file_name, mediaType: row.media_type })
    },

    /** Deletes copied files that no sample refers to any more. */
    async sweep(quietMs?: number): Promise<number> {
      const rows = await db.all<{ stored_name: string }>("SELECT stored_name FROM samples WHERE kind = 'file'")
      return store.sweep(new Set(rows.map((row) => row.stored_name)), quietMs)
    }
  }
}

export type SamplesService = ReturnType<typeof createSamplesService>
