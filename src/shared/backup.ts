import { z } from 'zod'
import { budgetTypeSchema, channelSchema, idSchema, instantSchema, interviewStatusSchema, interviewTypeSchema, invitationStatusSchema, offerStatusSchema, redFlagKindSchema, scenarioSchema } from './pipeline'
import { checklistKindSchema } from './prep'

/**
 * The backup file: one JSON document, versioned, whose tables mirror the database's
 * columns. Each table's schema is also its column list, so export, validation and import
 * cannot drift apart.
 */
export const BACKUP_FORMAT = 'greenroom-backup'
export const BACKUP_VERSION = 4

const jsonText = z.string().refine((text) => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}, 'Not valid JSON text')
const amount = z.number().finite().min(0)

export const backupTables = {
  clients: z.strictObject({
    id: idSchema, name: z.string().min(1), company: z.string(), website: z.string(), time_zone: z.string().nullable(),
    country: z.string(), notes: z.string(), created_at: instantSchema, updated_at: instantSchema,
    // Added with per-client working hours; absent from older files (NULL: the default hours).
    working_hours: jsonText.nullable().optional()
  }),
  client_red_flags: z.strictObject({ id: idSchema, client_id: idSchema, kind: redFlagKindSchema, note: z.string(), created_at: instantSchema }),
  jobs: z.strictObject({
    id: idSchema, client_id: idSchema, title: z.string().min(1), description: z.string(), url: z.string(), budget_type: budgetTypeSchema,
    budget: amount.nullable(), skills: jsonText, posted_at: instantSchema.nullable(), created_at: instantSchema
  }),
  proposals: z.strictObject({
    id: idSchema, job_id: idSchema, cover_letter: z.string(), bid_type: budgetTypeSchema, amount, estimated_duration: z.string(),
    attachments: jsonText, submitted_at: instantSchema, viewed_at: instantSchema.nullable()
  }),
  proposal_terms_history: z.strictObject({
    id: z.number().int().positive(), proposal_id: idSchema, bid_type: budgetTypeSchema, amount, estimated_duration: z.string(), changed_at: instantSchema
  }),
  interviews: z.strictObject({
    id: idSchema, client_id: idSchema, job_id: idSchema.nullable(), proposal_id: idSchema.nullable(), title: z.string().min(1),
    scenario: scenarioSchema, type: interviewTypeSchema, sample_instructions: z.string(), sample_fee: amount.nullable(),
    sample_due_at: instantSchema.nullable(), channel: channelSchema, channel_link: z.string(), status: interviewStatusSchema,
    outcome_notes: z.string(), created_at: instantSchema, updated_at: instantSchema,
    // Added in format 2 (scheduling); absent from format 1 files.
    starts_at: instantSchema.nullable().optional(), agreed_time_zone: z.string().nullable().optional(),
    duration_minutes: z.number().int().positive().nullable().optional()
  }),
  interview_status_history: z.strictObject({
    id: z.number().int().positive(), interview_id: idSchema, from_status: interviewStatusSchema.nullable(), to_status: interviewStatusSchema,
    changed_at: instantSchema, note: z.string()
  }),
  invitations: z.strictObject({
    id: idSchema, client_id: idSchema, job_id: idSchema, message: z.string(), received_at: instantSchema, status: invitationStatusSchema,
    responded_at: instantSchema.nullable(), decline_reasons: jsonText, decline_note: z.string(), accept_message: z.string(), interview_id: idSchema.nullable()
  }),
  offers: z.strictObject({
    id: idSchema, interview_id: idSchema, price_type: budgetTypeSchema, amount, deadline: instantSchema.nullable(), note: z.string(),
    status: offerStatusSchema, created_at: instantSchema, decided_at: instantSchema.nullable()
  }),
  notes: z.strictObject({ id: idSchema, interview_id: idSchema, body: z.string(), created_at: instantSchema, updated_at: instantSchema }),
  schedule_history: z.strictObject({
    id: z.number().int().positive(), interview_id: idSchema, action: z.enum(['scheduled', 'rescheduled', 'cancelled']),
    starts_at: instantSchema.nullable(), agreed_time_zone: z.string().nullable(), duration_minutes: z.number().int().positive().nullable(),
    changed_at: instantSchema, note: z.string()
  }),
  connection_tests: z.strictObject({ id: z.number().int().positive(), started_at: instantSchema, verdict: z.enum(['ready', 'usable', 'not_ready']), report: jsonText }),
  // Added in format 3 (the prep room); absent from older files, so they import as empty.
  prep_rooms: z.strictObject({ interview_id: idSchema, note_id: idSchema.nullable(), opened_at: instantSchema }),
  checklist_items: z.strictObject({
    id: idSchema, interview_id: idSchema, kind: checklistKindSchema, label: z.string().min(1), why: z.string(), position: z.number().int(),
    done_at: instantSchema.nullable(), removed_at: instantSchema.nullable(), created_at: instantSchema
  }),
  client_research: z.strictObject({
    client_id: idSchema, mission: z.string(), what_they_do: z.string(), about_notes: z.string(), people: z.string(), notes: z.string(), updated_at: instantSchema
  }),
  samples: z.strictObject({
    id: idSchema, title: z.string().min(1), kind: z.enum(['file', 'link']), url: z.string(), file_name: z.string(),
    // Only a name Greenroom made itself: a backup can never point a sample outside the samples folder.
    stored_name: z.string().regex(/^([0-9a-f-]{36}\.[a-z0-9]{1,8})?$/, 'Not a stored sample file name'),
    media_type: z.string(), size_bytes: z.number().int().min(0), tags: jsonText, proves: z.string(), created_at: instantSchema, updated_at: instantSchema
  }),
  interview_samples: z.strictObject({ interview_id: idSchema, sample_id: idSchema, attached_at: instantSchema }),
  questions: z.strictObject({ id: idSchema, question: z.string().min(1), answer: z.string(), tags: jsonText, created_at: instantSchema, updated_at: instantSchema }),
  interview_questions: z.strictObject({ interview_id: idSchema, question_id: idSchema, picked_at: instantSchema, struggled_at: instantSchema.nullable() }),
  follow_ups: z.strictObject({
    id: idSchema, interview_id: idSchema, question_id: idSchema.nullable(), text: z.string(), done_at: instantSchema.nullable(), created_at: instantSchema
  }),
  // Added in format 4 (the call room): calls held, with what was measured and the rating.
  calls: z.strictObject({
    id: idSchema, interview_id: idSchema, started_at: instantSchema, ended_at: instantSchema, measurements: jsonText,
    rating: z.number().int().min(1).max(5).nullable(), issues: jsonText, rated_at: instantSchema.nullable()
  }),
  settings: z.strictObject({ key: z.string().min(1), value: jsonText, updated_at: instantSchema })
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

export const MAX_BACKUP_CHARACTERS = 30 * 1024 * 1024
