import { describe, expect, it } from 'vitest'
import { toMatchQuery } from '../../../src/main/services/pipeline/search'
import { anInvitation, useCore } from '../../support/core'

const start = useCore()
const marked = (text: string) => text.replaceAll('\u0002', '[').replaceAll('\u0003', ']')

async function withInterview() {
  const context = await start()
  const item = await anInvitation(context.core, { title: 'Telehealth prototype', description: 'Video consultations with a waiting room and screen share.' }, { name: 'Priya Nair', company: 'Lotus Health', notes: 'Prefers async updates' })
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
    await core.handlers.createProposal({ interviewId, coverLetter: 'I built a WebRTC triage tool before', terms: { bidType: 'fixed', amount: 1, estimatedDuration: '' }, attachments: [] })
    expect((await core.handlers.search({ query: 'triage', limit: 10 }))[0]).toMatchObject({ kind: 'proposal', interviewId })
  })

  it('finds company research and leads to the client’s prep room, and follows edits', async () => {
    const { core, interviewId, item } = await withInterview()
    const research = { website: '', mission: 'Affordable care for rural clinics', whatTheyDo: 'Remote triage', aboutNotes: '', people: 'Dr. Okafor, CTO', notes: '' }
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
    const question = await core.handlers.createQuestion({ question: 'How do you handle scope creep?', answer: 'A written change request, priced before work starts.', tags: [] })
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
    expect(hits.map((hit) => hit.snippet.replaceAll(/[\u0002\u0003]/g, ''))).toEqual([
      `call note ${BROAD_MATCH_COUNT - 1}`,
      `call note ${BROAD_MATCH_COUNT - 2}`,
      `call note ${BROAD_MATCH_COUNT - 3}`
    ])
  }, 60_000)
})
