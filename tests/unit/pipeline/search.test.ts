import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/services/database'
import { migrate } from '../../../src/main/services/migrations'
import { createSearchService, toMatchQuery } from '../../../src/main/services/pipeline/search'
import { migrations } from '../../../src/main/services/schema'
import { anInvitation, useCore } from '../../support/core'
import { useTempDirs } from '../../support/temp-dir'

const start = useCore()
const marked = (text: string) => text.replaceAll('\u0002', '[').replaceAll('\u0003', ']')

async function withInterview() {
  const context = await start()
  const item = await anInvitation(
    context.core,
    { title: 'Telehealth prototype', description: 'Video consultations with a waiting room and screen share.' },
    { name: 'Priya Nair', company: 'Lotus Health', notes: 'Prefers async updates' }
  )
  const accepted = await context.core.handlers.acceptInvitation({ id: item.invitation.id, message: '', terms: null })
  return { ...context, item, interviewId: accepted.invitation.interviewId! }
}

describe('search', () => {
  it('finds a word from a job description, highlighted, and leads to its interview', async () => {
    const { core, interviewId } = await withInterview()
    const [hit] = await core.handlers.search({ query: 'waiting', limit: 10 })
    expect(hit).toMatchObject({ kind: 'job', clientName: 'Priya Nair', interviewId, ranked: true })
    expect(marked(hit!.snippet)).toContain('[waiting] room')
  })

  it('matches word beginnings, ignores accents and case, and needs every word', async () => {
    const { core } = await withInterview()
    expect(await core.handlers.search({ query: 'CONSULT', limit: 10 })).toHaveLength(1)
    expect(await core.handlers.search({ query: 'vídeo screen', limit: 10 })).toHaveLength(1)
    expect(await core.handlers.search({ query: 'video blockchain', limit: 10 })).toHaveLength(0)
  })

  it('finds clients, notes and proposals, and forgets what was deleted', async () => {
    const { core, interviewId } = await withInterview()
    expect((await core.handlers.search({ query: 'lotus', limit: 10 }))[0]).toMatchObject({ kind: 'client' })
    expect((await core.handlers.search({ query: 'async', limit: 10 }))[0]).toMatchObject({ kind: 'client' })
    const note = await core.handlers.addNote({ interviewId, body: 'Ask about HIPAA audit logging' })
    expect((await core.handlers.search({ query: 'hipaa', limit: 10 }))[0]).toMatchObject({ kind: 'note', interviewId })
    await core.handlers.updateNote({ id: note.id, body: 'Ask about retention' })
    expect(await core.handlers.search({ query: 'hipaa', limit: 10 })).toEqual([])
    expect(await core.handlers.search({ query: 'retention', limit: 10 })).toHaveLength(1)
    await core.handlers.deleteNote({ id: note.id })
    expect(await core.handlers.search({ query: 'retention', limit: 10 })).toEqual([])
    await core.handlers.createProposal({
      interviewId,
      coverLetter: 'I built a WebRTC triage tool before',
      terms: { bidType: 'fixed', amount: 1, estimatedDuration: '' },
      attachments: []
    })
    expect((await core.handlers.search({ query: 'triage', limit: 10 }))[0]).toMatchObject({ kind: 'proposal', interviewId })
  })

  it('finds company research and leads to the client’s prep room, and follows edits', async () => {
    const { core, interviewId, item } = await withInterview()
    const research = {
      website: '',
      mission: 'Affordable care for rural clinics',
      whatTheyDo: 'Remote triage',
      aboutNotes: '',
      people: 'Dr. Okafor, CTO',
      notes: ''
    }
    await core.handlers.saveResearch({ clientId: item.client.id, fields: research })
    const [hit] = await core.handlers.search({ query: 'rural clinics', limit: 10 })
    expect(hit).toMatchObject({ kind: 'research', id: item.client.id, clientName: 'Priya Nair', interviewId })
    expect(marked(hit!.snippet)).toContain('[rural] [clinics]')
    expect((await core.handlers.search({ query: 'okafor', limit: 10 }))[0]).toMatchObject({ kind: 'research' })

    await core.handlers.saveResearch({ clientId: item.client.id, fields: { ...research, mission: 'Care for city hospitals' } })
    expect(await core.handlers.search({ query: 'rural', limit: 10 })).toEqual([])
    expect(await core.handlers.search({ query: 'hospitals', limit: 10 })).toHaveLength(1)
  })

  it('finds a question from the question bank by its question or its answer, until it is deleted', async () => {
    const { core } = await withInterview()
    const question = await core.handlers.createQuestion({
      question: 'How do you handle scope creep?',
      answer: 'A written change request, priced before work starts.',
      tags: []
    })
    const [byQuestion] = await core.handlers.search({ query: 'scope creep', limit: 10 })
    expect(byQuestion).toMatchObject({ kind: 'question', id: question.id, interviewId: null })
    expect(marked(byQuestion!.title)).toBe('How do you handle [scope] [creep]?')
    expect((await core.handlers.search({ query: 'change request', limit: 10 }))[0]).toMatchObject({ kind: 'question', id: question.id })

    await core.handlers.updateQuestion({ id: question.id, fields: { question: 'Your rate?', answer: 'Fixed per milestone.', tags: [] } })
    expect(await core.handlers.search({ query: 'scope', limit: 10 })).toEqual([])
    expect(await core.handlers.search({ query: 'milestone', limit: 10 })).toHaveLength(1)
    await core.handlers.deleteQuestion({ id: question.id })
    expect(await core.handlers.search({ query: 'milestone', limit: 10 })).toEqual([])
  })

  it('leads every kind of hit in one page to its own record: job, client, proposal and note', async () => {
    const { core, interviewId, item } = await withInterview()
    await core.handlers.updateJob({ id: item.job.id, fields: { ...item.job, description: 'Zephyr onboarding flow' } })
    await core.handlers.updateClient({ id: item.client.id, fields: { ...item.client, notes: 'Met at the Zephyr meetup' } })
    const note = await core.handlers.addNote({ interviewId, body: 'Zephyr budget is fixed' })
    const proposal = await core.handlers.createProposal({
      interviewId,
      coverLetter: 'Zephyr, shipped in two weeks',
      terms: { bidType: 'fixed', amount: 1, estimatedDuration: '' },
      attachments: []
    })
    const hits = await core.handlers.search({ query: 'zephyr', limit: 10 })
    const byKind = Object.fromEntries(
      hits.map((hit) => [hit.kind, { id: hit.id, interviewId: hit.interviewId, clientName: hit.clientName }])
    )
    expect(byKind).toEqual({
      job: { id: item.job.id, interviewId, clientName: 'Priya Nair' },
      client: { id: item.client.id, interviewId, clientName: 'Priya Nair' },
      note: { id: note.id, interviewId, clientName: 'Priya Nair' },
      proposal: { id: proposal.id, interviewId, clientName: 'Priya Nair' }
    })
  })

  it('matches a word from its first letter on', async () => {
    const { core } = await withInterview()
    for (const query of ['t', 'te', 'tel', 'tele', 'telehealth']) {
      expect(
        (await core.handlers.search({ query, limit: 10 })).map((hit) => hit.kind),
        query
      ).toContain('job')
    }
    expect(await core.handlers.search({ query: 'tx', limit: 10 })).toEqual([])
  })

  it('ranks research, questions and pipeline records together and keeps to the limit', async () => {
    const { core } = await withInterview()
    await core.handlers.createQuestion({ question: 'Walk me through a telehealth project', answer: '', tags: [] })
    const hits = await core.handlers.search({ query: 'telehealth', limit: 10 })
    expect(hits.map((hit) => hit.kind).sort()).toEqual(['job', 'question'])
    expect(await core.handlers.search({ query: 'telehealth', limit: 1 })).toHaveLength(1)
  })

  it('re-indexes an edited job post', async () => {
    const { core, item } = await withInterview()
    await core.handlers.updateJob({ id: item.job.id, fields: { ...item.job, description: 'Now about billing' } })
    expect(await core.handlers.search({ query: 'waiting', limit: 10 })).toEqual([])
    expect(await core.handlers.search({ query: 'billing', limit: 10 })).toHaveLength(1)
  })

  it('treats search syntax in what the user types as plain words', async () => {
    const { core } = await withInterview()
    for (const query of ['"', 'video OR', 'NEAR(video', 'video*', 'title:video', '-video', '((', '']) {
      await expect(core.handlers.search({ query, limit: 10 }), query).resolves.toBeInstanceOf(Array)
    }
    expect(toMatchQuery('title:video "room')).toBe('"title"* "video"* "room"*')
    expect(toMatchQuery('  -- ')).toBeNull()
  })
})

describe('a search for a word in most records', () => {
  it('lists the newest matches instead of ranking them all', async () => {
    const { core } = await start()
    const { BROAD_MATCH_COUNT } = await import('../../../src/main/services/pipeline/search')
    const item = await anInvitation(core)
    const interviewId = (await core.handlers.acceptInvitation({ id: item.invitation.id, message: '', terms: null })).invitation.interviewId!
    for (let i = 0; i < BROAD_MATCH_COUNT; i++) await core.handlers.addNote({ interviewId, body: `call note ${i}` })
    const hits = await core.handlers.search({ query: 'call note', limit: 3 })
    expect(hits.every((hit) => !hit.ranked)).toBe(true)
    // eslint-disable-next-line no-control-regex -- \u0002 and \u0003 are the snippet's match markers
    expect(hits.map((hit) => hit.snippet.replaceAll(/[\u0002\u0003]/g, ''))).toEqual([
      `call note ${BROAD_MATCH_COUNT - 1}`,
      `call note ${BROAD_MATCH_COUNT - 2}`,
      `call note ${BROAD_MATCH_COUNT - 3}`
    ])
  }, 60_000)

  it('also pages newest first through the beginning of a word, so the first letters typed answer at once', async () => {
    const { core } = await start()
    const { BROAD_MATCH_COUNT } = await import('../../../src/main/services/pipeline/search')
    const item = await anInvitation(core)
    const interviewId = (await core.handlers.acceptInvitation({ id: item.invitation.id, message: '', terms: null })).invitation.interviewId!
    for (let i = 0; i < BROAD_MATCH_COUNT + 5; i++) await core.handlers.addNote({ interviewId, body: `callback ${i}` })
    const hits = await core.handlers.search({ query: 'ca', limit: 2 })
    // The snippet marks a hit with the control characters \u0002 and \u0003, which the test takes out.
    // eslint-disable-next-line no-control-regex
    expect(hits.map((hit) => ({ kind: hit.kind, ranked: hit.ranked, text: hit.snippet.replaceAll(/[\u0002\u0003]/g, '') }))).toEqual([
      { kind: 'note', ranked: false, text: `callback ${BROAD_MATCH_COUNT + 4}` },
      { kind: 'note', ranked: false, text: `callback ${BROAD_MATCH_COUNT + 3}` }
    ])
  }, 60_000)
})

const tempDir = useTempDirs()

describe('migration 13: word beginnings get an index of their own', () => {
  it('re-indexes every record already there, and the triggers keep it current afterwards', async () => {
    const dir = await tempDir()
    const db = await openDatabase(join(dir, 'g.db'))
    const before = migrations.findIndex((step) => step.name === 'search word beginnings from an index')
    await migrate(db, migrations.slice(0, before), () => '')
    const now = '2026-11-30T10:00:00.000Z'
    await db.run(
      `INSERT INTO clients (id, name, company, notes, created_at, updated_at) VALUES ('c1', 'Maya Chen', 'Quartz Labs', '', ?, ?)`,
      [now, now]
    )
    await db.run(
      `INSERT INTO interviews (id, client_id, title, scenario, type, channel, status, created_at, updated_at)
       VALUES ('i1', 'c1', 'Landing page', 'more_info', 'call', 'zoom', 'scheduled', ?, ?)`,
      [now, now]
    )
    await db.run(
      `INSERT INTO notes (id, interview_id, body, created_at, updated_at) VALUES ('n1', 'i1', 'ask about the headless CMS', ?, ?)`,
      [now, now]
    )
    await db.run(
      `INSERT INTO questions (id, question, answer, tags, created_at, updated_at) VALUES ('q1', 'Hourly or fixed?', 'Fixed', '[]', ?, ?)`,
      [now, now]
    )

    await migrate(db, migrations, (from) => join(dir, `backup-v${from}.db`))
    const search = createSearchService({ db })
    expect((await search.search('headl', 10)).map((hit) => [hit.kind, hit.id, hit.interviewId])).toEqual([['note', 'n1', 'i1']])
    expect((await search.search('quar', 10)).map((hit) => [hit.kind, hit.id])).toEqual([['client', 'c1']])
    expect((await search.search('hourl', 10)).map((hit) => [hit.kind, hit.id])).toEqual([['question', 'q1']])
    await db.run("UPDATE notes SET body = 'ask about pricing' WHERE id = 'n1'")
    expect(await search.search('headl', 10)).toEqual([])
    expect((await search.search('pri', 10)).map((hit) => hit.id)).toEqual(['n1'])
    await db.close()
  })
})
