import { describe, expect, it } from 'vitest'
import { describeImport, describeWhatGoes } from '../../src/renderer/src/features/settings/data-counts-text'
import type { DataCounts } from '../../src/shared/backup-archive'

const nothing: DataCounts = {
  interviews: 0,
  clients: 0,
  invitations: 0,
  proposals: 0,
  offers: 0,
  notes: 0,
  questions: 0,
  samples: 0,
  sampleFiles: 0,
  sampleFileBytes: 0,
  samplesFolder: '/home/ana/.config/Greenroom/samples',
  calls: 0,
  connectionTests: 0
}

describe('what delete all removes, in words', () => {
  it('names every kind of record with its count and where the sample files are', () => {
    expect(
      describeWhatGoes({
        ...nothing,
        interviews: 5,
        clients: 9,
        invitations: 1,
        notes: 6,
        samples: 3,
        sampleFiles: 2,
        sampleFileBytes: 4.2 * 1024 * 1024,
        calls: 1,
        connectionTests: 2
      })
    ).toBe(
      '5 interviews, 9 clients, 1 invitation, 6 notes, 3 samples with 2 files (4.2 MB) in /home/ana/.config/Greenroom/samples, 1 call and 2 connection test results'
    )
  })

  it('leaves out what there is none of, and says so when there is nothing at all', () => {
    expect(describeWhatGoes({ ...nothing, clients: 1 })).toBe('1 client')
    expect(describeWhatGoes({ ...nothing, samples: 2 })).toBe('2 samples')
    expect(describeWhatGoes(nothing)).toBeNull()
  })

  it('sums up an import, sample files included', () => {
    expect(describeImport({ clients: 9, interviews: 5, invitations: 9, notes: 6, samples: 1, sampleFiles: 1, sampleFileBytes: 81 })).toBe(
      'Backup imported: 9 clients, 5 interviews, 9 invitations, 6 notes and 1 sample with 1 file (81 B)'
    )
  })
})
