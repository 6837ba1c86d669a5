import type { DataCounts } from '../../../shared/backup-archive'
import type { SqlRunner } from '../database'
import type { SampleStore } from '../prep/sample-files'

/** Counts what "delete all data" would remove, files on disk included, so its dialog can say exactly that. */
export async function countData(sql: SqlRunner, store: SampleStore): Promise<DataCounts> {
  const count = async (table: string): Promise<number> => (await sql.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n
  const files = await sql.all<{ stored_name: string; size_bytes: number }>(
    "SELECT stored_name, size_bytes FROM samples WHERE kind = 'file'"
  )
  let sampleFiles = 0
  let sampleFileBytes = 0
  for (const file of files) {
    if (!(await store.exists(file.stored_name))) continue
    sampleFiles++
    sampleFileBytes += file.size_bytes
  }
  return {
    interviews: await count('interviews'),
    clients: await count('clients'),
    invitations: await count('invitations'),
    proposals: await count('proposals'),
    offers: await count('offers'),
    notes: await count('notes'),
    questions: await count('questions'),
    samples: await count('samples'),
    sampleFiles,
    sampleFileBytes,
    samplesFolder: store.folder,
    calls: await count('calls'),
    connectionTests: await count('connection_tests')
  }
}
