import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate'
import { describe, expect, it, vi } from 'vitest'
import type { Core } from '../../../src/main/core'
import { dispatch } from '../../../src/main/rpc'
import type { MethodInput, MethodName, MethodOutput } from '../../../src/shared/contract'
import { BACKUP_CHUNK_BYTES } from '../../../src/shared/backup-archive'
import { useCore } from '../../support/core'

const start = useCore()
// Each test moves a few megabytes through real files and SQLite; on a busy machine that takes a while.
vi.setConfig({ testTimeout: 60_000 })

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 0x41), Buffer.from('\n%%EOF\n')])
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(BACKUP_CHUNK_BYTES + 5000, 7)])
const sampleFields = { tags: ['ux'], proves: 'Shipped it' }
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Calls through the one dispatcher, as IPC and the browser bridge do, so every schema applies. */
async function call<M extends MethodName>(core: Core, method: M, input?: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await dispatch(core.handlers, method, input, () => undefined)
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code })
  return result.value as MethodOutput<M>
}

async function exportArchive(core: Core): Promise<{ fileName: string; bytes: Buffer }> {
  const { exportId, bytes, fileName } = await call(core, 'exportBackupArchive')
  const chunks: Buffer[] = []
  for (let offset = 0, done = false; !done;) {
    const chunk = await call(core, 'readBackupExport', { exportId, offset })
    chunks.push(Buffer.from(chunk.base64, 'base64'))
    offset += chunks.at(-1)!.length
    done = chunk.done
  }
  const archive = Buffer.concat(chunks)
  expect(archive.length).toBe(bytes)
  return { fileName, bytes: archive }
}

async function importFile(core: Core, file: Uint8Array) {
  const { id, chunkBytes } = await call(core, 'beginBackupImport', { bytes: file.length })
  for (let offset = 0; offset < file.length; offset += chunkBytes) {
    await call(core, 'appendBackupImport', {
      id,
      offset,
      base64: Buffer.from(file.subarray(offset, offset + chunkBytes)).toString('base64')
    })
  }
  return call(core, 'finishBackupImport', { id })
}

/** A zip written entry by entry, so a test can put in what Greenroom never would (two entries of one name). */
function zipOf(entries: [string, Uint8Array][]): Buffer {
  const chunks: Uint8Array[] = []
  const zip = new Zip((error, chunk) => {
    if (error) throw error
    chunks.push(chunk)
  })
  for (const [name, bytes] of entries) {
    const entry = name.endsWith('.json') ? new ZipDeflate(name) : new ZipPassThrough(name)
    zip.add(entry)
    entry.push(bytes, true)
  }
  zip.end()
  return Buffer.concat(chunks)
}

interface Unpacked {
  json: { data: Record<string, Record<string, unknown>[]>; files: { sampleId: string; path: string; size: number; sha256: string }[] }
  files: Map<string, Uint8Array>
}
function unpack(archive: Uint8Array): Unpacked {
  const entries = unzipSync(archive)
  const json = JSON.parse(strFromU8(entries['backup.json']!))
  const files = new Map(Object.entries(entries).filter(([name]) => name !== 'backup.json'))
  return { json, files }
}
const repack = ({ json, files }: Unpacked): Buffer => zipOf([...files.entries(), ['backup.json', strToU8(JSON.stringify(json))]])

/** Everything an import could change: every record and each file in the samples folder (and any folder beside it). */
async function snapshot(core: Core, dataDir: string) {
  const records = { ...JSON.parse(await core.handlers.exportBackup()), exportedAt: null }
  const beside = (await readdir(dataDir)).filter((name) => name.startsWith('samples')).sort()
  const names = (await readdir(join(dataDir, 'samples')).catch(() => [])).sort()
  const files = await Promise.all(names.map(async (name) => [name, sha256(await readFile(join(dataDir, 'samples', name)))]))
  return { records, beside, files }
}

async function withSamples() {
  const context = await start()
  const { core } = context
  await core.handlers.updateSettings({ userName: 'Ana' })
  const demo = await core.handlers.loadDemoData()
  // What the demo itself holds, read independently of countData: the expectations below add to it.
  const demoSamples = (await core.handlers.listSamples()).length
  const pdf = await core.handlers.addSampleFile({
    ...sampleFields,
    title: 'Checkout case study',
    fileName: 'Case study.pdf',
    dataBase64: PDF.toString('base64')
  })
  const png = await core.handlers.addSampleFile({
    ...sampleFields,
    title: 'Dashboard screenshot',
    fileName: 'dashboard.png',
    dataBase64: PNG.toString('base64')
  })
  const link = await core.handlers.addSampleLink({ ...sampleFields, title: 'Live demo', url: 'https://demo.example' })
  const records = { ...demo, samples: demoSamples + 3 }
  return { ...context, pdf, png, link, records }
}

describe('backup archive', () => {
  it('holds backup.json and each sample file, listed with its size and SHA-256', async () => {
    const { core, dataDir, pdf, png, records } = await withSamples()
    const { fileName, bytes } = await exportArchive(core)
    expect(fileName).toBe('greenroom-backup-2026-11-02.zip')
    const { json, files } = unpack(bytes)
    expect([...files.keys()].sort()).toEqual([`samples/${pdf.id}/Case study.pdf`, `samples/${png.id}/dashboard.png`].sort())
    expect(Buffer.from(files.get(`samples/${pdf.id}/Case study.pdf`)!)).toEqual(PDF)
    expect(json.files).toContainEqual({ sampleId: png.id, path: `samples/${png.id}/dashboard.png`, size: PNG.length, sha256: sha256(PNG) })
    expect(json.data.samples).toHaveLength(records.samples)
    // The temp file goes once its last chunk is read.
    expect(await readdir(join(dataDir, '.backup-transfers'))).toEqual([])
  })

  it('export, delete all, import: the same records and byte-identical files', async () => {
    const { core, dataDir, pdf, png, records } = await withSamples()
    const before = await snapshot(core, dataDir)
    const { bytes } = await exportArchive(core)

    await core.handlers.deleteAllRecords({ confirm: 'DELETE' })
    expect(await readdir(join(dataDir, 'samples'))).toEqual([])
    expect(await call(core, 'countData')).toMatchObject({ interviews: 0, samples: 0, sampleFiles: 0, sampleFileBytes: 0 })

    expect(await importFile(core, bytes)).toEqual({ ...records, sampleFiles: 2, sampleFileBytes: PDF.length + PNG.length })
    expect(await snapshot(core, dataDir)).toEqual(before)
    expect(await readFile((await core.samples.fileFor(png.id))!.path)).toEqual(PNG)
    expect((await core.handlers.listSamples()).every((sample) => sample.available)).toBe(true)
    expect(await core.handlers.openSample({ id: pdf.id })).toEqual({ kind: 'url', url: `/samples/${pdf.id}/Case%20study.pdf` })
  })

  it('replaces the samples folder: files of samples not in the backup go', async () => {
    const { core, dataDir } = await withSamples()
    const { bytes } = await exportArchive(core)
    const later = await core.handlers.addSampleFile({
      ...sampleFields,
      title: 'Added later',
      fileName: 'later.pdf',
      dataBase64: PDF.toString('base64')
    })
    await importFile(core, bytes)
    expect(await readdir(join(dataDir, 'samples'))).not.toContain(`${later.id}.pdf`)
    expect((await core.handlers.listSamples()).map((sample) => sample.title)).not.toContain('Added later')
  })

  describe('refuses, changing nothing,', () => {
    async function expectRefused(tamper: (archive: Buffer, unpacked: Unpacked) => Buffer, message: RegExp) {
      const { core, dataDir } = await withSamples()
      const { bytes } = await exportArchive(core)
      const before = await snapshot(core, dataDir)
      await expect(importFile(core, tamper(bytes, unpack(bytes)))).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringMatching(message)
      })
      expect(await snapshot(core, dataDir)).toEqual(before)
    }
    const addEntry = (name: string) => (_: Buffer, unpacked: Unpacked) => {
      unpacked.files.set(name, strToU8('#!/bin/sh\necho gotcha\n'))
      return repack(unpacked)
    }

    it('an entry that climbs out of its folder', () =>
      expectRefused(addEntry('samples/../../evil'), /“samples\/\.\.\/\.\.\/evil”.*points outside its folder.*Nothing was changed/))
    it('an entry with an absolute path', () =>
      expectRefused(addEntry('/etc/cron.d/evil'), /“\/etc\/cron\.d\/evil”.*points outside its folder/))
    it('an entry backup.json does not list', () => expectRefused(addEntry('samples/extra.txt'), /“samples\/extra\.txt”.*does not list/))

    it('two entries of one name', () =>
      expectRefused((_, unpacked) => {
        const [name, bytes] = [...unpacked.files.entries()][0]!
        return zipOf([
          [name, bytes],
          [name, bytes],
          ['backup.json', strToU8(JSON.stringify(unpacked.json))]
        ])
      }, /holds “samples\/.*” twice/))

    it('a file whose SHA-256 does not match', () =>
      expectRefused((_, unpacked) => {
        const [name, bytes] = [...unpacked.files.entries()].find(([path]) => path.endsWith('.pdf'))!
        const changed = Buffer.from(bytes)
        changed[100] = 0x42
        unpacked.files.set(name, changed)
        return repack(unpacked)
      }, /“samples\/.*Case study\.pdf” is not the file that was backed up \(its SHA-256 does not match\)/))

    it('a program disguised as a PDF, even with a matching hash and size', () =>
      expectRefused((_, unpacked) => {
        const entry = unpacked.json.files.find((file) => file.path.endsWith('.pdf'))!
        const program = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(500, 1)])
        unpacked.files.set(entry.path, program)
        Object.assign(entry, { size: program.length, sha256: sha256(program) })
        unpacked.json.data.samples!.find((sample) => sample.id === entry.sampleId)!.size_bytes = program.length
        return repack(unpacked)
      }, /file of “Checkout case study” is not accepted \(“Case study\.pdf” does not look like a PDF/))

    it('a truncated archive', () => expectRefused((archive) => archive.subarray(0, archive.length - 200), /not a complete zip archive/))

    it('a backup.json whose records fail validation', () =>
      expectRefused((_, unpacked) => {
        unpacked.json.data.interviews![0]!.status = 'ghosted'
        return repack(unpacked)
      }, /interviews.*status.*Nothing was changed/))

    it('records that point at missing ones, after the files were staged', () =>
      expectRefused((_, unpacked) => {
        unpacked.json.data.clients!.shift()
        return repack(unpacked)
      }, /refers to another that is not in the file/))

    it('a zip bomb', () =>
      expectRefused((_, unpacked) => {
        const bomb = new Uint8Array(19 * 1024 * 1024)
        const chunks: Uint8Array[] = []
        const zip = new Zip((_error, chunk) => chunks.push(chunk))
        const entry = new ZipDeflate('samples/bomb.txt', { level: 9 })
        zip.add(entry)
        entry.push(bomb, true)
        const json = new ZipDeflate('backup.json')
        zip.add(json)
        json.push(strToU8(JSON.stringify(unpacked.json)), true)
        zip.end()
        return Buffer.concat(chunks)
      }, /“samples\/bomb\.txt” unpacks to far more than it takes in the archive \(it looks like a zip bomb\)/))
  })

  it('still imports a plain JSON backup through the same finish step; its sample files show as missing', async () => {
    const { core, pdf, records } = await withSamples()
    const json = await core.handlers.exportBackup()
    await core.handlers.deleteAllRecords({ confirm: 'DELETE' })
    expect(await importFile(core, Buffer.from(json))).toEqual({ ...records, sampleFiles: 0, sampleFileBytes: 0 })
    expect((await core.handlers.listSamples()).find((sample) => sample.id === pdf.id)).toMatchObject({ available: false })
  })

  it('refuses chunks out of order, overlapping or past the end, and an import that did not arrive whole', async () => {
    const { core, records } = await withSamples()
    const part = (bytes: number) => Buffer.alloc(bytes, 1).toString('base64')
    const { id } = await call(core, 'beginBackupImport', { bytes: 3000 })
    await expect(call(core, 'appendBackupImport', { id, offset: 1000, base64: part(1000) })).rejects.toMatchObject({
      message: /starts at byte 1000, but 0 bytes have arrived/
    })
    expect(await call(core, 'appendBackupImport', { id, offset: 0, base64: part(1000) })).toEqual({ received: 1000 })
    await expect(call(core, 'appendBackupImport', { id, offset: 500, base64: part(1000) })).rejects.toMatchObject({
      message: /starts at byte 500, but 1000 bytes have arrived.*without gaps or overlaps/
    })
    await expect(call(core, 'appendBackupImport', { id, offset: 1000, base64: part(2500) })).rejects.toMatchObject({
      message: /goes past the 3000 bytes/
    })
    await expect(call(core, 'finishBackupImport', { id })).rejects.toMatchObject({ message: /did not arrive whole \(1000 of 3000 bytes\)/ })
    // Finishing ends the import, complete or not.
    await expect(call(core, 'appendBackupImport', { id, offset: 1000, base64: part(1000) })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect((await core.handlers.listInterviews({ limit: 100 })).length).toBe(records.interviews)
  })

  it('refuses a chunk larger than the chunk size and a file larger than any backup', async () => {
    const { core } = await start()
    const { id } = await call(core, 'beginBackupImport', { bytes: 4 * BACKUP_CHUNK_BYTES })
    await expect(
      call(core, 'appendBackupImport', { id, offset: 0, base64: Buffer.alloc(BACKUP_CHUNK_BYTES + 3).toString('base64') })
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: /chunk is too large/ })
    await expect(call(core, 'beginBackupImport', { bytes: 2 * 1024 ** 3 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: /larger than any Greenroom backup/
    })
  })

  it('bounds the imports open at once and drops those left waiting', async () => {
    const { core, clock, dataDir } = await start()
    const first = await call(core, 'beginBackupImport', { bytes: 10 })
    await call(core, 'beginBackupImport', { bytes: 10 })
    await expect(call(core, 'beginBackupImport', { bytes: 10 })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: /Other backups are being imported/
    })
    await call(core, 'cancelBackupImport', { id: first.id })
    const third = await call(core, 'beginBackupImport', { bytes: 10 })
    expect(await readdir(join(dataDir, '.backup-transfers'))).toHaveLength(2)

    clock.advanceMinutes(6)
    await call(core, 'beginBackupImport', { bytes: 10 })
    await expect(call(core, 'appendBackupImport', { id: third.id, offset: 0, base64: 'AAAA' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: /waited too long/
    })
    expect(await readdir(join(dataDir, '.backup-transfers'))).toHaveLength(1)
  })

  it('drops an export nobody finished reading', async () => {
    const { core, clock, dataDir } = await withSamples()
    const { exportId } = await call(core, 'exportBackupArchive')
    await call(core, 'readBackupExport', { exportId, offset: 0 })
    clock.advanceMinutes(6)
    await expect(call(core, 'readBackupExport', { exportId, offset: 0 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: /Export the backup again/
    })
    expect(await readdir(join(dataDir, '.backup-transfers'))).toEqual([])
  })

  it('counts what delete all removes, the sample files on disk included', async () => {
    const { core, dataDir, records } = await withSamples()
    const calls = (
      await Promise.all(
        (await core.handlers.listInterviews({ limit: 100 })).map((interview) => core.handlers.listCalls({ interviewId: interview.id }))
      )
    ).flat()
    expect(await call(core, 'countData')).toEqual({
      interviews: records.interviews,
      clients: records.clients,
      invitations: records.invitations,
      proposals: expect.any(Number),
      offers: expect.any(Number),
      notes: records.notes,
      questions: expect.any(Number),
      samples: records.samples,
      sampleFiles: 2,
      sampleFileBytes: PDF.length + PNG.length,
      samplesFolder: join(dataDir, 'samples'),
      calls: calls.length,
      connectionTests: 0
    })
  })
})

describe('backup.json taken out of an archive', () => {
  it('imports as a JSON backup: the records come back, the files show as missing', async () => {
    const { core, pdf, records } = await withSamples()
    const { json } = unpack((await exportArchive(core)).bytes)
    await core.handlers.deleteAllRecords({ confirm: 'DELETE' })
    expect(await importFile(core, strToU8(JSON.stringify(json)))).toMatchObject({
      interviews: records.interviews,
      samples: records.samples,
      sampleFiles: 0
    })
    expect((await core.handlers.listSamples()).find((sample) => sample.id === pdf.id)).toMatchObject({ available: false })
  })
})
