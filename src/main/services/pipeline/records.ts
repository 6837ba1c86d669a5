import { randomUUID } from 'node:crypto'
import type { Client, Invitation, Job, Note, Offer, Proposal, StatusChange } from '../../../shared/pipeline'
import { DEFAULT_CLIENT_WORKING_HOURS } from '../../../shared/pipeline'
import { workingHoursSchema } from '../../../shared/settings'

/** Row shapes as SQLite returns them, and their mapping to the contract's records. */

export const newId = (): string => randomUUID()

const parseJsonArray = <T>(text: string): T[] => JSON.parse(text) as T[]

export interface ClientRow {
  id: string
  name: string
  company: string
  website: string
  time_zone: string | null
  country: string
  notes: string
  /** JSON; NULL keeps the default hours. */
  working_hours: string | null
  created_at: string
  updated_at: string
}
export interface RedFlagRow {
  id: string
  client_id: string
  kind: 'no_show' | 'other'
  note: string
  created_at: string
}
/** Stored hours, or the default when none (or none readable) are stored. */
function clientWorkingHours(stored: string | null): Client['workingHours'] {
  if (stored === null) return DEFAULT_CLIENT_WORKING_HOURS
  try {
    const parsed = workingHoursSchema.safeParse(JSON.parse(stored))
    return parsed.success ? parsed.data : DEFAULT_CLIENT_WORKING_HOURS
  } catch {
    return DEFAULT_CLIENT_WORKING_HOURS
  }
}

export function toClient(row: ClientRow, flags: RedFlagRow[]): Client {
  return {
    id: row.id,
    name: row.name,
    company: row.company,
    website: row.website,
    timeZone: row.time_zone,
    country: row.country,
    notes: row.notes,
    workingHours: clientWorkingHours(row.working_hours),
    redFlags: flags.map((flag) => ({ id: flag.id, kind: flag.kind, note: flag.note, createdAt: flag.created_at })),
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

export interface JobRow {
  id: string
  client_id: string
  title: string
  description: string
  url: string
  budget_type: 'fixed' | 'hourly'
  budget: number | null
  skills: string
  posted_at: string | null
  created_at: string
}
export function toJob(row: JobRow): Job {
  return {
    id: row.id,
    clientId: row.client_id,
    title: row.title,
    description: row.description,
    url: row.url,
    budgetType: row.budget_type,
    budget: row.budget,
    skills: parseJsonArray<string>(row.skills),
    postedAt: row.posted_at,
    createdAt: row.created_at
  }
}

export interface InvitationRow {
  id: string
  client_id: string
  job_id: string
  message: string
  received_at: string
  status: Invitation['status']
  responded_at: string | null
  decline_reasons: string
  decline_note: string
  accept_message: string
  interview_id: string | null
}
export function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    clientId: row.client_id,
    jobId: row.job_id,
    message: row.message,
    receivedAt: row.received_at,
    status: row.status,
    respondedAt: row.responded_at,
    declineReasons: parseJsonArray(row.decline_reasons),
    declineNote: row.decline_note,
    acceptMessage: row.accept_message,
    interviewId: row.interview_id
  }
}

export interface ProposalRow {
  id: string
  job_id: string
  client_id: string
  cover_letter: string
  bid_type: 'fixed' | 'hourly'
  amount: number
  estimated_duration: string
  attachments: string
  submitted_at: string
  viewed_at: string | null
}
export interface TermsHistoryRow {
  bid_type: 'fixed' | 'hourly'
  amount: number
  estimated_duration: string
  changed_at: string
}
export function toProposal(row: ProposalRow, history: TermsHistoryRow[]): Proposal {
  return {
    id: row.id,
    jobId: row.job_id,
    clientId: row.client_id,
    coverLetter: row.cover_letter,
    terms: { bidType: row.bid_type, amount: row.amount, estimatedDuration: row.estimated_duration },
    attachments: parseJsonArray(row.attachments),
    submittedAt: row.submitted_at,
    viewedAt: row.viewed_at,
    termsHistory: history.map((entry) => ({
      bidType: entry.bid_type,
      amount: entry.amount,
      estimatedDuration: entry.estimated_duration,
      changedAt: entry.changed_at
    }))
  }
}

export interface OfferRow {
  id: string
  interview_id: string
  price_type: 'fixed' | 'hourly'
  amount: number
  deadline: string | null
  note: string
  status: Offer['status']
  created_at: string
  decided_at: string | null
}
export function toOffer(row: OfferRow): Offer {
  return {
    id: row.id,
    interviewId: row.interview_id,
    priceType: row.price_type,
    amount: row.amount,
    deadline: row.deadline,
    note: row.note,
    status: row.status,
    createdAt: row.created_at,
    decidedAt: row.decided_at
  }
}

export interface NoteRow {
  id: string
  interview_id: string
  body: string
  created_at: string
  updated_at: string
}
export function toNote(row: NoteRow): Note {
  return { id: row.id, interviewId: row.interview_id, body: row.body, createdAt: row.created_at, updatedAt: row.updated_at }
}

export interface StatusHistoryRow {
  from_status: StatusChange['from']
  to_status: StatusChange['to']
  changed_at: string
  note: string
}
export function toStatusChange(row: StatusHistoryRow): StatusChange {
  return { from: row.from_status, to: row.to_status, changedAt: row.changed_at, note: row.note }
}
