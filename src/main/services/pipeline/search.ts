import type { SearchResult } from '../../../shared/pipeline'
import type { Database } from '../database'

/** Marks around matched words in titles and snippets; the renderer turns them into <mark>. */
export const MATCH_START = '\u0002'
export const MATCH_END = '\u0003'

const KINDS = ['job', 'client', 'proposal', 'note'] as const

/**
 * Turns what the user typed into a safe FTS5 query: every word is quoted (so no operator
 * or stray quote can break the syntax) and matched as a prefix, all words required.
 */
export function toMatchQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? []
  if (words.length === 0) return null
  return words
    .slice(0, 12)
    .map((word) => `"${word}"*`)
    .join(' ')
}

const HIT_COLUMNS = `rowid, highlight(search_index, 0, char(2), char(3)) AS title,
    snippet(search_index, 1, char(2), char(3), '…', 18) AS snippet`
/** Ranked hits with marked titles and snippets; exported so the benchmark runs the same SQL raw. */
export const HITS_SQL = `SELECT ${HIT_COLUMNS}, rank FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?`
/**
 * Newest first: the rowid grows with each record, and FTS5 walks it backwards without sorting,
 * stopping at the page's last hit. No rank here: bm25 counts every matching row first.
 */
export const RECENT_HITS_SQL = `SELECT ${HIT_COLUMNS}, 0 AS rank FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT ?`
/**
 * Past this many matches, ranking every one costs more than it tells (a word in most
 * notes ranks nothing): such searches list the newest matches instead.
 */
export const BROAD_MATCH_COUNT = 2000
export const PROBE_SQL = `SELECT count(*) AS n FROM (SELECT 1 FROM search_index WHERE search_index MATCH ? LIMIT ${BROAD_MATCH_COUNT})`

interface HitRow {
  rowid: number
  title: string
  snippet: string
}

/** Company research and the question bank live in their own index, keyed by record id (see schema.ts). */
export const PREP_HITS_SQL = `SELECT kind, ref, rank, highlight(prep_search_index, 2, char(2), char(3)) AS title,
    snippet(prep_search_index, 3, char(2), char(3), '…', 18) AS snippet
  FROM prep_search_index WHERE prep_search_index MATCH ? ORDER BY rank LIMIT ?`

interface PrepHitRow {
  kind: 'research' | 'question'
  ref: string
  rank: number
  title: string
  snippet: string
}

interface TargetRow {
  hit: number
  id: string
  interview_id: string | null
  invitation_id: string | null
  client_name: string
}

/**
 * Where each hit leads (its record, the interview it belongs to, and the client), for a
 * page of hits in one statement: the index's rowids come in as a JSON array, each is
 * seq * 4 + kind (see schema.ts), and only those records are looked up.
 */
export const TARGETS_SQL = `WITH hit AS (SELECT value AS rowid, value / 4 AS seq, value % 4 AS kind FROM json_each(?))
  SELECT h.rowid AS hit, j.id, (SELECT i.id FROM interviews i WHERE i.job_id = j.id ORDER BY i.created_at LIMIT 1) AS interview_id,
      (SELECT v.id FROM invitations v WHERE v.job_id = j.id LIMIT 1) AS invitation_id, c.name AS client_name
    FROM hit h JOIN jobs j ON j.seq = h.seq JOIN clients c ON c.id = j.client_id WHERE h.kind = 0
  UNION ALL
  SELECT h.rowid, c.id, (SELECT i.id FROM interviews i WHERE i.client_id = c.id ORDER BY i.updated_at DESC LIMIT 1),
      NULL, c.name
    FROM hit h JOIN clients c ON c.seq = h.seq WHERE h.kind = 1
  UNION ALL
  SELECT h.rowid, p.id, (SELECT i.id FROM interviews i WHERE i.proposal_id = p.id LIMIT 1), NULL, c.name
    FROM hit h JOIN proposals p ON p.seq = h.seq JOIN jobs j ON j.id = p.job_id JOIN clients c ON c.id = j.client_id WHERE h.kind = 2
  UNION ALL
  SELECT h.rowid, n.id, n.interview_id, NULL, c.name
    FROM hit h JOIN notes n ON n.seq = h.seq JOIN interviews i ON i.id = n.interview_id JOIN clients c ON c.id = i.client_id
    WHERE h.kind = 3`

/** The research's client and the interview whose prep room shows it (the latest with that client). */
const RESEARCH_TARGET_SQL = `SELECT c.name AS client_name,
    (SELECT i.id FROM interviews i WHERE i.client_id = c.id ORDER BY i.updated_at DESC LIMIT 1) AS interview_id
  FROM clients c WHERE c.id = ?`

async function prepResults(db: Database, match: string, limit: number, ranked: boolean): Promise<(SearchResult & { rank: number })[]> {
  const hits = await db.all<PrepHitRow>(PREP_HITS_SQL, [match, limit])
  const results: (SearchResult & { rank: number })[] = []
  for (const hit of hits) {
    const common = { id: hit.ref, title: hit.title, snippet: hit.snippet, invitationId: null, ranked, rank: hit.rank }
    if (hit.kind === 'question') {
      results.push({ ...common, kind: 'question', clientName: '', interviewId: null })
      continue
    }
    const target = await db.get<{ client_name: string; interview_id: string | null }>(RESEARCH_TARGET_SQL, [hit.ref])
    if (target) results.push({ ...common, kind: 'research', clientName: target.client_name, interviewId: target.interview_id })
  }
  return results
}

export function createSearchService({ db }: { db: Database }) {
  return {
    async search(text: string, limit: number): Promise<SearchResult[]> {
      const match = toMatchQuery(text)
      if (!match) return []
      const probe = await db.get<{ n: number }>(PROBE_SQL, [match])
      const broad = (probe?.n ?? 0) >= BROAD_MATCH_COUNT
      const hits = await db.all<HitRow & { rank: number }>(broad ? RECENT_HITS_SQL : HITS_SQL, [match, limit])
      const targets = new Map<number, TargetRow>()
      if (hits.length > 0) {
        for (const row of await db.all<TargetRow>(TARGETS_SQL, [JSON.stringify(hits.map((hit) => hit.rowid))])) targets.set(row.hit, row)
      }
      const results: (SearchResult & { rank: number })[] = []
      for (const hit of hits) {
        const target = targets.get(hit.rowid)
        if (!target) continue
        results.push({
          kind: KINDS[hit.rowid % 4]!,
          id: target.id,
          title: hit.title,
          snippet: hit.snippet,
          clientName: target.client_name,
          interviewId: target.interview_id,
          invitationId: target.invitation_id,
          ranked: !broad,
          rank: hit.rank
        })
      }
      // Both indexes rank with bm25 (lower is better); broad searches keep the newest records first.
      const prep = await prepResults(db, match, limit, !broad)
      const merged = broad ? [...results, ...prep] : [...results, ...prep].sort((a, b) => a.rank - b.rank)
      return merged.slice(0, limit).map(({ rank: _rank, ...result }) => result)
    }
  }
}
