import type { BackupSummary } from '../../../shared/pipeline-api'
import type { ClientFields, DeclineReason, InterviewStatus, JobFields } from '../../../shared/pipeline'
import { ApiError } from '../../../shared/errors'
import type { Clock } from '../clock'
import { withinTransaction, type Database } from '../database'
import { createInterviewsService } from './interviews'
import { createInvitationsService } from './invitations'
import { createNotesService } from './notes'
import { createOffersService } from './offers'
import { createClientsService } from './clients'
import { defaultSettings } from '../../../shared/settings'
import { createSchedulingService } from '../schedule/scheduling'

type Answer =
  | { kind: 'pending' }
  | { kind: 'archive'; afterHours: number }
  | { kind: 'decline'; afterHours: number; reasons: DeclineReason[]; note: string }
  | { kind: 'accept'; afterHours: number; path: InterviewStatus[]; notes: string[]; offer?: number; noShowFlag?: boolean }

interface Story {
  client: ClientFields
  job: JobFields
  message: string
  daysAgo: number
  answer: Answer
}

const hourly = (budget: number | null): Pick<JobFields, 'budgetType' | 'budget'> => ({ budgetType: 'hourly', budget })
const fixed = (budget: number | null): Pick<JobFields, 'budgetType' | 'budget'> => ({ budgetType: 'fixed', budget })
const client = (name: string, company: string, timeZone: string, country: string, website = '', notes = ''): ClientFields => ({
  name, company, website, timeZone, country, notes
})
const job = (title: string, description: string, budget: Pick<JobFields, 'budgetType' | 'budget'>, skills: string[]): JobFields => ({
  title, description, url: '', ...budget, skills, postedAt: null
})

/** A realistic few weeks of a freelancer's pipeline, told as stories. */
const STORIES: Story[] = [
  {
    client: client('Maya Chen', 'Brightloop Analytics', 'America/Los_Angeles', 'United States', 'https://brightloop.example', 'Series A, 14 people. Maya is the CTO.'),
    job: job('React dashboard for subscription metrics', 'We need a senior React developer to build an analytics dashboard for our subscription metrics: churn, MRR, cohort retention. Data comes from our existing GraphQL API. Charts must be fast with 50k points.', hourly(85), ['React', 'TypeScript', 'GraphQL', 'Charts']),
    message: 'Hi! Your portfolio had exactly the kind of dashboards we need. Could we talk this week?',
    daysAgo: 20,
    answer: { kind: 'accept', afterHours: 2, path: ['scheduled', 'done', 'offer'], notes: ['Ask about their cohort definitions and how they compute churn.', 'She liked the virtualised table demo. Wants a fixed price for phase 1.'], offer: 6400 }
  },
  {
    client: client('Jonas Weber', 'Kontor GmbH', 'Europe/Berlin', 'Germany', 'https://kontor.example'),
    job: job('Electron app: offline invoice editor', 'Looking for an Electron developer to finish an offline-first invoice editor. SQLite storage, PDF export, auto-update. German and English UI.', fixed(4000), ['Electron', 'SQLite', 'TypeScript']),
    message: 'We saw your Electron work. Are you available for a 3-month project?',
    daysAgo: 16,
    answer: { kind: 'accept', afterHours: 5, path: ['scheduled', 'done', 'offer', 'hired'], notes: ['They ship to 40 accountants. Auto-update must work behind proxies.'], offer: 4000 }
  },
  {
    client: client('Priya Nair', 'Lotus Health', 'Asia/Kolkata', 'India'),
    job: job('WebRTC telehealth prototype', 'Prototype a browser-based video consultation with screen share and a waiting room. HIPAA-minded design. TURN server setup included.', fixed(2500), ['WebRTC', 'Node.js', 'TURN']),
    message: 'Hello, we would like to discuss our telehealth prototype with you.',
    daysAgo: 12,
    answer: { kind: 'accept', afterHours: 30, path: ['scheduled', 'no_show'], notes: ['Prepared TURN cost estimate. Client did not join.'], noShowFlag: true }
  },
  {
    client: client('Tom Okafor', 'Greenfield Logistics', 'Africa/Lagos', 'Nigeria'),
    job: job('Fix memory leak in Node.js worker', 'Our Node.js queue worker grows to 2 GB after a day. Need someone to profile and fix it. Short job.', hourly(60), ['Node.js', 'Performance']),
    message: 'Quick job, can you start tomorrow?',
    daysAgo: 9,
    answer: { kind: 'accept', afterHours: 1, path: ['scheduled', 'done', 'no_offer'], notes: ['Heap snapshots point at an unbounded Map of job ids.'] }
  },
  {
    client: client('Sofia Rossi', 'Atelier Nove', 'Europe/Rome', 'Italy', 'https://ateliernove.example'),
    job: job('Shopify theme tweaks', 'Small changes to our Shopify theme: banner, font sizes, a new product badge.', fixed(150), ['Shopify', 'Liquid', 'CSS']),
    message: 'Hi, small task for our shop.',
    daysAgo: 7,
    answer: { kind: 'decline', afterHours: 3, reasons: ['skills_mismatch', 'budget_too_low'], note: 'Suggested a Shopify specialist instead.' }
  },
  {
    client: client('Liam Murphy', 'Northwind Games', 'Europe/Dublin', 'Ireland'),
    job: job('Multiplayer lobby with WebSockets', 'Build a matchmaking lobby for a browser game: rooms, ready states, reconnection. Node.js backend, 10k concurrent players.', hourly(70), ['WebSockets', 'Node.js', 'Redis']),
    message: 'Would love to hear how you would approach reconnection.',
    daysAgo: 4,
    answer: { kind: 'accept', afterHours: 4, path: ['scheduled'], notes: ['Prepare: reconnection with session tokens, Redis pub/sub fan-out.'] }
  },
  {
    client: client('Ana Souza', 'Cafe Digital', 'America/Sao_Paulo', 'Brazil'),
    job: job('Landing page in Portuguese', 'One landing page, responsive, for a coffee subscription launch.', fixed(300), ['HTML', 'CSS']),
    message: 'Olá! Interested?',
    daysAgo: 3,
    answer: { kind: 'archive', afterHours: 50 }
  },
  {
    client: client('Kenji Sato', 'Hikari Labs', 'Asia/Tokyo', 'Japan', 'https://hikari.example'),
    job: job('TypeScript SDK for a REST API', 'Write and publish a typed TypeScript SDK for our public REST API (60 endpoints), with tests and docs.', fixed(3000), ['TypeScript', 'API design', 'Testing']),
    message: 'We are looking for someone careful about API design.',
    daysAgo: 1,
    answer: { kind: 'pending' }
  },
  {
    client: client('Grace Miller', 'Oakridge Legal', 'America/New_York', 'United States'),
    job: job('Document search with full-text ranking', 'Add fast full-text search to our document archive (200k PDFs). SQLite FTS5 or Postgres, your call.', hourly(90), ['SQLite', 'Search', 'Python']),
    message: 'Your answer on FTS5 ranking in the forum was great. Can we chat?',
    daysAgo: 0.2,
    answer: { kind: 'pending' }
  }
]

const HOUR = 60 * 60 * 1000

/** Fills an empty database with the stories above, through the real services. */
export async function loadDemoData(outer: Database, realClock: Clock): Promise<BackupSummary> {
  // One transaction for the whole story: a failure leaves the database empty, as it was.
  return outer.transaction((tx) => tellStories(withinTransaction(tx, outer.file), realClock))
}

async function tellStories(db: Database, realClock: Clock): Promise<BackupSummary> {
  const existing = await db.get<{ n: number }>('SELECT count(*) AS n FROM clients')
  if ((existing?.n ?? 0) > 0) throw new ApiError('CONFLICT', 'Demo data only goes into an empty database: this one already has clients')

  let at = realClock.now().getTime()
  const clock: Clock = { now: () => new Date(at) }
  const invitations = createInvitationsService({ db, clock })
  const interviews = createInterviewsService({ db, clock })
  const notes = createNotesService({ db, clock })
  const offers = createOffersService({ db, clock })
  const clients = createClientsService({ db, clock })
  const scheduling = createSchedulingService({ db, clock, settings: async () => defaultSettings('UTC') })
  const nowMs = realClock.now().getTime()

  for (const story of STORIES) {
    const received = nowMs - story.daysAgo * 24 * HOUR
    at = received
    const item = await invitations.create({ client: { fields: story.client }, job: story.job, message: story.message, receivedAt: new Date(received).toISOString() })
    const { answer } = story
    if (answer.kind === 'pending') continue
    at = received + answer.afterHours * HOUR
    if (answer.kind === 'archive') await invitations.archive(item.invitation.id)
    if (answer.kind === 'decline') await invitations.decline(item.invitation.id, answer.reasons, answer.note)
    if (answer.kind !== 'accept') continue

    const accepted = await invitations.accept(item.invitation.id, 'Thanks for the invitation, happy to talk.', null)
    const interviewId = accepted.invitation.interviewId!
    for (const body of answer.notes) await notes.add(interviewId, body)
    for (const [step, status] of answer.path.entries()) {
      at += 18 * HOUR
      if (status === 'scheduled') {
        // A call still ahead is set two days from now; calls already held were set a day after acceptance.
        const last = step === answer.path.length - 1
        const start = last ? Math.ceil((nowMs + 48 * HOUR) / HOUR) * HOUR : at + 24 * HOUR
        const zone = story.client.timeZone ?? 'UTC'
        await scheduling.schedule(interviewId, { startsAt: new Date(start).toISOString(), timeZone: zone, durationMinutes: 20, note: '' })
      } else if (status === 'offer') await offers.create(interviewId, { priceType: story.job.budgetType, amount: answer.offer ?? 0, deadline: null, note: '' })
      else if (status === 'hired') {
        const detail = await interviews.get(interviewId)
        const pending = detail.offers.find((offer) => offer.status === 'pending')
        if (pending) await offers.decide(pending.id, true)
        else await interviews.changeStatus(interviewId, 'hired', '')
      } else await interviews.changeStatus(interviewId, status, '')
    }
    if (answer.noShowFlag) await clients.addRedFlag(accepted.client.id, 'no_show', 'Did not join the scheduled call')
  }

  const count = async (table: string) => (await db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))?.n ?? 0
  return { clients: await count('clients'), interviews: await count('interviews'), invitations: await count('invitations'), notes: await count('notes') }
}
