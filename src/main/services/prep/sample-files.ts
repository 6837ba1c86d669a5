import { randomBytes } from 'node:crypto'
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join, resolve, sep } from 'node:path'
import { ApiError } from '../../../shared/errors'
import { systemClock, type Clock } from '../../../shared/time-source'
import {
  extensionOf,
  formatBytes,
  isSampleExtension,
  MAX_SAMPLE_BYTES,
  SAMPLE_FILE_TYPES,
  type SampleExtension
} from '../../../shared/prep'

/**
 * Sample files on disk: what may come in (name, size, type checked against the bytes),
 * and how it is stored (atomically, under a name Greenroom makes, inside one folder).
 */

const ZIP = [0x50, 0x4b, 0x03, 0x04]
const startsWith = (bytes: Buffer, prefix: readonly number[], offset = 0) => prefix.every((value, index) => bytes[offset + index] === value)
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0))

function looksLikeText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 64 * 1024)
  if (head.includes(0)) return false
  try {
    // A cut in the middle of a character at the end of the head is fine.
    new TextDecoder('utf-8', { fatal: true }).decode(head.length < bytes.length ? head.subarray(0, Math.max(0, head.length - 4)) : head)
    return true
  } catch {
    return false
  }
}

/** Whether the bytes really are what the extension says: a renamed program is refused. */
const SNIFFERS: Record<SampleExtension, (bytes: Buffer) => boolean> = {
  pdf: (b) => startsWith(b, ascii('%PDF-')),
  png: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpg: (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  jpeg: (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  gif: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')),
  webp: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8),
  mp4: (b) => startsWith(b, ascii('ftyp'), 4),
  mov: (b) => startsWith(b, ascii('ftyp'), 4) || startsWith(b, ascii('moov'), 4) || startsWith(b, ascii('wide'), 4),
  webm: (b) => startsWith(b, [0x1a, 0x45, 0xdf, 0xa3]),
  mp3: (b) => startsWith(b, ascii('ID3')) || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0),
  docx: (b) => startsWith(b, ZIP),
  xlsx: (b) => startsWith(b, ZIP),
  pptx: (b) => startsWith(b, ZIP),
  odt: (b) => startsWith(b, ZIP),
  ods: (b) => startsWith(b, ZIP),
  odp: (b) => startsWith(b, ZIP),
  txt: looksLikeText,
  md: looksLikeText,
  csv: looksLikeText
}

/** Refuses names that carry a folder, a parent step or control characters. */
export function checkFileName(fileName: string): void {
  const plain =
    fileName.trim() === fileName &&
    fileName.length > 0 &&
    !/[/\\]/.test(fileName) &&
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    !/[\u0000-\u001f\u007f]/.test(fileName) &&
    fileName !== '.' &&
    !fileName.startsWith('..') &&
    !/^[a-zA-Z]:/.test(fileName)
  if (!plain) {
    throw new ApiError(
      'INVALID_INPUT',
      `“${fileName}” is not a plain file name: it may not contain folders, “..” or control characters. Nothing was added.`
    )
  }
}

/** Checks a file that is about to become a sample; returns its extension or throws a clear ApiError. */
export function checkSampleFile(fileName: string, bytes: Buffer): SampleExtension {
  checkFileName(fileName)
  const extension = extensionOf(fileName)
  if (!isSampleExtension(extension)) {
    const allowed = [...new Set(Object.values(SAMPLE_FILE_TYPES).map((type) => type.label))].join(', ')
    throw new ApiError(
      'INVALID_INPUT',
      `“${fileName}” is not a type Greenroom keeps as a sample (${allowed}). Add it as a link instead. Nothing was added.`
    )
  }
  if (bytes.length === 0) throw new ApiError('INVALID_INPUT', `“${fileName}” is empty. Nothing was added.`)
  if (bytes.length > MAX_SAMPLE_BYTES) {
    throw new ApiError(
      'INVALID_INPUT',
      `“${fileName}” is ${formatBytes(bytes.length, 1)}; sample files can be up to ${formatBytes(MAX_SAMPLE_BYTES)}. Share larger pieces as a link. Nothing was added.`
    )
  }
  if (!SNIFFERS[extension](bytes)) {
    throw new ApiError(
      'INVALID_INPUT',
      `“${fileName}” does not look like a ${SAMPLE_FILE_TYPES[extension].label}: its contents do not match its name. Nothing was added.`
    )
  }
  return extension
}

const STORED_NAME = /^[0-9a-f-]{36}\.[a-z0-9]{1,8}$/

export interface SampleStore {
  readonly folder: string
  /** Writes the bytes under `storedName`: to a temp file first, then renamed, so no half file is ever seen. */
  put(storedName: string, bytes: Buffer): Promise<void>
  /** The absolute path of a stored file, refusing any name Greenroom did not make. */
  pathOf(storedName: string): string
  exists(storedName: string): Promise<boolean>
  remove(storedName: string): Promise<void>
  /** Removes stored files no sample refers to any more (after an import or a wipe), and temp files left by a crash. */
  sweep(keep: ReadonlySet<string>, quietMs?: number): Promise<number>
}

/** `clock` must tell the file system's time (the real one): the sweep compares it with files' modification times. */
export function createSampleStore(folder: string, clock: Clock = systemClock): SampleStore {
  const root = resolve(folder)
  const pathOf = (storedName: string): string => {
    const path = resolve(root, storedName)
    if (!STORED_NAME.test(storedName) || !path.startsWith(root + sep)) {
      throw new ApiError('INVALID_INPUT', 'That sample’s file name is not one Greenroom made; it will not be opened.')
    }
    return path
  }
  return {
    folder: root,
    pathOf,
    async put(storedName, bytes) {
      const target = pathOf(storedName)
      await mkdir(root, { recursive: true })
      const temp = join(root, `.incoming-${randomBytes(8).toString('hex')}`)
      try {
        await writeFile(temp, bytes, { flag: 'wx' })
        await rename(temp, target)
      } catch (error) {
        await rm(temp, { force: true })
        throw error
      }
    },
    async exists(storedName) {
      try {
        return (await stat(pathOf(storedName))).isFile()
      } catch {
        return false
      }
    },
    async remove(storedName) {
      await rm(pathOf(storedName), { force: true })
    },
    async sweep(keep, quietMs = 60_000) {
      let names: string[]
      try {
        names = await readdir(root)
      } catch {
        return 0
      }
      // Files touched in the last minute may belong to an add still in progress.
      const settled = clock.now().getTime() - quietMs
      let removed = 0
      for (const name of names) {
        if (!(STORED_NAME.test(name) && !keep.has(name)) && !name.startsWith('.incoming-')) continue
        const info = await stat(join(root, name)).catch(() => null)
        if (!info || info.mtimeMs > settled) continue
        await rm(join(root, name), { force: true })
        removed++
      }
      return removed
    }
  }
}

/** Makes the name a new sample's file is stored under: its id and its checked extension. */
export function storedNameFor(id: string, extension: SampleExtension): string {
  return `${id}.${extension}`
}
