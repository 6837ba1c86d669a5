import { z } from 'zod'
import { callIssueSchema, callMeasurementsSchema } from './call'
import { instantSchema } from './instant'
import {
  attachmentSchema,
  budgetTypeSchema,
  channelSchema,
  clientFieldsSchema,
  declineReasonSchema,
  idSchema,
  interviewFieldsSchema,
  interviewStatusSchema,
  interviewTypeSchema,
  invitationSchema,
  invitationStatusSchema,
  jobFieldsSchema,
  noteSchema,
  offerFieldsSchema,
  offerStatusSchema,
  proposalFieldsSchema,
  redFlagSchema,
  sampleTaskSchema,
  scenarioSchema,
  statusChangeSchema,
  termsSchema
} from './pipeline'
import { connectionReportSchema, verdictSchema } from './precall'
import {
  checklistItemFieldsSchema,
  checklistKindSchema,
  followUpSchema,
  questionFieldsSchema,
  researchFieldsSchema,
  sampleFieldsSchema,
  sampleSchema
} from './prep'
import { scheduleNoteSchema } from './schedule'
import { callMinutesSchema, settingsSchema, timeZoneSchema, workingHoursSchema } from './settings'

/**
 * The backup file: one JSON document, versioned, whose tables mirror the database's
 * columns. Each table's schema is also its column list, so export, validation and import
 * cannot drift apart; and each column is checked with the very schema the app writes and
 * reads that field with (JSON columns parsed and checked too), so a file that imports can
 * be read, exported and imported again.
 */
export const BACKUP_FORMAT = 'greenroom-backup'
export const BACKUP_VERSION = 4

/** A column holding JSON text: parsed, checked with `schema`, and stored as the app writes it. */
function jsonColumn<T extends z.ZodType>(schema: T) {
  return z.string().transform((text, context) => {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      context.addIssue({ code: 'custom', message: 'Not valid JSON text' })
      return z.NEVER
    }
    const parsed = schema.safeParse(value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      context.addIssue({ code: 'custom', message: issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message })
      return z.NEVER
    }
    return JSON.stringify(parsed.data)
  })
}

const client = clientFieldsSchema.shape
const job = jobFieldsSchema.shape
const terms = termsSchema.shape
const interview = interviewFieldsSchema.shape
const offer = offerFieldsSchema.shape
const research = researchFieldsSchema.shape
const sample = sampleFieldsSchema.shape
const question = questionFieldsSchema.shape
const settingKeys = Object.keys(settingsSchema.shape) as [keyof typeof settingsSchema.shape, ...(keyof typeof settingsSchema.shape)[]]

export const backupTables = {
  clients: z.strictObject({
    id: idSchema,
    name: client.name,
    company: client.company,
    website: client.website,
    time_zone: client.timeZone,
    country: client.country,
    notes: client.notes,
    created_at: instantSchema,
    updated_at: instantSchema,
    // Added with per-client working hours; absent from older files (NULL: the default hours).
    working_hours: jsonColumn(workingHoursSchema).nullable().optional()
  }),
  client_red_flags: z.strictObject({
    id: idSchema,
    client_id: idSchema,
    kind: redFlagSchema.shape.kind,
    note: redFlagSchema.shape.note,
    created_at: instantSchema
  }),
  jobs: z.strictObject({
    id: idSchema,
    client_id: idSchema,
    title: job.title,
    description: job.description,
    url: job.url,
    budget_type: job.budgetType,
    budget: job.budget,
    skills: jsonColumn(job.skills),
    posted_at: job.postedAt,
    created_at: instantSchema
  }),
  proposals: z.strictObject({
    id: idSchema,
    job_id: idSchema,
    cover_letter: proposalFieldsSchema.shape.coverLetter,
    bid_type: terms.bidType,
    amount: terms.amount,
    estimated_duration: terms.estimatedDuration,
    attachments: jsonColumn(z.array(attachmentSchema).max(50)),
    submitted_at: instantSchema,
    viewed_at: instantSchema.nullable()
  }),
  proposal_terms_history: z.strictObject({
    id: z.number().int().positive(),
    proposal_id: idSchema,
    bid_type: terms.bidType,
    amount: terms.amount,
    estimated_duration: terms.estimatedDuration,
    changed_at: instantSchema
  }),
  interviews: z.strictObject({
    id: idSchema,
    client_id: idSchema,
    job_id: idSchema.nullable(),
    proposal_id: idSchema.nullable(),
    title: interview.title,
    scenario: scenarioSchema,
    type: interviewTypeSchema,
    sample_instructions: sampleTaskSchema.shape.instructions,
    sample_fee: sampleTaskSchema.shape.fee,
    sample_due_at: sampleTaskSchema.shape.dueAt,
    channel: channelSchema,
    channel_link: interview.channelLink,
    status: interviewStatusSchema,
    outcome_notes: interview.outcomeNotes,
    created_at: instantSchema,
    updated_at: instantSchema,
    // Added in format 2 (scheduling); absent from format 1 files.
    starts_at: instantSchema.nullable().optional(),
    agreed_time_zone: timeZoneSchema.nullable().optional(),
    duration_minutes: callMinutesSchema.nullable().optional()
  }),
  interview_status_history: z.strictObject({
    id: z.number().int().positive(),
    interview_id: idSchema,
    from_status: interviewStatusSchema.nullable(),
    to_status: interviewStatusSchema,
    changed_at: instantSchema,
    note: statusChangeSchema.shape.note
  }),
  invitations: z.strictObject({
    id: idSchema,
    client_id: idSchema,
    job_id: idSchema,
    message: invitationSchema.shape.message,
    received_at: instantSchema,
    status: invitationStatusSchema,
    responded_at: instantSchema.nullable(),
    decline_reasons: jsonColumn(z.array(declineReasonSchema).max(7)),
    decline_note: invitationSchema.shape.declineNote,
    accept_message: invitationSchema.shape.acceptMessage,
    interview_id: idSchema.nullable()
  }),
  offers: z.strictObject({
    id: idSchema,
    interview_id: idSchema,
    price_type: budgetTypeSchema,
    amount: offer.amount,
    deadline: offer.deadline,
    note: offer.note,
    status: offerStatusSchema,
    created_at: instantSchema,
    decided_at: instantSchema.nullable()
  }),
  notes: z.strictObject({
    id: idSchema,
    interview_id: idSchema,
    body: noteSchema.shape.body,
    created_at: instantSchema,
    updated_at: instantSchema
  }),
  schedule_history: z.strictObject({
    id: z.number().int().positive(),
    interview_id: idSchema,
    action: z.enum(['scheduled', 'rescheduled', 'cancelled']),
    starts_at: instantSchema.nullable(),
    agreed_time_zone: timeZoneSchema.nullable(),
    duration_minutes: callMinutesSchema.nullable(),
    changed_at: instantSchema,
    note: scheduleNoteSchema
  }),
  connection_tests: z.strictObject({
    id: z.number().int().positive(),
    started_at: instantSchema,
    verdict: verdictSchema,
    report: jsonColumn(connectionReportSchema)
  }),
  // Added in format 3 (the prep room); absent from older files, so they import as empty.
  prep_rooms: z.strictObject({ interview_id: idSchema, note_id: idSchema.nullable(), opened_at: instantSchema }),
  checklist_items: z.strictObject({
    id: idSchema,
    interview_id: idSchema,
    kind: checklistKindSchema,
    label: checklistItemFieldsSchema.shape.label,
    why: checklistItemFieldsSchema.shape.why,
    position: z.number().int(),
    done_at: instantSchema.nullable(),
    removed_at: instantSchema.nullable(),
    created_at: instantSchema
  }),
  client_research: z.strictObject({
    client_id: idSchema,
    mission: research.mission,
    what_they_do: research.whatTheyDo,
    about_notes: research.aboutNotes,
    people: research.people,
    notes: research.notes,
    updated_at: instantSchema
  }),
  samples: z.strictObject({
    id: idSchema,
    title: sample.title,
    kind: sampleSchema.shape.kind,
    url: sampleSchema.shape.url,
    file_name: sampleSchema.shape.fileName,
    // Only a name Greenroom made itself: a backup can never point a sample outside the samples folder.
    stored_name: z.string().regex(/^([0-9a-f-]{36}\.[a-z0-9]{1,8})?$/, 'Not a stored sample file name'),
    media_type: sampleSchema.shape.mediaType,
    size_bytes: sampleSchema.shape.sizeBytes,
    tags: jsonColumn(sample.tags),
    proves: sample.proves,
    created_at: instantSchema,
    updated_at: instantSchema
  }),
  interview_samples: z.strictObject({ interview_id: idSchema, sample_id: idSchema, attached_at: instantSchema }),
  questions: z.strictObject({
    id: idSchema,
    question: question.question,
    answer: question.answer,
    tags: jsonColumn(question.tags),
    created_at: instantSchema,
    updated_at: instantSchema
  }),
  interview_questions: z.strictObject({
    interview_id: idSchema,
    question_id: idSchema,
    picked_at: instantSchema,
    struggled_at: instantSchema.nullable()
  }),
  follow_ups: z.strictObject({
    id: idSchema,
    interview_id: idSchema,
    question_id: idSchema.nullable(),
    text: followUpSchema.shape.text,
    done_at: instantSchema.nullable(),
    created_at: instantSchema
  }),
  // Added in format 4 (the call room): calls held, with what was measured and the rating.
  calls: z.strictObject({
    id: idSchema,
    interview_id: idSchema,
    started_at: instantSchema,
    ended_at: instantSchema,
    measurements: jsonColumn(callMeasurementsSchema),
    rating: z.number().int().min(1).max(5).nullable(),
    issues: jsonColumn(z.array(callIssueSchema).max(4)),
    rated_at: instantSchema.nullable(),
    // Where the call was held; files from before calls held elsewhere have only Greenroom's own.
    channel: channelSchema.default('builtin')
  }),
  // One row per setting, its value checked with that setting's own schema.
  settings: z
    .strictObject({ key: z.enum(settingKeys, { message: 'Not a Greenroom setting' }), value: z.string(), updated_at: instantSchema })
    .superRefine((row, context) => {
      const value = jsonColumn(settingsSchema.shape[row.key]).safeParse(row.value)
      if (!value.success) context.addIssue({ code: 'custom', path: ['value'], message: value.error.issues[0]!.message })
    })
} as const

export type BackupTableName = keyof typeof backupTables
/** Parents before children, so foreign keys hold at every insert. */
export const BACKUP_TABLE_ORDER = Object.keys(backupTables) as BackupTableName[]

export const backupFileSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT, { message: 'This is not a Greenroom backup file' }),
  version: z.number().int(),
  exportedAt: instantSchema,
  appVersion: z.string(),
  data: z.strictObject(
    // Tables added after format 1 may be missing from older files: they import as empty.
    Object.fromEntries(BACKUP_TABLE_ORDER.map((name) => [name, z.array(backupTables[name]).default([])])) as {
      [K in BackupTableName]: z.ZodDefault<z.ZodArray<(typeof backupTables)[K]>>
    }
  )
})
export type BackupFile = z.infer<typeof backupFileSchema>

export { MAX_BACKUP_CHARACTERS } from './backup-limit'

/** What an import or the demo data put in place, counted. */
export const backupSummarySchema = z.object({
  clients: z.number().int(),
  interviews: z.number().int(),
  invitations: z.number().int(),
  notes: z.number().int()
})
export type BackupSummary = z.infer<typeof backupSummarySchema>
