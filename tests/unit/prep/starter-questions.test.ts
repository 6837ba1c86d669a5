import { describe, expect, it } from 'vitest'
import { holdsStarterPrompt, STARTER_QUESTIONS } from '../../../src/shared/prep'
import { useCore } from '../../support/core'

const start = useCore()

describe('the starter questions an empty bank offers', () => {
  it('are the 10 to 15 questions clients ask most in freelance interviews, each with a prompt for the answer', () => {
    expect(STARTER_QUESTIONS.length).toBeGreaterThanOrEqual(10)
    expect(STARTER_QUESTIONS.length).toBeLessThanOrEqual(15)
    const wordings = STARTER_QUESTIONS.map((starter) => starter.question).join('\n')
    for (const topic of [
      /similar project/i,
      /availability/i,
      /approach/i,
      /rate|budget/i,
      /how long/i,
      /keep us updated/i,
      /scope changes/i
    ])
      expect(wordings).toMatch(topic)
    for (const starter of STARTER_QUESTIONS) {
      expect(starter.answer).toMatch(/^Prompt: .{40,}/)
      expect(starter.tags.length).toBeGreaterThan(0)
    }
    expect(new Set(STARTER_QUESTIONS.map((starter) => starter.question.toLowerCase())).size).toBe(STARTER_QUESTIONS.length)
  })

  it('go in with one call, and each is then the user’s to edit', async () => {
    const { core } = await start()
    const added = await core.handlers.addStarterQuestions()
    expect(added.map((question) => question.question).sort()).toEqual(STARTER_QUESTIONS.map((starter) => starter.question).sort())
    const availability = added.find((question) => question.question === 'What’s your availability?')!
    expect(holdsStarterPrompt(availability)).toBe(true)
    const edited = await core.handlers.updateQuestion({
      id: availability.id,
      fields: { question: availability.question, answer: '25 hours a week, 9–13 your time.', tags: ['availability'] }
    })
    expect(edited.answer).toBe('25 hours a week, 9–13 your time.')
    expect(holdsStarterPrompt(edited)).toBe(false)
  })
})
