// The pipeline at scale: 10,000 interviews and 100,000 notes. The filtered interview list
// and a full-text search, each through the app's own call path (contract parsing, services,
// result checking), beside the same SQL on a raw sqlite3 handle to the same file.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sqlite3 from 'sqlite3'
import { createCore } from '../src/main/core'
import { dispatch } from '../src/main/rpc'
import { listQuery } from '../src/main/services/pipeline/interviews'
import {
  BROAD_MATCH_COUNT,
  HITS_SQL,
  PREP_HITS_SQL,
  PROBE_SQL,
  RECENT_HITS_SQL,
  TARGETS_SQL,
  toMatchQuery
} from '../src/main/services/pipeline/search'
import { INTERVIEW_STATUSES } from '../src/shared/pipeline'
import { interviewFilterSchema } from '../src/shared/pipeline'

const INTERVIEWS = 10_000
const NOTES = 100_000
const CLIENTS = 800
const RUNS = 200

const DOMAIN_WORDS = (
  'react typescript dashboard churn cohort retention invoice electron sqlite webrtc latency budget deadline ' +
  'milestone refactor migrate kubernetes terraform figma onboarding analytics stripe billing checkout mobile ' +
  'android swift kotlin design review scope estimate proposal sample prototype accessibility performance ' +
  'security audit logging search ranking pipeline scheduler reminder calendar timezone availability client'
).split(' ')

let seed = 42
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!

// Text that behaves like text: a 4,000-word vocabulary drawn with Zipf's law, so a few words
// are everywhere and most are rare. The domain words sit at middling ranks (300-350), as a
// specific term in real notes does.
const SYLLABLES = 'ka lo mi ne ru sa ti vo be da fe gi ho ju ly pa qu re so tu'.split(' ')
const VOCABULARY = Array.from({ length: 4000 }, (_, rank) => {
  let word = ''
  for (let n = rank + 1; n > 0; n = Math.floor(n / SYLLABLES.length)) word += SYLLABLES[n % SYLLABLES.length]
  return word
})
DOMAIN_WORDS.forEach((word, index) => (VOCABULARY[300 + index] = word))
const CUMULATIVE = (() => {
  let total = 0
  return VOCABULARY.map((_, rank) => (total += 1 / (rank + 1) ** 1.07))
})()
function zipfWord(): string {
  const target = random() * CUMULATIVE[CUMULATIVE.length - 1]!
  let low = 0
  let high = CUMULATIVE.length - 1
  while (low < high) {
    const middle = (low + high) >> 1
    if (CUMULATIVE[middle]! < target) low = middle + 1
    else high = middle
  }
  return VOCABULARY[low]!
}
const sentence = (words: number) => Array.from({ length: words }, zipfWord).join(' ')

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

async function time(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 10; i++) await work() // warm the page cache and statement paths
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await work()
    times.push(performance.now() - start)
  }
  return times
}

function report(name: string, value: number, baseline: number): void {
  const round = (n: number) => Math.round(n * 1000) / 1000
  console.log(JSON.stringify({ name, value: round(value), unit: 'ms', baseline: round(baseline), ratio: round(value / baseline) }))
}

export async function benchPipeline(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'greenroom-bench-pipeline-'))
  const core = await createCore({ dataDir, mode: 'browser', version: 'bench' })
  const raw = new sqlite3.Database(core.databaseFile)
  const rawAll = (sql: string, params: unknown[]) =>
    new Promise<unknown[]>((resolve, reject) => raw.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows))))
  try {
    const fill = new sqlite3.Database(core.databaseFile)
    const run = (sql: string, params: unknown[] = []) =>
      new Promise<void>((resolve, reject) => fill.run(sql, params, (error) => (error ? reject(error) : resolve())))
    const start = Date.parse('2025-01-01T00:00:00Z')
    const instant = (offsetHours: number) => new Date(start + offsetHours * 3_600_000).toISOString()
    await run('BEGIN')
    const clientIds = Array.from({ length: CLIENTS }, () => randomUUID())
    for (const [index, id] of clientIds.entries()) {
      await run('INSERT INTO clients (id, name, company, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
        id,
        `Client ${index}`,
        `Company ${index}`,
        instant(0),
        instant(0)
      ])
    }
    const interviewIds: string[] = []
    for (let i = 0; i < INTERVIEWS; i++) {
      const clientId = pick(clientIds)
      const jobId = randomUUID()
      const id = randomUUID()
      interviewIds.push(id)
      await run("INSERT INTO jobs (id, client_id, title, description, budget_type, created_at) VALUES (?, ?, ?, ?, 'hourly', ?)", [
        jobId,
        clientId,
        sentence(4),
        sentence(60),
        instant(i)
      ])
      await run(
        `INSERT INTO interviews (id, client_id, job_id, title, scenario, type, channel, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'more_info', 'call', 'marketplace', ?, ?, ?)`,
        [id, clientId, jobId, sentence(4), pick(INTERVIEW_STATUSES), instant(i), instant(i + random() * 500)]
      )
    }
    for (let i = 0; i < NOTES; i++) {
      await run('INSERT INTO notes (id, interview_id, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
        randomUUID(),
        interviewIds[i % INTERVIEWS],
        sentence(25),
        instant(i / 10),
        instant(i / 10)
      ])
    }
    await run('COMMIT')
    await run('ANALYZE')
    await new Promise<void>((resolve) => fill.close(() => resolve()))

    const filter = interviewFilterSchema.parse({ statuses: ['scheduled', 'done'], limit: 200 })
    const { sql: listSql, params: listParams } = listQuery(filter)
    const app = await time(RUNS, () => dispatch(core.handlers, 'listInterviews', { statuses: ['scheduled', 'done'], limit: 200 }))
    const rawList = await time(RUNS, () => rawAll(listSql, listParams))
    report(
      `pipeline: filtered interview list, 200 of ${INTERVIEWS} (baseline: same SQL on raw sqlite3), p50`,
      percentile(app, 50),
      percentile(rawList, 50)
    )
    report(
      `pipeline: filtered interview list, 200 of ${INTERVIEWS} (baseline: same SQL on raw sqlite3), p95`,
      percentile(app, 95),
      percentile(rawList, 95)
    )

    // A specific term, and the most common word of the corpus (the worst case: it is in most rows).
    const common = VOCABULARY[0]!
    for (const [label, query] of [
      ['the term "cohort"', 'cohort'],
      [`the corpus's most common word`, common]
    ] as const) {
      const matching = (
        (await rawAll('SELECT count(*) AS n FROM search_index WHERE search_index MATCH ?', [toMatchQuery(query)])) as { n: number }[]
      )[0]!.n
      const searchApp = await time(RUNS, () => dispatch(core.handlers, 'search', { query, limit: 30 }))
      const match = toMatchQuery(query)
      // The same statements the service runs, on the raw handle: the probe, a page of hits,
      // where those hits lead, and the prep index.
      const searchRaw = await time(RUNS, async () => {
        const [probe] = (await rawAll(PROBE_SQL, [match])) as { n: number }[]
        const hits = (await rawAll(probe!.n >= BROAD_MATCH_COUNT ? RECENT_HITS_SQL : HITS_SQL, [match, 30])) as { rowid: number }[]
        await rawAll(TARGETS_SQL, [JSON.stringify(hits.map((hit) => hit.rowid))])
        return rawAll(PREP_HITS_SQL, [match, 30])
      })
      const name = `pipeline: search for ${label} (${matching} of ${NOTES + INTERVIEWS + CLIENTS} documents match), 30 hits (baseline: same FTS5 statements on raw sqlite3)`
      report(`${name}, p50`, percentile(searchApp, 50), percentile(searchRaw, 50))
      report(`${name}, p95`, percentile(searchApp, 95), percentile(searchRaw, 95))
    }
  } finally {
    await new Promise<void>((resolve) => raw.close(() => resolve()))
    await core.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
