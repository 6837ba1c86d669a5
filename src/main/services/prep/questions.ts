import { ApiError } from '../../../shared/errors'
import {
  followUpText,
  STARTER_QUESTIONS,
  type FollowUp,
  type PickedQuestion,
  type Question,
  type QuestionFields
} from '../../../shared/prep'
import type { Clock } from '../../../shared/time-source'
import type { Database, SqlRunner } from '../database'
import { newId } from '../pipeline/records'

interface QuestionRow {
  id: string
  question: string
  answer: string
  tags: string
  created_at: string
  updated_at: string
}

interface FollowUpRow {
  id: string
  interview_id: string
  question_id: string | null
  text: string
  done_at: string | null
  created_at: string
}

const toQuestion = (row: QuestionRow): Question => ({
  id: row.id,
  question: row.question,
  answer: row.answer,
  tags: JSON.parse(row.tags) as string[],
  createdAt: row.created_at,
  updatedAt: row.updated_at
})

const toFollowUp = (row: FollowUpRow): FollowUp => ({
  id: row.id,
  interviewId: row.interview_id,
  questionId: row.question_id,
  text: row.text,
  doneAt: row.done_at,
  createdAt: row.created_at
})

async function loadQuestion(sql: SqlRunner, id: string): Promise<Question> {
  const row = await sql.get<QuestionRow>('SELECT * FROM questions WHERE id = ?', [id])
  if (!row) throw new ApiError('NOT_FOUND', 'That question no longer exists')
  return toQuestion(row)
}

export async function pickedQuestions(sql: SqlRunner, interviewId: string): Promise<PickedQuestion[]> {
  const rows = await sql.all<QuestionRow & { picked_at: string; struggled_at: string | null }>(
    `SELECT q.*, p.picked_at, p.struggled_at FROM interview_questions p JOIN questions q ON q.id = p.question_id
     WHERE p.interview_id = ? ORDER BY p.picked_at, q.question`,
    [interviewId]
  )
  return rows.map((row) => ({ question: toQuestion(row), pickedAt: row.picked_at, struggledAt: row.struggled_at }))
}

export async function followUpsOf(sql: SqlRunner, interviewId: string): Promise<FollowUp[]> {
  return (await sql.all<FollowUpRow>('SELECT * FROM follow_ups WHERE interview_id = ? ORDER BY created_at, rowid', [interviewId])).map(
    toFollowUp
  )
}

/** The question bank, the questions picked per interview, and the follow-ups a hard one leaves. */
export function createQuestionsService({ db, clock }: { db: Database; clock: Clock }) {
  const now = () => clock.now().toISOString()

  async function insert(sql: SqlRunner, fields: QuestionFields, at: string): Promise<string> {
    const id = newId()
    await sql.run('INSERT INTO questions (id, question, answer, tags, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [
      id,
      fields.question,
      fields.answer,
      JSON.stringify(fields.tags),
      at,
      at
    ])
    return id
  }

  async function requirePick(sql: SqlRunner, interviewId: string, questionId: string): Promise<{ struggled_at: string | null }> {
    const pick = await sql.get<{ struggled_at: string | null }>(
      'SELECT struggled_at FROM interview_questions WHERE interview_id = ? AND question_id = ?',
      [interviewId, questionId]
    )
    if (pick) return pick
    await loadQuestion(sql, questionId)
    throw new ApiError('CONFLICT', 'Pick that question for this interview first')
  }

  return {
    async list(): Promise<Question[]> {
      return (await db.all<QuestionRow>('SELECT * FROM questions ORDER BY question COLLATE NOCASE')).map(toQuestion)
    },

    async create(fields: QuestionFields): Promise<Question> {
      return db.transaction(async (tx) => loadQuestion(tx, await insert(tx, fields, now())))
    },

    /** Adds the common questions the bank does not have yet (by wording). */
    async addStarters(): Promise<Question[]> {
      return db.transaction(async (tx) => {
        const at = now()
        const existing = new Set(
          (await tx.all<{ question: string }>('SELECT question FROM questions')).map((row) => row.question.toLowerCase())
        )
        const added: Question[] = []
        for (const fields of STARTER_QUESTIONS) {
          if (!existing.has(fields.question.toLowerCase())) added.push(await loadQuestion(tx, await insert(tx, fields, at)))
        }
        return added
      })
    },

    async update(id: string, fields: QuestionFields): Promise<Question> {
      return db.transaction(async (tx) => {
        const result = await tx.run('UPDATE questions SET question = ?, answer = ?, tags = ?, updated_at = ? WHERE id = ?', [
          fields.question,
          fields.answer,
          JSON.stringify(fields.tags),
          now(),
          id
        ])
        if (result.changes === 0) throw new ApiError('NOT_FOUND', 'That question no longer exists')
        return loadQuestion(tx, id)
      })
    },

    /** Removes it from the bank and every interview; follow-ups it left stay, with their text. */
    async remove(id: string): Promise<void> {
      const result = await db.run('DELETE FROM questions WHERE id = ?', [id])
      if (result.changes === 0) throw new ApiError('NOT_FOUND', 'That question no longer exists')
    },

    async pick(interviewId: string, questionId: string): Promise<void> {
      await db.transaction(async (tx) => {
        if (!(await tx.get('SELECT 1 FROM interviews WHERE id = ?', [interviewId])))
          throw new ApiError('NOT_FOUND', 'That interview no longer exists')
        await loadQuestion(tx, questionId)
        await tx.run('INSERT OR IGNORE INTO interview_questions (interview_id, question_id, picked_at) VALUES (?, ?, ?)', [
          interviewId,
          questionId,
          now()
        ])
      })
    },

    /** Takes the question off the interview, with its open follow-up; one already done stays as a record. */
    async unpick(interviewId: string, questionId: string): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.run('DELETE FROM interview_questions WHERE interview_id = ? AND question_id = ?', [interviewId, questionId])
        await tx.run('DELETE FROM follow_ups WHERE interview_id = ? AND question_id = ? AND done_at IS NULL', [interviewId, questionId])
      })
    },

    /**
     * "Couldn't answer well": marks the pick and adds one follow-up to the interview (marking
     * again adds no second one). Clearing the mark removes the follow-up if it is not done yet.
     */
    async mark(interviewId: string, questionId: string, couldntAnswer: boolean): Promise<void> {
      await db.transaction(async (tx) => {
        const pick = await requirePick(tx, interviewId, questionId)
        const at = now()
        if (couldntAnswer) {
          if (pick.struggled_at !== null) return
          await tx.run('UPDATE interview_questions SET struggled_at = ? WHERE interview_id = ? AND question_id = ?', [
            at,
            interviewId,
            questionId
          ])
          const { question } = await loadQuestion(tx, questionId)
          await tx.run('INSERT INTO follow_ups (id, interview_id, question_id, text, created_at) VALUES (?, ?, ?, ?, ?)', [
            newId(),
            interviewId,
            questionId,
            followUpText(question),
            at
          ])
          await tx.run('UPDATE interviews SET updated_at = ? WHERE id = ?', [at, interviewId])
        } else {
          await tx.run('UPDATE interview_questions SET struggled_at = NULL WHERE interview_id = ? AND question_id = ?', [
            interviewId,
            questionId
          ])
          await tx.run('DELETE FROM follow_ups WHERE interview_id = ? AND question_id = ? AND done_at IS NULL', [interviewId, questionId])
        }
      })
    },

    /** Returns the interview the follow-up belongs to. */
    async setFollowUpDone(id: string, done: boolean): Promise<string> {
      return db.transaction(async (tx) => {
        const row = await tx.get<{ interview_id: string }>('SELECT interview_id FROM follow_ups WHERE id = ?', [id])
        if (!row) throw new ApiError('NOT_FOUND', 'That follow-up no longer exists')
        await tx.run('UPDATE follow_ups SET done_at = ? WHERE id = ?', [done ? now() : null, id])
        return row.interview_id
      })
    }
  }
}
