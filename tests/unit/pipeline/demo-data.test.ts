import { describe, expect, it } from 'vitest'
import { DEMO_PROFILE_NAME } from '../../../src/main/services/pipeline/demo-data'
import { CHANNELS, INTERVIEW_TYPES, SCENARIOS } from '../../../src/shared/pipeline'
import { STARTER_QUESTIONS } from '../../../src/shared/prep'
import { useCore } from '../../support/core'

const start = useCore()

async function withDemoData() {
  const context = await start()
  await context.core.handlers.loadDemoData()
  const interviews = await context.core.handlers.listInterviews({ limit: 100 })
  const byClient = (name: string) => interviews.find((interview) => interview.clientName === name)!
  return { ...context, interviews, byClient }
}

describe('demo data, for a first look at every part of the app', () => {
  it('gives the freelancer a name, but keeps one the user already set', async () => {
    const { core } = await withDemoData()
    expect((await core.handlers.getSettings()).userName).toBe(DEMO_PROFILE_NAME)

    const own = await start()
    await own.core.handlers.updateSettings({ userName: 'Ana Lima' })
    await own.core.handlers.loadDemoData()
    expect((await own.core.handlers.getSettings()).userName).toBe('Ana Lima')
  })

  it('has interviews of every scenario, type and channel', async () => {
    const { interviews } = await withDemoData()
    expect(new Set(interviews.map((interview) => interview.scenario))).toEqual(new Set(Object.keys(SCENARIOS)))
    expect(new Set(interviews.map((interview) => interview.type))).toEqual(new Set(Object.keys(INTERVIEW_TYPES)))
    expect(new Set(interviews.map((interview) => interview.channel))).toEqual(new Set(Object.keys(CHANNELS)))
    const sampleTasks = interviews.filter((interview) => interview.type !== 'call')
    expect(sampleTasks.every((interview) => interview.sampleTask.instructions.length > 0)).toBe(true)
    const linked = interviews.filter((interview) => interview.channel === 'zoom' || interview.channel === 'other')
    expect(linked.every((interview) => /^https:\/\//.test(interview.channelLink))).toBe(true)
  })

  it('fills the samples and the question bank: the starter set and a question of the user’s own', async () => {
    const { core } = await withDemoData()
    const samples = await core.handlers.listSamples()
    expect(samples.length).toBeGreaterThanOrEqual(3)
    expect(samples.every((sample) => sample.kind === 'link' && sample.proves.length > 0 && sample.available)).toBe(true)
    const questions = await core.handlers.listQuestions()
    expect(questions).toHaveLength(STARTER_QUESTIONS.length + 1)
    expect(
      questions.some(
        (question) => !STARTER_QUESTIONS.some((starter) => starter.question === question.question) && question.answer.length > 0
      )
    ).toBe(true)
  })

  it('keeps past calls with what was measured and the rating given', async () => {
    const { core, byClient } = await withDemoData()
    const [call] = await core.handlers.listCalls({ interviewId: byClient('Maya Chen').id })
    expect(call).toMatchObject({ rating: 4, issues: ['echo'], measurements: { mos: 4.3, samples: 288 } })
    expect(call!.durationSeconds).toBe(24 * 60)
    expect(Date.parse(call!.ratedAt!)).toBeGreaterThan(Date.parse(call!.endedAt))
    // The weaker call left the hard question to follow up on.
    const room = await core.handlers.getPrepRoom({ interviewId: byClient('Tom Okafor').id })
    expect((await core.handlers.listCalls({ interviewId: byClient('Tom Okafor').id }))[0]).toMatchObject({ rating: 3 })
    expect(room.followUps).toMatchObject([
      { text: 'Send a considered answer to “How did you arrive at your rate or estimate?”', doneAt: null }
    ])
  })

  it('has the upcoming call’s prep room in use: habits ticked, research, notes, samples and likely questions', async () => {
    const { core, byClient } = await withDemoData()
    const upcoming = byClient('Liam Murphy')
    expect(upcoming.status).toBe('scheduled')
    const room = await core.handlers.getPrepRoom({ interviewId: upcoming.id })
    expect(room.checklist.filter((item) => item.done).map((item) => item.kind)).toEqual(['reread_post', 'research', 'take_notes'])
    expect(room.research.website).toBe('https://northwind.example')
    expect(room.notes.body).toMatch(/^# Northwind lobby call/)
    expect(room.samples.map((sample) => sample.title)).toContain('Realtime game lobby: load test write-up')
    expect(room.questions.map((picked) => picked.question.question)).toContain('What’s your availability?')
  })
})
