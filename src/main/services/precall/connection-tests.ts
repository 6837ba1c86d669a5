import { storedReportSchema, type ConnectionReport, type StoredReport } from '../../../shared/precall'
import type { Database } from '../database'

interface Row {
  id: number
  report: string
}

function toStored(row: Row): StoredReport | null {
  const parsed = storedReportSchema.safeParse({ ...JSON.parse(row.report), id: row.id })
  return parsed.success ? parsed.data : null
}

/** Past connection-test reports, newest first; the prep checklist and tray read the latest. */
export function createConnectionTestsService({ db }: { db: Database }) {
  return {
    async save(report: ConnectionReport): Promise<StoredReport> {
      const { lastID } = await db.run('INSERT INTO connection_tests (started_at, verdict, report) VALUES (?, ?, ?)', [
        report.startedAt,
        report.verdict,
        JSON.stringify(report)
      ])
      return { ...report, id: lastID }
    },

    async list(limit: number): Promise<StoredReport[]> {
      const rows = await db.all<Row>('SELECT id, report FROM connection_tests ORDER BY started_at DESC, id DESC LIMIT ?', [limit])
      return rows.map(toStored).filter((report): report is StoredReport => report !== null)
    }
  }
}
