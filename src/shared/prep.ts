import { z } from 'zod'
import { idSchema, instantSchema, type InterviewSummary } from './pipeline'
import { describeInBothZones } from './schedule'
import type { HourCycle } from './time-format'

/** The prep room: checklist, company research, notes, samples, question bank, follow-ups. */

const text = (max: number, label: string) => z.string().trim().max(max, `${label} must be under ${max} characters`)
const webUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => /^https?:\/\/\S+$/i.test(value), { message: 'Links start with http:// or https://' })
const optionalWebUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => value === '' || /^https?:\/\/\S+$/i.test(value), { message: 'Links start with http:// or https://' })
const tagsSchema = z.array(text(40, 'A tag').min(1, 'A tag cannot be empty')).max(20, 'Keep it to 20 tags')

// ── Checklist ────────────────────────────────────────────────────────────────────────

export const checklistKindSchema = z.enum([
  'ask_client',
  'reread_post',
  'research',
  'take_notes',
  'samples',
  'connection',
  'fears',
  'custom'
])
export type ChecklistKind = z.infer<typeof checklistKindSchema>

/** The habits that win calls, in the order a new prep room lists them, each with its why. */
export const DEFAULT_CHECKLIST: readonly { kind: Exclude<ChecklistKind, 'custom'>; label: string; why: string }[] = [
  {
    kind: 'ask_client',
    label: 'Ask the client what they’d like you to prepare',
    why: 'They tell you what the call is really about, and you arrive with exactly that.'
  },
  { kind: 'reread_post', label: 'Reread the job post', why: 'Their own words are the checklist they will judge you by.' },
  {
    kind: 'research',
    label: 'Research the company: website, home and about pages',
    why: 'Knowing what they do and value lets you talk about their business, not just the task.'
  },
  { kind: 'take_notes', label: 'Take notes', why: 'Written points keep you on track when nerves hit, and show you listened.' },
  {
    kind: 'samples',
    label: 'Have samples ready',
    why: 'Showing similar work beats describing it: one click, no searching while they wait.'
  },
  {
    kind: 'connection',
    label: 'Check your connection',
    why: 'A frozen picture in the first minute costs more trust than any answer wins back.'
  },
  {
    kind: 'fears',
    label: 'Prepare for the questions you fear',
    why: 'A calm, prepared answer to the hard question is what clients remember.'
  }
]

/** How long a passed connection test ticks "Check your connection". */
export const CONNECTION_FRESH_HOURS = 24

export const checklistItemSchema = z.object({
  id: idSchema,
  kind: checklistKindSchema,
  label: z.string().max(200),
  why: z.string().max(300),
  /** Ticked by hand, or (connection item) by a test that passed within 24 hours. */
  done: z.boolean(),
  /** When it was ticked by hand; null if not, or if only the connection test ticks it. */
  doneAt: instantSchema.nullable(),
  /** True when the connection test ticks it: unticking by hand changes nothing. */
  auto: z.boolean()
})
export type ChecklistItem = z.infer<typeof checklistItemSchema>

export const checklistItemFieldsSchema = z.object({
  label: text(200, 'The item').min(1, 'Say what to do'),
  why: text(300, 'The why')
})

/** Whether a connection test that passed at `passedAt` still counts at `now`. */
export function connectionIsFresh(passedAt: string | null, now: Date): boolean {
  if (!passedAt) return false
  const age = now.getTime() - new Date(passedAt).getTime()
  return age >= -60_000 && age <= CONNECTION_FRESH_HOURS * 3_600_000
}

export interface ReadinessCount {
  done: number
  total: number
  /** 0..1. A list the user emptied has nothing left to do, so it counts as ready. */
  share: number
}

/** The connection item ticks itself while a recent connection test passed; no other item does. */
export function isConnectionAutoDone(kind: ChecklistKind, connectionFresh: boolean): boolean {
  return kind === 'connection' && connectionFresh
}

/** Share of checklist items done; the connection item counts as done while a recent test passed. */
export function readinessOf(items: readonly { kind: ChecklistKind; done: boolean }[], connectionFresh: boolean): ReadinessCount {
  const done = items.filter((item) => item.done || isConnectionAutoDone(item.kind, connectionFresh)).length
  const total = items.length
  return { done, total, share: total === 0 ? 1 : done / total }
}

/** Readiness of an interview whose prep room was never opened: its default items, none ticked by hand. */
export function defaultReadiness(connectionFresh: boolean): ReadinessCount {
  return readinessOf(
    DEFAULT_CHECKLIST.map((item) => ({ kind: item.kind, done: false })),
    connectionFresh
  )
}

export const readinessSchema = z.object({
  interviewId: idSchema,
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  share: z.number().min(0).max(1)
})
export type Readiness = z.infer<typeof readinessSchema>

export const connectionStatusSchema = z.object({
  /** The latest test that passed (Ready or Usable), if any. */
  lastPassedAt: instantSchema.nullable(),
  lastPassedVerdict: z.enum(['ready', 'usable']).nullable(),
  fresh: z.boolean()
})
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>

// ── Company research (kept per client, shared by its interviews) ─────────────────────

export const researchFieldsSchema = z.object({
  website: optionalWebUrl,
  mission: text(5000, 'The mission'),
  whatTheyDo: text(5000, 'What they do'),
  aboutNotes: text(10_000, 'About-page notes'),
  people: text(5000, 'People'),
  notes: text(20_000, 'Notes')
})
export type ResearchFields = z.infer<typeof researchFieldsSchema>
export const researchSchema = researchFieldsSchema.extend({ clientId: idSchema, updatedAt: instantSchema.nullable() })
export type Research = z.infer<typeof researchSchema>

// ── Samples ──────────────────────────────────────────────────────────────────────────

/** Largest sample file Greenroom copies in; bigger pieces are better shared as a link. */
export const MAX_SAMPLE_BYTES = 20 * 1024 * 1024

/** The file types a sample may be, by extension, with the media type it is opened as. */
export const SAMPLE_FILE_TYPES = {
  pdf: { label: 'PDF', mediaType: 'application/pdf' },
  png: { label: 'PNG image', mediaType: 'image/png' },
  jpg: { label: 'JPEG image', mediaType: 'image/jpeg' },
  jpeg: { label: 'JPEG image', mediaType: 'image/jpeg' },
  gif: { label: 'GIF image', mediaType: 'image/gif' },
  webp: { label: 'WebP image', mediaType: 'image/webp' },
  mp4: { label: 'MP4 video', mediaType: 'video/mp4' },
  mov: { label: 'QuickTime video', mediaType: 'video/quicktime' },
  webm: { label: 'WebM video', mediaType: 'video/webm' },
  mp3: { label: 'MP3 audio', mediaType: 'audio/mpeg' },
  docx: { label: 'Word document', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { label: 'Excel workbook', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pptx: { label: 'PowerPoint deck', mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  odt: { label: 'OpenDocument text', mediaType: 'application/vnd.oasis.opendocument.text' },
  ods: { label: 'OpenDocument spreadsheet', mediaType: 'application/vnd.oasis.opendocument.spreadsheet' },
  odp: { label: 'OpenDocument presentation', mediaType: 'application/vnd.oasis.opendocument.presentation' },
  txt: { label: 'Text file', mediaType: 'text/plain; charset=utf-8' },
  md: { label: 'Markdown file', mediaType: 'text/plain; charset=utf-8' },
  csv: { label: 'CSV file', mediaType: 'text/csv; charset=utf-8' }
} as const
export type SampleExtension = keyof typeof SAMPLE_FILE_TYPES
export const SAMPLE_EXTENSIONS = Object.keys(SAMPLE_FILE_TYPES) as SampleExtension[]

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : ''
}

export function isSampleExtension(extension: string): extension is SampleExtension {
  return Object.prototype.hasOwnProperty.call(SAMPLE_FILE_TYPES, extension)
}

/** "840 KB", "4.2 MB"; `decimals` keeps "20.0 MB" apart from a limit of "20 MB". */
export function formatBytes(bytes: number, decimals?: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  const megabytes = (bytes / (1024 * 1024)).toFixed(decimals ?? 1)
  return `${decimals === undefined ? megabytes.replace(/\.0$/, '') : megabytes} MB`
}

/** Checks a file's name and size before it is read, so the renderer can refuse at once. */
export function sampleFileProblem(fileName: string, size: number): string | null {
  const extension = extensionOf(fileName)
  if (!isSampleExtension(extension)) {
    return `“${fileName}” is not a type Greenroom keeps as a sample. Use PDF, images, video, office documents or text, or add it as a link.`
  }
  if (size === 0) return `“${fileName}” is empty.`
  if (size > MAX_SAMPLE_BYTES) {
    return `“${fileName}” is ${formatBytes(size, 1)}; sample files can be up to ${formatBytes(MAX_SAMPLE_BYTES)}. Share larger pieces as a link.`
  }
  return null
}

export const sampleFieldsSchema = z.object({
  title: text(200, 'The title').min(1, 'Give the sample a title'),
  tags: tagsSchema,
  proves: text(500, '“What it proves”')
})
export type SampleFields = z.infer<typeof sampleFieldsSchema>

export const sampleSchema = sampleFieldsSchema.extend({
  id: idSchema,
  kind: z.enum(['file', 'link']),
  /** The link, for link samples; empty for files. */
  url: optionalWebUrl,
  /** The original file name, for file samples. */
  fileName: z.string().max(255),
  mediaType: z.string().max(200),
  sizeBytes: z.number().int().min(0),
  /** False when a file sample's copy is missing (e.g. restored from a backup on another computer). */
  available: z.boolean(),
  createdAt: instantSchema,
  updatedAt: instantSchema
})
export type Sample = z.infer<typeof sampleSchema>

/** Base64 text of a file at most MAX_SAMPLE_BYTES long. */
export const MAX_SAMPLE_BASE64 = Math.ceil(MAX_SAMPLE_BYTES / 3) * 4

export const addSampleFileSchema = sampleFieldsSchema.extend({
  fileName: z.string().min(1, 'The file has no name').max(255, 'The file name is too long'),
  dataBase64: z
    .string()
    .max(MAX_SAMPLE_BASE64, `The file is larger than ${formatBytes(MAX_SAMPLE_BYTES)}. Share larger pieces as a link.`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file data is not base64')
})
export const addSampleLinkSchema = sampleFieldsSchema.extend({ url: webUrl })

export const openSampleResultSchema = z.discriminatedUnion('kind', [
  /** Opened with the system's app (desktop). */
  z.object({ kind: z.literal('opened') }),
  /** Browser mode: the renderer opens this address of the host in a new tab. */
  z.object({ kind: z.literal('url'), url: z.string() })
])
export type OpenSampleResult = z.infer<typeof openSampleResultSchema>

// ── Question bank ────────────────────────────────────────────────────────────────────

export const questionFieldsSchema = z.object({
  question: text(500, 'The question').min(1, 'Write the question'),
  answer: text(10_000, 'The answer'),
  tags: tagsSchema
})
export type QuestionFields = z.infer<typeof questionFieldsSchema>
export const questionSchema = questionFieldsSchema.extend({ id: idSchema, createdAt: instantSchema, updatedAt: instantSchema })
export type Question = z.infer<typeof questionSchema>

export const pickedQuestionSchema = z.object({
  question: questionSchema,
  pickedAt: instantSchema,
  /** When it was marked "couldn't answer well"; null if it went fine. */
  struggledAt: instantSchema.nullable()
})
export type PickedQuestion = z.infer<typeof pickedQuestionSchema>

export const followUpSchema = z.object({
  id: idSchema,
  interviewId: idSchema,
  questionId: idSchema.nullable(),
  text: z.string().max(2000),
  doneAt: instantSchema.nullable(),
  createdAt: instantSchema
})
export type FollowUp = z.infer<typeof followUpSchema>

/** The follow-up a question marked "couldn't answer well" adds to its interview. */
export function followUpText(question: string): string {
  return `Send a considered answer to “${question}”`
}

/**
 * The questions clients ask most in freelance interviews, offered when the bank is empty.
 * Each answer starts as a prompt for the user's own answer: what a good one covers.
 */
export const STARTER_QUESTIONS: readonly QuestionFields[] = [
  {
    question: 'Tell me about yourself.',
    answer:
      'Prompt: two sentences on what you do and for whom, one recent result that matches this job, and why this project caught your eye.',
    tags: ['intro']
  },
  {
    question: 'Tell me about a similar project you have done.',
    answer: 'Prompt: the closest sample, told as problem, what you did, and the result in numbers. Offer to share your screen and show it.',
    tags: ['experience']
  },
  {
    question: 'How would you approach this project?',
    answer: 'Prompt: the first questions you would ask, the plan for the first week, and how and when you report progress.',
    tags: ['process']
  },
  {
    question: 'What’s your availability?',
    answer: 'Prompt: hours a week you can give, the hours you overlap with their time zone, and the earliest date you can start.',
    tags: ['availability']
  },
  {
    question: 'How long would this take?',
    answer: 'Prompt: a range with its first milestone, what the estimate assumes, and what would make it shorter or longer.',
    tags: ['timeline']
  },
  {
    question: 'How did you arrive at your rate or estimate?',
    answer: 'Prompt: what the price covers, the main risks, and what would change it. Stay calm and concrete.',
    tags: ['money']
  },
  {
    question: 'Our budget is lower than your quote. Can you work with it?',
    answer: 'Prompt: what you could deliver for their budget (a smaller first phase), what stays out, and the rate you would not go below.',
    tags: ['money']
  },
  {
    question: 'How will you keep us updated?',
    answer:
      'Prompt: how often and where (a short written update, a weekly call), how fast you answer messages, and your working hours in their time.',
    tags: ['communication']
  },
  {
    question: 'What happens if the scope changes along the way?',
    answer:
      'Prompt: how you flag a change early, estimate it in writing before doing it, and let them choose: add it, swap it for something, or leave it for later.',
    tags: ['scope']
  },
  {
    question: 'What would you need from us to start?',
    answer: 'Prompt: access, one point of contact, what “done” means, and the deadline that really matters.',
    tags: ['process']
  },
  {
    question: 'What if we disagree on a decision?',
    answer: 'Prompt: you say what you think with your reasons once, then it is their call, and you write the decision down.',
    tags: ['collaboration']
  },
  {
    question: 'Why should we pick you over the other candidates?',
    answer: 'Prompt: the one thing in their post you are strongest at, proof of it (a sample or a number), and how you lower their risk.',
    tags: ['intro']
  },
  {
    question: 'Do you have any questions for us?',
    answer:
      'Prompt: two or three real ones: who you would work with, how they will judge success, and what went wrong with earlier attempts.',
    tags: ['closing']
  }
]

/** Whether a question still holds its starter prompt, untouched: the user has not written an answer yet. */
export function holdsStarterPrompt(question: Pick<QuestionFields, 'question' | 'answer'>): boolean {
  return STARTER_QUESTIONS.some((starter) => starter.question === question.question && starter.answer === question.answer)
}

// ── Notes ────────────────────────────────────────────────────────────────────────────

/** Prep notes may be long (a whole call's worth); the pipeline's note list caps edits lower. */
export const MAX_PREP_NOTES_CHARACTERS = 1_000_000

export const prepNotesSchema = z.object({
  /** The pipeline note that holds them (searchable), once anything was written. */
  noteId: idSchema.nullable(),
  body: z.string(),
  updatedAt: instantSchema.nullable()
})
export type PrepNotes = z.infer<typeof prepNotesSchema>

/** "12:07" or "1:02:45": time into the call, for the notes' timestamp command. */
export function callTimestamp(startedAt: Date, now: Date): string {
  const seconds = Math.max(0, Math.floor((now.getTime() - startedAt.getTime()) / 1000))
  const hours = Math.floor(seconds / 3600)
  const minutes = Math.floor((seconds % 3600) / 60)
  const rest = seconds % 60
  const two = (value: number) => String(value).padStart(2, '0')
  return hours > 0 ? `${hours}:${two(minutes)}:${two(rest)}` : `${two(minutes)}:${two(rest)}`
}

// ── The room ─────────────────────────────────────────────────────────────────────────

export const prepRoomSchema = z.object({
  interviewId: idSchema,
  checklist: z.array(checklistItemSchema),
  readiness: readinessSchema,
  connection: connectionStatusSchema,
  research: researchSchema,
  notes: prepNotesSchema,
  samples: z.array(sampleSchema),
  questions: z.array(pickedQuestionSchema),
  followUps: z.array(followUpSchema)
})
export type PrepRoom = z.infer<typeof prepRoomSchema>

// ── Ask the client ───────────────────────────────────────────────────────────────────

const CHANNEL_PHRASES: Record<InterviewSummary['channel'], string> = {
  builtin: 'by video call (I’ll send you the link)',
  marketplace: 'in the marketplace’s chat',
  zoom: 'on Zoom',
  meet: 'on Google Meet',
  teams: 'on Microsoft Teams',
  skype: 'on Skype',
  other: 'by video call'
}

/**
 * A ready-to-paste message asking the client what to prepare and confirming time, length
 * and channel. The time reads from the client's side: "Tue 09:00 your time · 15:00 in Berlin".
 */
export function askClientMessage(options: {
  interview: Pick<InterviewSummary, 'title' | 'schedule' | 'channel' | 'channelLink' | 'clientTimeZone'>
  clientName: string
  userName: string
  userZone: string
  cycle: HourCycle
}): string {
  const { interview } = options
  const firstName = options.clientName.trim().split(/\s+/)[0] || options.clientName
  // Greenroom's own call has its invite link instead; a link kept from another channel is not it.
  const link = interview.channel !== 'builtin' && interview.channelLink ? ` (${interview.channelLink})` : ''
  const schedule = interview.schedule
  const when = schedule
    ? `Just to confirm our call: ${describeInBothZones(schedule.startsAt, interview.clientTimeZone ?? schedule.timeZone, options.userZone, options.cycle)}, ${schedule.durationMinutes} minutes, ${CHANNEL_PHRASES[interview.channel]}${link}.`
    : 'Which day and time would suit you for a call? I’m happy to fit your time zone.'
  return [
    `Hi ${firstName},`,
    '',
    `Thanks again for inviting me to talk about “${interview.title}”.`,
    when,
    '',
    'Is there anything you’d like me to prepare, such as examples of similar work, a first plan, or answers to specific questions? I want to make the most of your time.',
    ...(options.userName ? ['', 'Best,', options.userName] : ['', 'Best'])
  ].join('\n')
}
