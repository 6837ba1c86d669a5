import { z } from 'zod'
import { idSchema } from '../pipeline'
import {
  addSampleFileSchema,
  addSampleLinkSchema,
  checklistItemFieldsSchema,
  MAX_PREP_NOTES_CHARACTERS,
  openSampleResultSchema,
  prepNotesSchema,
  prepRoomSchema,
  questionFieldsSchema,
  questionSchema,
  readinessSchema,
  researchFieldsSchema,
  researchSchema,
  sampleFieldsSchema,
  sampleSchema
} from '../prep'
import { byId, type ContractSlice } from './common'

const interviewAndSample = z.strictObject({ interviewId: idSchema, sampleId: idSchema })
const interviewAndQuestion = z.strictObject({ interviewId: idSchema, questionId: idSchema })

/** The prep room's calls. Changes return the whole room. */
export const prepContract = {
  /**
   * Opens an interview's prep room; the first open fills the checklist with the default habits.
   * Not announced: every page query reloads on `recordsChanged`, so the room would open itself again and again.
   */
  getPrepRoom: { changes: true, announce: false, input: z.strictObject({ interviewId: idSchema }), output: prepRoomSchema },
  getPrepReadiness: { input: z.strictObject({ interviewIds: z.array(idSchema).max(1000) }), output: z.array(readinessSchema) },

  addChecklistItem: {
    changes: true,
    input: z.strictObject({ interviewId: idSchema, fields: checklistItemFieldsSchema.strict() }),
    output: prepRoomSchema
  },
  setChecklistItemDone: { changes: true, input: z.strictObject({ id: idSchema, done: z.boolean() }), output: prepRoomSchema },
  removeChecklistItem: { changes: true, input: byId, output: prepRoomSchema },
  /** Undoes a removal. */
  restoreChecklistItem: { changes: true, input: byId, output: prepRoomSchema },
  /** The room's items in their new order: exactly the items it has, each once. */
  reorderChecklist: {
    changes: true,
    input: z.strictObject({ interviewId: idSchema, ids: z.array(idSchema).max(200) }),
    output: prepRoomSchema
  },

  saveResearch: {
    changes: true,
    input: z.strictObject({ clientId: idSchema, fields: researchFieldsSchema.strict() }),
    output: researchSchema
  },
  /** Autosave of the prep notes; not announced, so typing does not reload every list. */
  savePrepNotes: {
    changes: true,
    announce: false,
    input: z.strictObject({
      interviewId: idSchema,
      body: z.string().max(MAX_PREP_NOTES_CHARACTERS, 'The notes are too long: split them up')
    }),
    output: prepNotesSchema
  },

  listSamples: { input: z.void(), output: z.array(sampleSchema) },
  addSampleFile: { changes: true, input: addSampleFileSchema.strict(), output: sampleSchema },
  addSampleLink: { changes: true, input: addSampleLinkSchema.strict(), output: sampleSchema },
  updateSample: { changes: true, input: z.strictObject({ id: idSchema, fields: sampleFieldsSchema.strict() }), output: sampleSchema },
  deleteSample: { changes: true, input: byId, output: z.null() },
  attachSample: { changes: true, input: interviewAndSample, output: prepRoomSchema },
  detachSample: { changes: true, input: interviewAndSample, output: prepRoomSchema },
  openSample: { input: byId, output: openSampleResultSchema },

  listQuestions: { input: z.void(), output: z.array(questionSchema) },
  createQuestion: { changes: true, input: questionFieldsSchema.strict(), output: questionSchema },
  addStarterQuestions: { changes: true, input: z.void(), output: z.array(questionSchema) },
  updateQuestion: { changes: true, input: z.strictObject({ id: idSchema, fields: questionFieldsSchema.strict() }), output: questionSchema },
  deleteQuestion: { changes: true, input: byId, output: z.null() },
  pickQuestion: { changes: true, input: interviewAndQuestion, output: prepRoomSchema },
  unpickQuestion: { changes: true, input: interviewAndQuestion, output: prepRoomSchema },
  /** "Couldn't answer well" adds a follow-up to the interview; clearing it removes one not yet done. */
  markQuestion: {
    changes: true,
    input: z.strictObject({ interviewId: idSchema, questionId: idSchema, couldntAnswer: z.boolean() }),
    output: prepRoomSchema
  },
  setFollowUpDone: { changes: true, input: z.strictObject({ id: idSchema, done: z.boolean() }), output: prepRoomSchema }
} as const satisfies ContractSlice
