import type { DataCounts, ImportSummary } from '@shared/backup-archive'
import { formatBytes } from '@shared/prep'

const counted = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`

function listed(parts: string[]): string {
  if (parts.length <= 1) return parts.join('')
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
}

/** "3 samples with 2 files (1.1 MB)": what the samples amount to, files on this computer counted. */
export function describeSamples(samples: number, files: number, bytes: number): string {
  if (files === 0) return counted(samples, 'sample')
  return `${counted(samples, 'sample')} with ${counted(files, 'file')} (${formatBytes(bytes, 1)})`
}

/** The delete dialog's list of what goes, biggest things first, zero counts left out. */
export function describeWhatGoes(counts: DataCounts): string | null {
  const parts = [
    counts.interviews && counted(counts.interviews, 'interview'),
    counts.clients && counted(counts.clients, 'client'),
    counts.invitations && counted(counts.invitations, 'invitation'),
    counts.proposals && counted(counts.proposals, 'proposal'),
    counts.offers && counted(counts.offers, 'offer'),
    counts.notes && counted(counts.notes, 'note'),
    counts.questions && counted(counts.questions, 'question'),
    counts.samples &&
      `${describeSamples(counts.samples, counts.sampleFiles, counts.sampleFileBytes)}${counts.sampleFiles ? ` in ${counts.samplesFolder}` : ''}`,
    counts.calls && counted(counts.calls, 'call'),
    counts.connectionTests && counted(counts.connectionTests, 'connection test result')
  ].filter((part): part is string => Boolean(part))
  return parts.length ? listed(parts) : null
}

/** "Backup imported: 9 clients, 5 interviews, 9 invitations, 6 notes and 3 samples with 2 files (1.1 MB)". */
export function describeImport(summary: ImportSummary): string {
  const parts = [
    counted(summary.clients, 'client'),
    counted(summary.interviews, 'interview'),
    counted(summary.invitations, 'invitation'),
    counted(summary.notes, 'note'),
    describeSamples(summary.samples, summary.sampleFiles, summary.sampleFileBytes)
  ]
  return `Backup imported: ${listed(parts)}`
}
