import { z } from 'zod'
import { instantSchema } from './instant'
import { meetingLinkFieldSchema } from './meeting-links'
import { timeZoneSchema, workingHoursSchema, type Settings } from './settings'

/** Records of the interview pipeline: clients, job posts, invitations, proposals, interviews, offers. */

export const idSchema = z.uuid('Not a valid record id')
export { instantSchema } from './instant'

const text = (max: number, label: string) => z.string().trim().max(max, `${label} must be under ${max} characters`)
const optionalUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => value === '' || /^https?:\/\/\S+$/i.test(value), { message: 'Links start with http:// or https://' })
const money = z.number().finite().min(0, 'Amounts cannot be negative').max(10_000_000)

/**
 * Caps of the free text the app writes, one definition each: the calls that write a field,
 * the record that reads it back and the backup that restores it all use the same one, so
 * whatever the app stored can be exported and imported again.
 */
export const invitationMessageSchema = z.string().max(20_000, 'The message must be under 20000 characters')
export const shortNoteSchema = z.string().max(5000, 'The note must be under 5000 characters')
/** A note's body; prep notes live in the same table and may be a whole call long. */
export const NOTE_BODY_MAX = 1_000_000
export const noteBodySchema = z.string().max(NOTE_BODY_MAX, 'The note is too long: split it up')

// ── Clients ──────────────────────────────────────────────────────────────────────────

export const redFlagKindSchema = z.enum(['no_show', 'other'])
export const redFlagSchema = z.object({
  id: idSchema,
  kind: redFlagKindSchema,
  note: shortNoteSchema,
  createdAt: instantSchema
})

export const clientFieldsSchema = z.object({
  name: text(120, 'The name').min(1, 'Give the client a name'),
  company: text(120, 'The company'),
  website: optionalUrl,
  timeZone: timeZoneSchema.nullable(),
  country: text(80, 'The country'),
  notes: text(20_000, 'Notes'),
  /** The client's working day in their own zone; left out, it stays as stored (09–18 on weekdays for a new client). */
  workingHours: workingHoursSchema.optional()
})
/** A client's working hours until the user edits them: 09:00–18:00, Monday to Friday, in the client's zone. */
export const DEFAULT_CLIENT_WORKING_HOURS: Settings['workingHours'] = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' }
export const clientSchema = clientFieldsSchema.extend({
  workingHours: workingHoursSchema,
  id: idSchema,
  redFlags: z.array(redFlagSchema),
  createdAt: instantSchema,
  updatedAt: instantSchema
})

// ── Job posts ────────────────────────────────────────────────────────────────────────

export const budgetTypeSchema = z.enum(['fixed', 'hourly'])
export const jobFieldsSchema = z.object({
  title: text(200, 'The title').min(1, 'Give the job a title'),
  description: text(50_000, 'The description'),
  url: optionalUrl,
  budgetType: budgetTypeSchema,
  budget: money.nullable(),
  skills: z.array(text(60, 'A skill').min(1)).max(50),
  postedAt: instantSchema.nullable()
})
export const jobSchema = jobFieldsSchema.extend({ id: idSchema, clientId: idSchema, createdAt: instantSchema })

// ── Invitations ──────────────────────────────────────────────────────────────────────

export const invitationStatusSchema = z.enum(['pending', 'accepted', 'declined', 'archived'])

/** The reasons marketplaces ask for when an invitation is declined. */
export const DECLINE_REASONS = {
  not_interested: 'Not interested in the work',
  budget_too_low: 'Budget too low',
  not_available: 'Not available',
  client_history: 'Client history',
  skills_mismatch: 'Skills don’t match',
  too_busy: 'Too many projects right now',
  other: 'Other'
} as const
export const declineReasonSchema = z.enum(
  Object.keys(DECLINE_REASONS) as [keyof typeof DECLINE_REASONS, ...(keyof typeof DECLINE_REASONS)[]]
)

export const termsSchema = z.object({
  bidType: budgetTypeSchema,
  amount: money,
  estimatedDuration: text(120, 'The duration')
})

export const invitationSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  jobId: idSchema,
  message: invitationMessageSchema,
  receivedAt: instantSchema,
  status: invitationStatusSchema,
  respondedAt: instantSchema.nullable(),
  declineReasons: z.array(declineReasonSchema),
  declineNote: shortNoteSchema,
  acceptMessage: invitationMessageSchema,
  interviewId: idSchema.nullable()
})

// ── Proposals ────────────────────────────────────────────────────────────────────────

export const attachmentSchema = z.object({ name: text(200, 'The name').min(1), reference: text(2000, 'The reference').min(1) })
export const proposalFieldsSchema = z.object({
  coverLetter: text(50_000, 'The cover letter'),
  terms: termsSchema,
  attachments: z.array(attachmentSchema).max(50),
  submittedAt: instantSchema
})
export const termsChangeSchema = termsSchema.extend({ changedAt: instantSchema })
export const proposalSchema = proposalFieldsSchema.extend({
  id: idSchema,
  jobId: idSchema,
  clientId: idSchema,
  viewedAt: instantSchema.nullable(),
  termsHistory: z.array(termsChangeSchema)
})

// ── Interviews ───────────────────────────────────────────────────────────────────────

export const INTERVIEW_STATUSES = ['invited', 'accepted', 'scheduled', 'done', 'offer', 'no_offer', 'hired', 'declined', 'no_show'] as const
export const interviewStatusSchema = z.enum(INTERVIEW_STATUSES)
export type InterviewStatus = z.infer<typeof interviewStatusSchema>

export const STATUS_LABELS: Record<InterviewStatus, string> = {
  invited: 'Invited',
  accepted: 'Accepted',
  scheduled: 'Scheduled',
  done: 'Done',
  offer: 'Offer',
  no_offer: 'No offer',
  hired: 'Hired',
  declined: 'Declined',
  no_show: 'No-show'
}

/**
 * The interview lifecycle: which status may follow which. Everything not listed is
 * refused. `hired`, `no_offer` and `declined` are final.
 */
export const INTERVIEW_TRANSITIONS: Record<InterviewStatus, readonly InterviewStatus[]> = {
  invited: ['accepted', 'declined'],
  accepted: ['scheduled', 'done', 'hired', 'declined'],
  // Offers arrive before calls and calls get skipped: an accepted offer hires from any open status.
  scheduled: ['done', 'no_show', 'accepted', 'hired', 'declined'],
  done: ['offer', 'no_offer', 'hired'],
  offer: ['hired', 'declined', 'no_offer'],
  no_show: ['scheduled', 'offer', 'hired', 'declined'],
  no_offer: [],
  hired: [],
  declined: []
}

export function canMoveInterview(from: InterviewStatus, to: InterviewStatus): boolean {
  return INTERVIEW_TRANSITIONS[from].includes(to)
}

/** Statuses whose call can be booked: accepted, scheduled (moved), a no-show (booked again). */
export const SCHEDULABLE_STATUSES = ['accepted', 'scheduled', 'no_show'] as const satisfies readonly InterviewStatus[]
export function isSchedulable(status: InterviewStatus): boolean {
  return (SCHEDULABLE_STATUSES as readonly InterviewStatus[]).includes(status)
}

/** Statuses before the call has taken place, where prep readiness still matters. */
export const BEFORE_CALL_STATUSES = ['invited', 'accepted', 'scheduled', 'no_show'] as const satisfies readonly InterviewStatus[]
export function isBeforeTheCall(status: InterviewStatus): boolean {
  return (BEFORE_CALL_STATUSES as readonly InterviewStatus[]).includes(status)
}

export const SCENARIOS = {
  more_info: 'Wants more information about the task',
  convinced: 'Already convinced, general questions',
  negotiation: 'Negotiation',
  direct_hire: 'Direct hire without interview'
} as const
export const scenarioSchema = z.enum(Object.keys(SCENARIOS) as [keyof typeof SCENARIOS, ...(keyof typeof SCENARIOS)[]])

export const INTERVIEW_TYPES = { call: 'Call', paid_sample: 'Paid sample task', unpaid_sample: 'Unpaid sample task' } as const
export const interviewTypeSchema = z.enum(['call', 'paid_sample', 'unpaid_sample'])

export const CHANNELS = {
  builtin: 'Greenroom call',
  marketplace: 'Marketplace call',
  zoom: 'Zoom',
  meet: 'Google Meet',
  teams: 'Microsoft Teams',
  skype: 'Skype',
  other: 'Other link'
} as const
export type Channel = keyof typeof CHANNELS
export const channelSchema = z.enum(Object.keys(CHANNELS) as [Channel, ...Channel[]])
/** Channels held in another app, reached by a link: Join opens it and the companion sits beside it. */
export const LINKED_CHANNELS: readonly Channel[] = ['zoom', 'meet', 'teams', 'skype', 'other']

export const sampleTaskSchema = z.object({
  instructions: text(20_000, 'The instructions'),
  fee: money.nullable(),
  dueAt: instantSchema.nullable()
})

export const interviewFieldsSchema = z.object({
  title: text(200, 'The title').min(1, 'Give the interview a title'),
  scenario: scenarioSchema,
  type: interviewTypeSchema,
  sampleTask: sampleTaskSchema,
  channel: channelSchema,
  /** The call's link (or, for the marketplace's call, its message room): web links and the meeting apps' schemes. */
  channelLink: meetingLinkFieldSchema,
  outcomeNotes: text(20_000, 'Outcome notes')
})

/** A new interview's fields until the user says otherwise: a marketplace call to learn more. */
export function defaultInterviewFields(title = ''): InterviewFields {
  return {
    title,
    scenario: 'more_info',
    type: 'call',
    sampleTask: { instructions: '', fee: null, dueAt: null },
    channel: 'marketplace',
    channelLink: '',
    outcomeNotes: ''
  }
}

export const statusChangeSchema = z.object({
  from: interviewStatusSchema.nullable(),
  to: interviewStatusSchema,
  changedAt: instantSchema,
  note: shortNoteSchema
})

/** When the call is: a UTC instant, the zone it was agreed in, and its agreed length. */
export const scheduleSchema = z.object({
  startsAt: instantSchema,
  timeZone: z.string(),
  durationMinutes: z.number().int().positive()
})
export type Schedule = z.infer<typeof scheduleSchema>

export const interviewSummarySchema = interviewFieldsSchema.extend({
  id: idSchema,
  clientId: idSchema,
  clientName: z.string(),
  clientCompany: z.string(),
  clientHasRedFlags: z.boolean(),
  jobId: idSchema.nullable(),
  jobTitle: z.string().nullable(),
  proposalId: idSchema.nullable(),
  invitationId: idSchema.nullable(),
  status: interviewStatusSchema,
  schedule: scheduleSchema.nullable(),
  clientTimeZone: z.string().nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema
})

export const noteSchema = z.object({
  id: idSchema,
  interviewId: idSchema,
  body: noteBodySchema,
  createdAt: instantSchema,
  updatedAt: instantSchema
})

// ── Offers ───────────────────────────────────────────────────────────────────────────

/**
 * Where an offer can be recorded: while the interview is under way (the client may send it
 * before the call), after the call, and after a call the client skipped.
 */
export const OFFER_OPEN_STATUSES: readonly InterviewStatus[] = ['accepted', 'scheduled', 'done', 'offer', 'no_show']

export const offerStatusSchema = z.enum(['pending', 'accepted', 'declined'])
export const offerFieldsSchema = z.object({
  priceType: budgetTypeSchema,
  amount: money,
  deadline: instantSchema.nullable(),
  note: text(5000, 'The note')
})
export const offerSchema = offerFieldsSchema.extend({
  id: idSchema,
  interviewId: idSchema,
  status: offerStatusSchema,
  createdAt: instantSchema,
  decidedAt: instantSchema.nullable()
})

export const interviewDetailSchema = z.object({
  interview: interviewSummarySchema,
  client: clientSchema,
  job: jobSchema.nullable(),
  proposal: proposalSchema.nullable(),
  invitation: invitationSchema.nullable(),
  offers: z.array(offerSchema),
  notes: z.array(noteSchema),
  history: z.array(statusChangeSchema)
})

export type Client = z.infer<typeof clientSchema>
export type ClientFields = z.infer<typeof clientFieldsSchema>
export type Job = z.infer<typeof jobSchema>
export type JobFields = z.infer<typeof jobFieldsSchema>
export type Invitation = z.infer<typeof invitationSchema>
export type DeclineReason = z.infer<typeof declineReasonSchema>
export type Terms = z.infer<typeof termsSchema>
export type Proposal = z.infer<typeof proposalSchema>
export type InterviewFields = z.infer<typeof interviewFieldsSchema>
export type InterviewSummary = z.infer<typeof interviewSummarySchema>
export type InterviewDetail = z.infer<typeof interviewDetailSchema>
export type Offer = z.infer<typeof offerSchema>
export type Note = z.infer<typeof noteSchema>
export type StatusChange = z.infer<typeof statusChangeSchema>

// ── What the pipeline's calls answer ───────────────────────────────────────────────────

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

export type InboxItem = z.infer<typeof inboxItemSchema>
export type SearchResult = z.infer<typeof searchResultSchema>
export type Dashboard = z.infer<typeof dashboardSchema>
