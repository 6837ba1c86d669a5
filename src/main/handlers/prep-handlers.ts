import type { Clock } from '../services/clock'
import type { Database } from '../services/database'
import { createPrepService, type PrepService } from '../services/prep/prep-room'
import { createQuestionsService } from '../services/prep/questions'
import type { SampleStore } from '../services/prep/sample-files'
import { createSamplesService, type SampleOpener, type SamplesService } from '../services/prep/samples'
import type { Handlers } from './types'

type PrepMethod = Extract<
  keyof Handlers,
  | 'getPrepRoom' | 'getPrepReadiness'
  | 'addChecklistItem' | 'setChecklistItemDone' | 'removeChecklistItem' | 'restoreChecklistItem' | 'reorderChecklist'
  | 'saveResearch' | 'savePrepNotes'
  | 'listSamples' | 'addSampleFile' | 'addSampleLink' | 'updateSample' | 'deleteSample' | 'attachSample' | 'detachSample' | 'openSample'
  | 'listQuestions' | 'createQuestion' | 'addStarterQuestions' | 'updateQuestion' | 'deleteQuestion'
  | 'pickQuestion' | 'unpickQuestion' | 'markQuestion' | 'setFollowUpDone'
>

export interface PrepServices {
  prep: PrepService
  samples: SamplesService
}

/** Binds the prep room's calls to its services; `announce` tells every list to reload. */
export function createPrepHandlers(deps: {
  db: Database
  clock: Clock
  store: SampleStore
  opener: SampleOpener
  announce: <T>(result: T) => T
}): { handlers: Pick<Handlers, PrepMethod>; services: PrepServices } {
  const { db, clock, store, opener, announce } = deps
  const prep = createPrepService({ db, clock, store })
  const samples = createSamplesService({ db, clock, store, opener })
  const questions = createQuestionsService({ db, clock })
  const announcing =
    <I, O>(change: (input: I) => Promise<O>) =>
    async (input: I): Promise<O> =>
      announce(await change(input))

  const handlers: Pick<Handlers, PrepMethod> = {
    getPrepRoom: ({ interviewId }) => prep.open(interviewId),
    getPrepReadiness: async ({ interviewIds }) =>
      [...(await prep.readinessCounts(interviewIds))].map(([interviewId, count]) => ({ interviewId, ...count })),

    addChecklistItem: announcing(({ interviewId, fields }) => prep.addItem(interviewId, fields)),
    setChecklistItemDone: announcing(({ id, done }) => prep.setDone(id, done)),
    removeChecklistItem: announcing(({ id }) => prep.removeItem(id)),
    restoreChecklistItem: announcing(({ id }) => prep.restoreItem(id)),
    reorderChecklist: announcing(({ interviewId, ids }) => prep.reorder(interviewId, ids)),

    saveResearch: announcing(({ clientId, fields }) => prep.saveResearch(clientId, fields)),
    // Not announced: autosave runs as the user types, and a reload of every list per pause helps nobody.
    savePrepNotes: ({ interviewId, body }) => prep.saveNotes(interviewId, body),

    listSamples: () => samples.list(),
    addSampleFile: announcing(({ fileName, dataBase64, ...fields }) => samples.addFile(fields, fileName, Buffer.from(dataBase64, 'base64'))),
    addSampleLink: announcing(({ url, ...fields }) => samples.addLink(fields, url)),
    updateSample: announcing(({ id, fields }) => samples.update(id, fields)),
    deleteSample: announcing(async ({ id }) => {
      await samples.remove(id)
      return null
    }),
    attachSample: announcing(async ({ interviewId, sampleId }) => {
      await samples.attach(interviewId, sampleId)
      return prep.get(interviewId)
    }),
    detachSample: announcing(async ({ interviewId, sampleId }) => {
      await samples.detach(interviewId, sampleId)
      return prep.get(interviewId)
    }),
    openSample: ({ id }) => samples.open(id),

    listQuestions: () => questions.list(),
    createQuestion: announcing((fields) => questions.create(fields)),
    addStarterQuestions: announcing(() => questions.addStarters()),
    updateQuestion: announcing(({ id, fields }) => questions.update(id, fields)),
    deleteQuestion: announcing(async ({ id }) => {
      await questions.remove(id)
      return null
    }),
    pickQuestion: announcing(async ({ interviewId, questionId }) => {
      await questions.pick(interviewId, questionId)
      return prep.get(interviewId)
    }),
    unpickQuestion: announcing(async ({ interviewId, questionId }) => {
      await questions.unpick(interviewId, questionId)
      return prep.get(interviewId)
    }),
    markQuestion: announcing(async ({ interviewId, questionId, couldntAnswer }) => {
      await questions.mark(interviewId, questionId, couldntAnswer)
      return prep.get(interviewId)
    }),
    setFollowUpDone: announcing(async ({ id, done }) => prep.get(await questions.setFollowUpDone(id, done)))
  }
  return { handlers, services: { prep, samples } }
}
