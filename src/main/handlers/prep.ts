import { prepContract } from '../../shared/contract/prep'
import type { PrepService } from '../services/prep/prep-room'
import type { createQuestionsService } from '../services/prep/questions'
import type { SamplesService } from '../services/prep/samples'
import { bindSlice, type SliceHandlers } from './types'

export interface PrepServices {
  prep: PrepService
  samples: SamplesService
  questions: ReturnType<typeof createQuestionsService>
}

/** Binds the prep room's calls to its services; changes answer with the whole room. */
export function createPrepHandlers({ prep, samples, questions }: PrepServices): SliceHandlers<typeof prepContract> {
  return bindSlice(prepContract, {
    getPrepRoom: ({ interviewId }) => prep.open(interviewId),
    getPrepReadiness: async ({ interviewIds }) =>
      [...(await prep.readinessCounts(interviewIds))].map(([interviewId, count]) => ({ interviewId, ...count })),

    addChecklistItem: ({ interviewId, fields }) => prep.addItem(interviewId, fields),
    setChecklistItemDone: ({ id, done }) => prep.setDone(id, done),
    removeChecklistItem: ({ id }) => prep.removeItem(id),
    restoreChecklistItem: ({ id }) => prep.restoreItem(id),
    reorderChecklist: ({ interviewId, ids }) => prep.reorder(interviewId, ids),

    saveResearch: ({ clientId, fields }) => prep.saveResearch(clientId, fields),
    savePrepNotes: ({ interviewId, body }) => prep.saveNotes(interviewId, body),

    listSamples: () => samples.list(),
    addSampleFile: ({ fileName, dataBase64, ...fields }) => samples.addFile(fields, fileName, Buffer.from(dataBase64, 'base64')),
    addSampleLink: ({ url, ...fields }) => samples.addLink(fields, url),
    updateSample: ({ id, fields }) => samples.update(id, fields),
    deleteSample: async ({ id }) => {
      await samples.remove(id)
      return null
    },
    attachSample: async ({ interviewId, sampleId }) => {
      await samples.attach(interviewId, sampleId)
      return prep.get(interviewId)
    },
    detachSample: async ({ interviewId, sampleId }) => {
      await samples.detach(interviewId, sampleId)
      return prep.get(interviewId)
    },
    openSample: ({ id }) => samples.open(id),

    listQuestions: () => questions.list(),
    createQuestion: (fields) => questions.create(fields),
    addStarterQuestions: () => questions.addStarters(),
    updateQuestion: ({ id, fields }) => questions.update(id, fields),
    deleteQuestion: async ({ id }) => {
      await questions.remove(id)
      return null
    },
    pickQuestion: async ({ interviewId, questionId }) => {
      await questions.pick(interviewId, questionId)
      return prep.get(interviewId)
    },
    unpickQuestion: async ({ interviewId, questionId }) => {
      await questions.unpick(interviewId, questionId)
      return prep.get(interviewId)
    },
    markQuestion: async ({ interviewId, questionId, couldntAnswer }) => {
      await questions.mark(interviewId, questionId, couldntAnswer)
      return prep.get(interviewId)
    },
    setFollowUpDone: async ({ id, done }) => prep.get(await questions.setFollowUpDone(id, done))
  })
}
