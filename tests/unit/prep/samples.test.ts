import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { BACKUP_VERSION } from '../../../src/shared/backup'
import { describe, expect, it, vi } from 'vitest'
import type { Core } from '../../../src/main/core'
import { createShellSampleOpener } from '../../../src/main/electron/sample-opener'
import { dispatch } from '../../../src/main/rpc'
import { MAX_SAMPLE_BYTES, sampleFileProblem } from '../../../src/shared/prep'
import { anInvitation, useCore } from '../../support/core'

const start = useCore()

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')])
const fields = { title: 'Checkout redesign case study', tags: ['ecommerce', 'ux'], proves: 'Raised conversion 18% for a Shopify store' }
const asFile = (fileName: string, bytes: Buffer) => ({ ...fields, fileName, dataBase64: bytes.toString('base64') })

async function samplesFolder(dataDir: string): Promise<string[]> {
  return readdir(join(dataDir, 'samples')).catch(() => [])
}

async function expectRefused(core: Core, dataDir: string, input: unknown, message: RegExp) {
  const result = await dispatch(core.handlers, 'addSampleFile', input, () => undefined)
  expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) } })
  expect(await core.handlers.listSamples()).toEqual([])
  expect(await samplesFolder(dataDir)).toEqual([])
}

describe('sample storage', () => {
  it('copies a file into the data folder under its own name and lists it', async () => {
    const { core, dataDir } = await start()
    const sample = await core.handlers.addSampleFile(asFile('Case study.pdf', PDF))
    expect(sample).toMatchObject({
      ...fields,
      kind: 'file',
      fileName: 'Case study.pdf',
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
      available: true
    })
    const stored = await samplesFolder(dataDir)
    expect(stored).toEqual([`${sample.id}.pdf`])
    expect(await readFile(join(dataDir, 'samples', stored[0]!))).toEqual(PDF)
    expect(await core.handlers.listSamples()).toEqual([sample])
  })

  it('refuses a file name that tries to leave the folder, with a clear message', async () => {
    const { core, dataDir } = await start()
    for (const name of ['../../evil.pdf', '..\\evil.pdf', 'notes/../../evil.pdf', '/etc/passwd.pdf', 'C:evil.pdf', '..pdf']) {
      await expectRefused(core, dataDir, asFile(name, PDF), /not a plain file name.*Nothing was added/)
    }
  })

  it('refuses a huge file with its size and the limit, before and after the contract', async () => {
    const { core, dataDir } = await start()
    const huge = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_SAMPLE_BYTES + 4096)])
    await expectRefused(core, dataDir, asFile('portfolio.pdf', huge), /larger than 20 MB.*link/)
    expect(sampleFileProblem('portfolio.pdf', huge.length)).toMatch(/is 20.0 MB; sample files can be up to 20 MB/)
    // Straight to the service, past the contract's own limit: still refused, nothing stored.
    await expect(
      core.handlers.addSampleFile({ ...fields, fileName: 'portfolio.pdf', dataBase64: huge.toString('base64') })
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/is 20.0 MB; sample files can be up to 20 MB/)
    })
    expect(await samplesFolder(dataDir)).toEqual([])
  })

  it('refuses unknown types, and contents that do not match the name', async () => {
    const { core, dataDir } = await start()
    await expectRefused(core, dataDir, asFile('setup.exe', Buffer.from('MZ\x90\x00')), /not a type Greenroom keeps as a sample.*link/)
    await expectRefused(core, dataDir, asFile('page.html', Buffer.from('<script>alert(1)</script>')), /not a type Greenroom keeps/)
    await expectRefused(core, dataDir, asFile('no-extension', PDF), /not a type Greenroom keeps/)
    await expectRefused(core, dataDir, asFile('invoice.pdf', Buffer.from('MZ\x90\x00 a program in disguise')), /does not look like a PDF/)
    await expectRefused(core, dataDir, asFile('notes.txt', Buffer.from([0x00, 0x01, 0x02])), /does not look like a Text file/)
    await expectRefused(core, dataDir, asFile('empty.pdf', Buffer.alloc(0)), /is empty/)
    expect(sampleFileProblem('setup.exe', 10)).toMatch(/not a type/)
  })

  it('accepts the common portfolio types', async () => {
    const { core } = await start()
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    const docx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0])
    const md = Buffer.from('# Case study\n\nRésumé of the work ✓\n')
    for (const [name, bytes] of [
      ['shot.PNG', png],
      ['brief.docx', docx],
      ['case.md', md]
    ] as const) {
      await core.handlers.addSampleFile(asFile(name, bytes))
    }
    expect((await core.handlers.listSamples()).map((sample) => sample.mediaType).sort()).toEqual([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'image/png',
      'text/plain; charset=utf-8'
    ])
  })

  it('keeps links, refusing anything but http(s)', async () => {
    const { core } = await start()
    const link = await core.handlers.addSampleLink({ ...fields, url: 'https://dribbble.example/shot/1' })
    expect(link).toMatchObject({ kind: 'link', url: 'https://dribbble.example/shot/1', available: true })
    expect(await core.handlers.openSample({ id: link.id })).toEqual({ kind: 'url', url: 'https://dribbble.example/shot/1' })
    const bad = await dispatch(core.handlers, 'addSampleLink', { ...fields, url: 'file:///etc/passwd' }, () => undefined)
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await core.handlers.listSamples()).toHaveLength(1)
  })

  it('attaches to interviews, opens, and removes its file when deleted', async () => {
    const { core, dataDir } = await start()
    const item = await anInvitation(core)
    const interviewId = (await core.handlers.acceptInvitation({ id: item.invitation.id, message: '', terms: null })).invitation.interviewId!
    const sample = await core.handlers.addSampleFile(asFile('Case study.pdf', PDF))
    const room = await core.handlers.attachSample({ interviewId, sampleId: sample.id })
    expect(room.samples.map((attached) => attached.id)).toEqual([sample.id])
    expect(await core.handlers.openSample({ id: sample.id })).toEqual({ kind: 'url', url: `/samples/${sample.id}/Case%20study.pdf` })
    expect(await core.samples.fileFor(sample.id)).toMatchObject({
      fileName: 'Case study.pdf',
      path: join(dataDir, 'samples', `${sample.id}.pdf`)
    })

    expect((await core.handlers.detachSample({ interviewId, sampleId: sample.id })).samples).toEqual([])
    await core.handlers.attachSample({ interviewId, sampleId: sample.id })
    await core.handlers.deleteSample({ id: sample.id })
    expect((await core.handlers.getPrepRoom({ interviewId })).samples).toEqual([])
    expect(await samplesFolder(dataDir)).toEqual([])
  })

  it('go into backups as a list; files missing after a restore say so, and stray files are swept', async () => {
    const { core, dataDir } = await start()
    const sample = await core.handlers.addSampleFile(asFile('Case study.pdf', PDF))
    const exported = JSON.parse(await core.handlers.exportBackup())
    expect(exported.version).toBe(BACKUP_VERSION)
    expect(exported.data.samples).toHaveLength(1)
    await core.handlers.deleteAllRecords({ confirm: 'DELETE' })
    expect(await samplesFolder(dataDir)).toEqual([])
    await core.handlers.importBackup({ text: JSON.stringify(exported) })
    const [restored] = await core.handlers.listSamples()
    expect(restored).toMatchObject({ id: sample.id, available: false })
    await expect(core.handlers.openSample({ id: sample.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/missing from this computer/)
    })

    // A tampered backup cannot point a sample outside the samples folder.
    exported.data.samples[0].stored_name = '../../.bashrc'
    await expect(core.handlers.importBackup({ text: JSON.stringify(exported) })).rejects.toMatchObject({
      message: expect.stringMatching(/samples.*stored_name/)
    })
  })
})

describe('the desktop sample opener', () => {
  it('hands the file to the system’s app and reports a failure clearly', async () => {
    const shell = { openPath: vi.fn(async () => '') }
    const opener = createShellSampleOpener(shell)
    const file = { id: 'x', path: '/data/samples/x.pdf', fileName: 'Case.pdf', mediaType: 'application/pdf' }
    await expect(opener.open(file)).resolves.toEqual({ kind: 'opened' })
    expect(shell.openPath).toHaveBeenCalledWith('/data/samples/x.pdf')
    shell.openPath.mockResolvedValueOnce('No application is registered')
    await expect(opener.open(file)).rejects.toMatchObject({ message: 'Could not open “Case.pdf”: No application is registered' })
  })
})
