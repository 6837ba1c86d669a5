import { z } from 'zod'
import {
  attachmentSchema,
  clientFieldsSchema,
  clientSchema,
  dashboardSchema,
  declineReasonSchema,
  idSchema,
  inboxItemSchema,
  instantSchema,
  interviewDetailSchema,
  interviewFieldsSchema,
  interviewFilterSchema,
  interviewStatusSchema,
  interviewSummarySchema,
  invitationMessageSchema,
  invitationStatusSchema,
  jobFieldsSchema,
  jobSchema,
  noteSchema,
  offerFieldsSchema,
  offerSchema,
  proposalSchema,
  searchResultSchema,
  shortNoteSchema,
  termsSchema
} from '../pipeline'
import { timeZoneSchema } from '../settings'
import { byId, type ContractSlice } from './common'

/** A known client by id, or a new one described in full. */
const clientChoiceSchema = z.union([z.strictObject({ id: idSchema }), z.strictObject({ fields: clientFieldsSchema.strict() })])

/** The pipeline's calls: clients, invitations, interviews, proposals, offers, notes, search and the dashboard. */
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
  updateInterview: {
    changes: true,
    input: z.strictObject({ id: idSchema, fields: interviewFieldsSchema.strict() }),
    output: interviewDetailSchema
  },
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
  updateCoverLetter: {
    changes: true,
    input: z.strictObject({ id: idSchema, coverLetter: z.string().max(50_000) }),
    output: proposalSchema
  },
  markProposalViewed: { changes: true, input: byId, output: proposalSchema },
  updateProposalAttachments: {
    changes: true,
    input: z.strictObject({ id: idSchema, attachments: z.array(attachmentSchema.strict()).max(50) }),
    output: proposalSchema
  },

  createOffer: { changes: true, input: z.strictObject({ interviewId: idSchema, fields: offerFieldsSchema.strict() }), output: offerSchema },
  decideOffer: { changes: true, input: z.strictObject({ id: idSchema, accepted: z.boolean() }), output: offerSchema },

  addNote: {
    changes: true,
    input: z.strictObject({ interviewId: idSchema, body: z.string().min(1, 'Write something first').max(200_000) }),
    output: noteSchema
  },
  updateNote: { changes: true, input: z.strictObject({ id: idSchema, body: z.string().max(200_000) }), output: noteSchema },
  deleteNote: { changes: true, input: byId, output: z.null() },

  search: {
    input: z.strictObject({ query: z.string().max(500), limit: z.number().int().min(1).max(100).default(30) }),
    output: z.array(searchResultSchema)
  },
  getDashboard: { input: z.strictObject({ from: instantSchema, to: instantSchema, timeZone: timeZoneSchema }), output: dashboardSchema }
} as const satisfies ContractSlice
