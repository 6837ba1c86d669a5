import { describe, expect, it } from 'vitest'
import type { Core } from '../../../src/main/core'
import { anInvitation, useCore } from '../../support/core'

const start = useCore()

async function setUp(core: Core) {
  const item = await anInvitation(core)
  const interviewId = (await core.handlers.acceptInvitation({ id: item.invitation.id, message: '', terms: null })).invitation.interviewId!
  const question = await core.handlers.createQuestion({
    question: 'Why is your rate higher than others?',
    answer: 'Fewer revisions, faster delivery.',
    tags: ['money']
  })
  await core.handlers.pickQuestion({ interviewId, questionId: question.id })
  return { interviewId, question }
}

describe('question follow-ups', () => {
  it('marking a question “couldn’t answer well” adds one follow-up to the interview', async () => {
    const { core } = await start()
    const { interviewId, question } = await setUp(core)
    const room = await core.handlers.markQuestion({ interviewId, questionId: question.id, couldntAnswer: true })
    expect(room.questions).toMatchObject([{ question: { id: question.id }, struggledAt: '2026-11-02T09:00:00.000Z' }])
    expect(room.followUps).toMatchObject([
      { interviewId, questionId: question.id, text: 'Send a considered answer to “Why is your rate higher than others?”', doneAt: null }
    ])
    const again = await core.handlers.markQuestion({ interviewId, questionId: question.id, couldntAnswer: true })
    expect(again.followUps).toHaveLength(1)
  })

  it('clearing the mark removes an open follow-up; a done one stays as a record', async () => {
    const { core } = await start()
    const { interviewId, question } = await setUp(core)
    await core.handlers.markQuestion({ interviewId, questionId: question.id, couldntAnswer: true })
    let room = await core.handlers.markQuestion({ interviewId, questionId: question.id, couldntAnswer: false })
    expect(room.followUps).toEqual([])
    expect(room.questions[0]!.struggledAt).toBeNull()

    room = await core.handlers.markQuestion({ interviewId, questionId: question.id, couldntAnswer: true })
    room = await core.handlers.setFollowUpDone({ id: room.followUps[0]!.id, done: true })
    expect(room.followUps[0]!.doneAt).not.toBeNull()
    room = await core.handlers.markQuestion({ interviewId, questionId: question.id, couldntAnswer: false })
    expect(room.followUps).toHaveLength(1)
  })

  it('only questions picked for the interview can be marked', async () => {
    const { core } = await start()
    const { interviewId } = await setUp(core)
    const other = await core.handlers.createQuestion({ question: 'Can you start Monday?', answer: '', tags: [] })
    await expect(core.handlers.markQuestion({ interviewId, questionId: other.id, couldntAnswer: true })).rejects.toMatchObject({
      code: 'CONFLICT'
    })
    expect((await core.handlers.getPrepRoom({ interviewId })).followUps).toEqual([])
  })

  it('keep their text when the question leaves the bank', async () => {
    const { core } = await start()
    const { interviewId, question } = await setUp(core)
    await core.handlers.markQuestion({ interviewId, questionId: question.id, couldntAnswer: true })
    await core.handlers.deleteQuestion({ id: question.id })
    const room = await core.handlers.getPrepRoom({ interviewId })
    expect(room.questions).toEqual([])
    expect(room.followUps).toMatchObject([{ questionId: null, text: expect.stringContaining('Why is your rate') }])
  })

  it('unpicking a question takes its open follow-up with it', async () => {
    const { core } = await start()
    const { interviewId, question } = await setUp(core)
    await core.handlers.markQuestion({ interviewId, questionId: question.id, couldntAnswer: true })
    const room = await core.handlers.unpickQuestion({ interviewId, questionId: question.id })
    expect(room.questions).toEqual([])
    expect(room.followUps).toEqual([])
  })
})

describe('the question bank', () => {
  it('offers the starter questions once', async () => {
    const { core } = await start()
    const added = await core.handlers.addStarterQuestions()
    expect(added.length).toBeGreaterThanOrEqual(5)
    expect(await core.handlers.addStarterQuestions()).toEqual([])
    expect(await core.handlers.listQuestions()).toHaveLength(added.length)
  })

  it('goes into backups with picks and follow-ups, and an older backup still imports', async () => {
    const { core } = await start()
    const { interviewId, question } = await setUp(core)
    await core.handlers.markQuestion({ interviewId, questionId: question.id, couldntAnswer: true })
    const exported = await core.handlers.exportBackup()
    await core.handlers.deleteAllRecords({ confirm: 'DELETE' })
    await core.handlers.importBackup({ text: exported })
    expect((await core.handlers.getPrepRoom({ interviewId })).followUps).toHaveLength(1)

    const older = JSON.parse(exported)
    older.version = 2
    for (const table of [
      'prep_rooms',
      'checklist_items',
      'client_research',
      'samples',
      'interview_samples',
      'questions',
      'interview_questions',
      'follow_ups'
    ]) {
      delete older.data[table]
    }
    await core.handlers.importBackup({ text: JSON.stringify(older) })
    expect(await core.handlers.listQuestions()).toEqual([])
    expect((await core.handlers.getPrepRoom({ interviewId })).checklist).toHaveLength(7)
  })
})
