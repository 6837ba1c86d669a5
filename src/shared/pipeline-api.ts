import { z } from 'zod'
import { MAX_BACKUP_CHARACTERS } from './backup'
import {
  clientFieldsSchema,
  clientSchema,
  declineReasonSchema,
  idSchema,
  instantSchema,
  interviewDetailSchema,
  interviewFieldsSchema,
  interviewStatusSchema,
  interviewSummarySchema,
  interviewTypeSchema,
  invitationMessageSchema,
  invitationSchema,
  invitationStatusSchema,
  jobFieldsSchema,
  jobSchema,
  noteSchema,
  offerFieldsSchema,
  offerSchema,
  proposalSchema,
  attachmentSchema,
  scenarioSchema,
  shortNoteSchema,
  termsSchema
} from './pipeline'
import { timeZoneSchema } from './settings'

export const inboxItemSchema = z.object({ invitation: invitationSchema, client: clientSchema, job: jobSchema })

export const interviewFilterSchema = z.strictObject({
  statuses: z.array(interviewStatusSchema).max(9).optional(),
  clientId: idSchema.optional(),
  scenario: scenarioSchema.optional(),
  type: interviewTypeSchema.optional(),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  limit: z.number().int().min(1).max(1000).default(200)
})

export const searchResultSchema = z.object({
  /** research: a client's company research (id is the client's); question: one from the question bank. */
  kind: z.enum(['job', 'client', 'proposal', 'note', 'research', 'question']),
  id: idSchema,
  /** Title and snippet carry \u0002 … \u0003 around matched words. */
  title: z.string(),
  snippet: z.string(),
  clientName: z.string(),
  interviewId: idSchema.nullable(),
  invitationId: idSchema.nullable(),
  /** False when the words match so many records that the newest are listed instead of the best. */
  ranked: z.boolean()
})

export const dashboardSchema = z.object({
  responseRate: z.number().min(0).max(1).nullable(),
  answeredWithin24h: z.number().int(),
  eligibleInvitations: z.number().int(),
  medianResponseMinutes: z.number().nullable(),
  funnel: z.object({ invitations: z.number().int(), interviews: z.number().int(), offers: z.number().int(), hires: z.number().int() }),
  noShows: z.number().int(),
  weekly: z.array(z.object({ weekStart: z.string(), invitations: z.number().int(), answeredWithin24h: z.number().int() }))
})

export const backupSummarySchema = z.object({
  clients: z.number().int(),
  interviews: z.number().int(),
  invitations: z.number().int(),
  notes: z.number().int()
})

const byId = z.strictObject({ id: idSchema })
/** A known client by id, or a new one described in full. */
const clientChoiceSchema = z.union([z.strictObject({ id: idSchema }), z.strictObject({ fields: clientFieldsSchema.strict() })])

/** The pipeline's calls; merged into the contract in api.ts. */
export const pipelineContract = {
  listClients: { input: z.void(), output: z.array(clientSchema) },
  createClient: { changes: true, input: clientFieldsSchema.strict(), output: clientSchema },
  updateClient: { changes: true, input: z.strictObject({ id: idSchema, fields: clientFieldsSchema.strict() }), output: clientSchema },
  updateJob: { changes: true, input: z.strictObject({ id: idSchema, fields: jobFieldsSchema.strict() }), output: jobSchema },

  listInvitations: {
    input: z.strictObject({ statuses: z.array(invitationStatusSchema).min(1).max(4) }),
    output: z.array(inboxItemSchema)
  },
  createInvitation: {
    changes: true,
    input: z.strictObject({
      client: clientChoiceSchema,
      job: jobFieldsSchema.strict(),
      message: invitationMessageSchema,
      receivedAt: instantSchema.nullable()
    }),
    output: inboxItemSchema
  },
  acceptInvitation: {
    changes: true,
    input: z.strictObject({ id: idSchema, message: invitationMessageSchema, terms: termsSchema.strict().nullable() }),
    output: inboxItemSchema
  },
  declineInvitation: {
    changes: true,
    input: z.strictObject({
      id: idSchema,
      reasons: z.array(declineReasonSchema).min(1, 'Pick at least one reason').max(7),
      note: shortNoteSchema
    }),
    output: inboxItemSchema
  },
  archiveInvitation: { changes: true, input: byId, output: inboxItemSchema },

  listInterviews: { input: interviewFilterSchema, output: z.array(interviewSummarySchema) },
  getInterview: { input: byId, output: interviewDetailSchema },
  createInterview: {
    changes: true,
    input: z.strictObject({ client: clientChoiceSchema, jobId: idSchema.nullable(), fields: interviewFieldsSchema.strict() }),
    output: interviewDetailSchema
  },
  updateInterview: { changes: true, input: z.strictObject({ id: idSchema, fields: interviewFieldsSchema.strict() }), output: interviewDetailSchema },
  changeInterviewStatus: {
    changes: true,
    input: z.strictObject({ id: idSchema, status: interviewStatusSchema, note: shortNoteSchema }),
    output: interviewDetailSchema
  },
  deleteInterview: { changes: true, input: byId, output: z.null() },

  createProposal: {

    changes: true,
    input: z.strictObject({
      interviewId: idSchema,
      coverLetter: z.string().max(50_000),
      terms: termsSchema.strict(),
      attachments: z.array(attachmentSchema).max(50)
    }),
    output: proposalSchema
  },
  updateProposalTerms: { changes: true, input: z.strictObject({ id: idSchema, terms: termsSchema.strict() }), output: proposalSchema },
  updateCoverLetter: { changes: true, input: z.strictObject({ id: idSchema, coverLetter: z.string().max(50_000) }), output: proposalSchema },
  markProposalViewed: { changes: true, input: byId, output: proposalSchema },
  updateProposalAttachments: { changes: true, input: z.strictObject({ id: idSchema, attachments: z.array(attachmentSchema.strict()).max(50) }), output: proposalSchema },

  createOffer: { changes: true, input: z.strictObject({ interviewId: idSchema, fields: offerFieldsSchema.strict() }), output: offerSchema },
  decideOffer: { changes: true, input: z.strictObject({ id: idSchema, accepted: z.boolean() }), output: offerSchema },

  addNote: { changes: true, input: z.strictObject({ interviewId: idSchema, body: z.string().min(1, 'Write something first').max(200_000) }), output: noteSchema },
  updateNote: { changes: true, input: z.strictObject({ id: idSchema, body: z.string().max(200_000) }), output: noteSchema },
  deleteNote: { changes: true, input: byId, output: z.null() },

  search: { input: z.strictObject({ query: z.string().max(500), limit: z.number().int().min(1).max(100).default(30) }), output: z.array(searchResultSchema) },
  getDashboard: { input: z.strictObject({ from: instantSchema, to: instantSchema, timeZone: timeZoneSchema }), output: dashboardSchema },

  exportBackup: { input: z.void(), output: z.string() },
  importBackup: { changes: true, input: z.strictObject({ text: z.string().max(MAX_BACKUP_CHARACTERS, 'The file is too large to be a Greenroom backup') }), output: backupSummarySchema },
  deleteAllRecords: { changes: true, input: z.strictObject({ confirm: z.literal('DELETE') }), output: z.null() },
  loadDemoData: { changes: true, input: z.void(), output: backupSummarySchema }
} as const

export type InboxItem = z.infer<typeof inboxItemSchema>
export type SearchResult = z.infer<typeof searchResultSchema>
export type Dashboard = z.infer<typeof dashboardSchema>
export type BackupSummary = z.infer<typeof backupSummarySchema>
