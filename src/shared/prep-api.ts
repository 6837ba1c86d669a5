import { z } from 'zod'
import { idSchema } from './pipeline'
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
} from './prep'

const byId = z.strictObject({ id: idSchema })
const interviewAndSample = z.strictObject({ interviewId: idSchema, sampleId: idSchema })
const interviewAndQuestion = z.strictObject({ interviewId: idSchema, questionId: idSchema })

/** The prep room's calls; merged into the contract in api.ts. Changes return the whole room. */
export const prepContract = {
  /** Opens an interview's prep room; the first open fills the checklist with the default habits. */
  getPrepRoom: { input: z.strictObject({ interviewId: idSchema }), output: prepRoomSchema },
  getPrepReadiness: { input: z.strictObject({ interviewIds: z.array(idSchema).max(1000) }), output: z.array(readinessSchema) },

  addChecklistItem: { input: z.strictObject({ interviewId: idSchema, fields: checklistItemFieldsSchema.strict() }), output: prepRoomSchema },
  setChecklistItemDone: { input: z.strictObject({ id: idSchema, done: z.boolean() }), output: prepRoomSchema },
  removeChecklistItem: { input: byId, output: prepRoomSchema },
  /** Undoes a removal. */
  restoreChecklistItem: { input: byId, output: prepRoomSchema },
  /** The room's items in their new order: exactly the items it has, each once. */
  reorderChecklist: { input: z.strictObject({ interviewId: idSchema, ids: z.array(idSchema).max(200) }), output: prepRoomSchema },

  saveResearch: { input: z.strictObject({ clientId: idSchema, fields: researchFieldsSchema.strict() }), output: researchSchema },
  /** Autosave of the prep notes; not announced, so typing does not reload every list. */
  savePrepNotes: {
    input: z.strictObject({ interviewId: idSchema, body: z.string().max(MAX_PREP_NOTES_CHARACTERS, 'The notes are too long: split them up') }),
    output: prepNotesSchema
  },

  listSamples: { input: z.void(), output: z.array(sampleSchema) },
  addSampleFile: { input: addSampleFileSchema.strict(), output: sampleSchema },
  addSampleLink: { input: addSampleLinkSchema.strict(), output: sampleSchema },
  updateSample: { input: z.strictObject({ id: idSchema, fields: sampleFieldsSchema.strict() }), output: sampleSchema },
  deleteSample: { input: byId, output: z.null() },
  attachSample: { input: interviewAndSample, output: prepRoomSchema },
  detachSample: { input: interviewAndSample, output: prepRoomSchema },
  openSample: { input: byId, output: openSampleResultSchema },

  listQuestions: { input: z.void(), output: z.array(questionSchema) },
  createQuestion: { input: questionFieldsSchema.strict(), output: questionSchema },
  addStarterQuestions: { input: z.void(), output: z.array(questionSchema) },
  updateQuestion: { input: z.strictObject({ id: idSchema, fields: questionFieldsSchema.strict() }), output: questionSchema },
  deleteQuestion: { input: byId, output: z.null() },
  pickQuestion: { input: interviewAndQuestion, output: prepRoomSchema },
  unpickQuestion: { input: interviewAndQuestion, output: prepRoomSchema },
  /** "Couldn't answer well" adds a follow-up to the interview; clearing it removes one not yet done. */
  markQuestion: { input: z.strictObject({ interviewId: idSchema, questionId: idSchema, couldntAnswer: z.boolean() }), output: prepRoomSchema },
  setFollowUpDone: { input: z.strictObject({ id: idSchema, done: z.boolean() }), output: prepRoomSchema }
} as const
