import type { BackupSummary } from '../../../shared/backup'
import type { CallIssue, CallMeasurements } from '../../../shared/call'
import type { ClientFields, DeclineReason, InterviewFields, InterviewStatus, JobFields } from '../../../shared/pipeline'
import type { ResearchFields, SampleFields } from '../../../shared/prep'
import { ApiError } from '../../../shared/errors'
import type { Clock } from '../../../shared/time-source'
import { withinTransaction, type Database } from '../database'
import { createInterviewsService } from './interviews'
import { createInvitationsService } from './invitations'
import { createNotesService } from './notes'
import { createOffersService } from './offers'
import { createClientsService } from './clients'
import { defaultSettings } from '../../../shared/settings'
import { createSchedulingService } from '../schedule/scheduling'
import { createCallsService } from '../call/calls'
import { createPrepService } from '../prep/prep-room'
import { createQuestionsService } from '../prep/questions'
import type { SampleStore } from '../prep/sample-files'
import { browserSampleOpener, createSamplesService } from '../prep/samples'
import type { SettingsService } from '../settings-service'

type Answer =
  | { kind: 'pending' }
  | { kind: 'archive'; afterHours: number }
  | { kind: 'decline'; afterHours: number; reasons: DeclineReason[]; note: string }
  | {
      kind: 'accept'
      afterHours: number
      /** How the interview is held: scenario, type, channel (and the sample task, if any). */
      fields: Partial<InterviewFields>
      path: InterviewStatus[]
      notes: string[]
      offer?: number
      noShowFlag?: boolean
      /** The call as held and rated afterwards. */
      call?: { minutes: number; rating: number; issues: CallIssue[]; measurements: CallMeasurements }
      /** A prep room in use: ticked habits, notes, research, samples and likely questions. */
      prep?: boolean
      /** When a call still ahead is, from now (two days unless said). */
      callInHours?: number
    }

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
  name,
  company,
  website,
  timeZone,
  country,
  notes
})
const job = (title: string, description: string, budget: Pick<JobFields, 'budgetType' | 'budget'>, skills: string[]): JobFields => ({
  title,
  description,
  url: '',
  ...budget,
  skills,
  postedAt: null
})

/** A realistic few weeks of a freelancer's pipeline, told as stories. */
const STORIES: Story[] = [
  {
    client: client(
      'Maya Chen',
      'Brightloop Analytics',
      'America/Los_Angeles',
      'United States',
      'https://brightloop.example',
      'Series A, 14 people. Maya is the CTO.'
    ),
    job: job(
      'React dashboard for subscription metrics',
      'We need a senior React developer to build an analytics dashboard for our subscription metrics: churn, MRR, cohort retention. Data comes from our existing GraphQL API. Charts must be fast with 50k points.',
      hourly(85),
      ['React', 'TypeScript', 'GraphQL', 'Charts']
    ),
    message: 'Hi! Your portfolio had exactly the kind of dashboards we need. Could we talk this week?',
    daysAgo: 20,
    answer: {
      kind: 'accept',
      afterHours: 2,
      fields: { scenario: 'negotiation', type: 'call', channel: 'zoom', channelLink: 'https://zoom.us/j/5550123456' },
      path: ['scheduled', 'done', 'offer'],
      notes: [
        'Ask about their cohort definitions and how they compute churn.',
        'She liked the virtualised table demo. Wants a fixed price for phase 1.'
      ],
      offer: 6400,
      call: {
        minutes: 24,
        rating: 4,
        issues: ['echo'],
        measurements: {
          averageRttMs: 48,
          worstRttMs: 95,
          averageLossPercent: 0.3,
          worstLossPercent: 1.8,
          averageJitterMs: 6,
          mos: 4.3,
          samples: 288,
          reconnects: 0
        }
      }
    }
  },
  {
    client: client('Jonas Weber', 'Kontor GmbH', 'Europe/Berlin', 'Germany', 'https://kontor.example'),
    job: job(
      'Electron app: offline invoice editor',
      'Looking for an Electron developer to finish an offline-first invoice editor. SQLite storage, PDF export, auto-update. German and English UI.',
      fixed(4000),
      ['Electron', 'SQLite', 'TypeScript']
    ),
    message: 'We saw your Electron work. Are you available for a 3-month project?',
    daysAgo: 16,
    // Hired straight from the invitation: the client had seen enough.
    answer: {
      kind: 'accept',
      afterHours: 5,
      fields: { scenario: 'direct_hire', type: 'call', channel: 'marketplace' },
      path: ['hired'],
      notes: ['They ship to 40 accountants. Auto-update must work behind proxies.']
    }
  },
  {
    client: client('Priya Nair', 'Lotus Health', 'Asia/Kolkata', 'India'),
    job: job(
      'WebRTC telehealth prototype',
      'Prototype a browser-based video consultation with screen share and a waiting room. HIPAA-minded design. TURN server setup included.',
      fixed(2500),
      ['WebRTC', 'Node.js', 'TURN']
    ),
    message: 'Hello, we would like to discuss our telehealth prototype with you.',
    daysAgo: 12,
    answer: {
      kind: 'accept',
      afterHours: 30,
      fields: {
        scenario: 'more_info',
        type: 'unpaid_sample',
        sampleTask: {
          instructions: 'Sketch the waiting-room flow: patient joins, doctor admits, screen share. One page, to talk through on the call.',
          fee: null,
          dueAt: null
        },
        channel: 'teams',
        channelLink: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_lotus-health%40thread.v2/0'
      },
      path: ['scheduled', 'no_show'],
      notes: ['Prepared TURN cost estimate. Client did not join.'],
      noShowFlag: true
    }
  },
  {
    client: client('Tom Okafor', 'Greenfield Logistics', 'Africa/Lagos', 'Nigeria'),
    job: job(
      'Fix memory leak in Node.js worker',
      'Our Node.js queue worker grows to 2 GB after a day. Need someone to profile and fix it. Short job.',
      hourly(60),
      ['Node.js', 'Performance']
    ),
    message: 'Quick job, can you start tomorrow?',
    daysAgo: 9,
    answer: {
      kind: 'accept',
      afterHours: 1,
      fields: {
        scenario: 'convinced',
        type: 'paid_sample',
        sampleTask: {
          instructions: 'Two paid hours: profile the worker with heap snapshots and write up where the memory goes.',
          fee: 120,
          dueAt: null
        },
        channel: 'skype',
        channelLink: 'https://join.skype.com/gRfLd8xQ2kPz'
      },
      path: ['scheduled', 'done', 'no_offer'],
      notes: ['Heap snapshots point at an unbounded Map of job ids.'],
      call: {
        minutes: 15,
        rating: 3,
        issues: ['choppy_audio'],
        measurements: {
          averageRttMs: 160,
          worstRttMs: 410,
          averageLossPercent: 2.4,
          worstLossPercent: 7.5,
          averageJitterMs: 22,
          mos: 3.7,
          samples: 180,
          reconnects: 1
        }
      }
    }
  },
  {
    client: client('Sofia Rossi', 'Atelier Nove', 'Europe/Rome', 'Italy', 'https://ateliernove.example'),
    job: job('Shopify theme tweaks', 'Small changes to our Shopify theme: banner, font sizes, a new product badge.', fixed(150), [
      'Shopify',
      'Liquid',
      'CSS'
    ]),
    message: 'Hi, small task for our shop.',
    daysAgo: 7,
    answer: {
      kind: 'decline',
      afterHours: 3,
      reasons: ['skills_mismatch', 'budget_too_low'],
      note: 'Suggested a Shopify specialist instead.'
    }
  },
  {
    client: client('Liam Murphy', 'Northwind Games', 'Europe/Dublin', 'Ireland'),
    job: job(
      'Multiplayer lobby with WebSockets',
      'Build a matchmaking lobby for a browser game: rooms, ready states, reconnection. Node.js backend, 10k concurrent players.',
      hourly(70),
      ['WebSockets', 'Node.js', 'Redis']
    ),
    message: 'Would love to hear how you would approach reconnection.',
    daysAgo: 4,
    answer: {
      kind: 'accept',
      afterHours: 4,
      fields: { scenario: 'more_info', type: 'call', channel: 'builtin' },
      path: ['scheduled'],
      // Its notes are the prep room's (below).
      notes: [],
      prep: true
    }
  },
  {
    client: client('Daniel Kim', 'Parcel Route', 'Australia/Sydney', 'Australia', 'https://parcelroute.example'),
    job: job(
      'Route planning API in TypeScript',
      'Expose our route optimiser as a typed REST API with rate limits and usage metering. Drivers use it from a React Native app.',
      hourly(75),
      ['TypeScript', 'Node.js', 'API design']
    ),
    message: 'Your API design notes were great. Could we meet on Google Meet? Mornings work best here.',
    daysAgo: 5,
    answer: {
      kind: 'accept',
      afterHours: 3,
      fields: { scenario: 'more_info', type: 'call', channel: 'meet', channelLink: 'https://meet.google.com/pqr-stuv-wxy' },
      path: ['scheduled'],
      callInHours: 27,
      notes: ['Ask how drivers report a wrong route today.']
    }
  },
  {
    client: client('Elena Petrova', 'Krona Studio', 'Europe/Warsaw', 'Poland'),
    job: job(
      'Figma to React component library',
      'Turn our Figma design system (40 components) into a documented React library with Storybook.',
      fixed(3500),
      ['React', 'Storybook', 'CSS']
    ),
    message: 'We use Whereby for calls, is that fine for you?',
    daysAgo: 2,
    answer: {
      kind: 'accept',
      afterHours: 6,
      fields: { scenario: 'convinced', type: 'call', channel: 'other', channelLink: 'https://whereby.com/krona-studio' },
      path: ['scheduled'],
      callInHours: 74,
      notes: []
    }
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
    job: job(
      'TypeScript SDK for a REST API',
      'Write and publish a typed TypeScript SDK for our public REST API (60 endpoints), with tests and docs.',
      fixed(3000),
      ['TypeScript', 'API design', 'Testing']
    ),
    message: 'We are looking for someone careful about API design.',
    daysAgo: 1,
    answer: { kind: 'pending' }
  },
  {
    client: client('Grace Miller', 'Oakridge Legal', 'America/New_York', 'United States'),
    job: job(
      'Document search with full-text ranking',
      'Add fast full-text search to our document archive (200k PDFs). SQLite FTS5 or Postgres, your call.',
      hourly(90),
      ['SQLite', 'Search', 'Python']
    ),
    message: 'Your answer on FTS5 ranking in the forum was great. Can we chat?',
    daysAgo: 0.2,
    answer: { kind: 'pending' }
  }
]

const HOUR = 60 * 60 * 1000

/** The name the demo gives its freelancer, unless the user already set their own. */
export const DEMO_PROFILE_NAME = 'Sam Rivera'

/** Portfolio pieces, as links (demo data copies no files). */
const SAMPLES: (SampleFields & { url: string })[] = [
  {
    title: 'Subscription analytics dashboard',
    url: 'https://portfolio.example/brightloop-dashboard',
    tags: ['React', 'Charts'],
    proves: 'Fast charts over 50k points, cohort retention and churn views.'
  },
  {
    title: 'Offline-first invoice editor (Electron)',
    url: 'https://portfolio.example/invoice-editor',
    tags: ['Electron', 'SQLite'],
    proves: 'Desktop apps that work without internet and update themselves.'
  },
  {
    title: 'Realtime game lobby: load test write-up',
    url: 'https://portfolio.example/lobby-load-test',
    tags: ['WebSockets', 'Node.js'],
    proves: '10k concurrent players with reconnection, measured.'
  }
]

/** A question of the user's own, beside the starter set, with a real answer. */
const OWN_QUESTION = {
  question: 'How do you handle players who lose their connection mid-game?',
  answer:
    'Session tokens survive a drop: the client reconnects with its token within 30 s and gets its seat and state back. Redis keeps the room state, so any server can take the player back.',
  tags: ['WebSockets', 'experience']
}

const LOBBY_RESEARCH: ResearchFields = {
  website: 'https://northwind.example',
  mission: 'Small studio making cozy multiplayer browser games.',
  whatTheyDo: 'Two live games, about 40k monthly players; a third in closed beta.',
  aboutNotes: 'Team of 6 in Dublin. Liam is the technical director; ships every Friday.',
  people: 'Liam Murphy (technical director), Aoife Byrne (producer)',
  notes: ''
}

const LOBBY_NOTES = `# Northwind lobby call

- Open with the load-test write-up: 10k players, p95 join time.
- Prepare: reconnection with session tokens, Redis pub/sub fan-out.
- Reconnection: session tokens, 30 s grace, state in Redis.
- Ask: how do they deploy today? Who owns the Redis cluster?
- Rate: $70/h as posted; first milestone is the lobby without matchmaking.
`

/** Fills an empty database with the stories above, through the real services. */
export async function loadDemoData(outer: Database, realClock: Clock, store: SampleStore): Promise<BackupSummary> {
  // One transaction for the whole story: a failure leaves the database empty, as it was.
  return outer.transaction((tx) => tellStories(withinTransaction(tx, outer.file), realClock, store))
}

/** The demo as the app loads it: the stories, and the freelancer's name unless the user already gave their own. */
export function createDemoData(deps: {
  db: Database
  clock: Clock
  store: SampleStore
  settings: Pick<SettingsService, 'get' | 'update'>
}) {
  return {
    async load(): Promise<BackupSummary> {
      const summary = await loadDemoData(deps.db, deps.clock, deps.store)
      if (!(await deps.settings.get()).userName.trim()) await deps.settings.update({ userName: DEMO_PROFILE_NAME })
      return summary
    }
  }
}

export type DemoData = ReturnType<typeof createDemoData>

async function tellStories(db: Database, realClock: Clock, store: SampleStore): Promise<BackupSummary> {
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
  const calls = createCallsService({ db, clock })
  const prep = createPrepService({ db, clock, store })
  const samples = createSamplesService({ db, clock, store, opener: browserSampleOpener })
  const questions = createQuestionsService({ db, clock })
  const nowMs = realClock.now().getTime()

  // The library first, as a freelancer builds it before the interviews it serves.
  at = nowMs - 30 * 24 * HOUR
  const library = []
  for (const { url, ...fields } of SAMPLES) library.push(await samples.addLink(fields, url))
  const starters = await questions.addStarters()
  const ownQuestion = await questions.create(OWN_QUESTION)
  const starter = (wording: string) => starters.find((question) => question.question === wording)!

  for (const story of STORIES) {
    const received = nowMs - story.daysAgo * 24 * HOUR
    at = received
    const item = await invitations.create({
      client: { fields: story.client },
      job: story.job,
      message: story.message,
      receivedAt: new Date(received).toISOString()
    })
    const { answer } = story
    if (answer.kind === 'pending') continue
    at = received + answer.afterHours * HOUR
    if (answer.kind === 'archive') await invitations.archive(item.invitation.id)
    if (answer.kind === 'decline') await invitations.decline(item.invitation.id, answer.reasons, answer.note)
    if (answer.kind !== 'accept') continue

    const accepted = await invitations.accept(item.invitation.id, 'Thanks for the invitation, happy to talk.', null)
    const interviewId = accepted.invitation.interviewId!
    const { interview } = await interviews.get(interviewId)
    const { title, scenario, type, sampleTask, channel, channelLink, outcomeNotes } = interview
    await interviews.update(interviewId, { title, scenario, type, sampleTask, channel, channelLink, outcomeNotes, ...answer.fields })
    for (const body of answer.notes) await notes.add(interviewId, body)
    for (const [step, status] of answer.path.entries()) {
      at += 18 * HOUR
      if (status === 'scheduled') {
        // A call still ahead is set two days from now; calls already held were set a day after acceptance.
        const last = step === answer.path.length - 1
        const start = last ? Math.ceil((nowMs + (answer.callInHours ?? 48) * HOUR) / HOUR) * HOUR : at + 24 * HOUR
        const zone = story.client.timeZone ?? 'UTC'
        await scheduling.schedule(interviewId, { startsAt: new Date(start).toISOString(), timeZone: zone, durationMinutes: 20, note: '' })
      } else if (status === 'offer')
        await offers.create(interviewId, { priceType: story.job.budgetType, amount: answer.offer ?? 0, deadline: null, note: '' })
      else if (status === 'hired') {
        const detail = await interviews.get(interviewId)
        const pending = detail.offers.find((offer) => offer.status === 'pending')
        if (pending) await offers.decide(pending.id, true)
        else await interviews.changeStatus(interviewId, 'hired', '')
      } else await interviews.changeStatus(interviewId, status, '')
    }
    if (answer.noShowFlag) await clients.addRedFlag(accepted.client.id, 'no_show', 'Did not join the scheduled call')

    const schedule = (await interviews.get(interviewId)).interview.schedule
    if (answer.call && schedule) {
      const started = Date.parse(schedule.startsAt) + 60_000
      const ended = started + answer.call.minutes * 60_000
      const held = await calls.record({
        interviewId,
        startedAt: new Date(started).toISOString(),
        endedAt: new Date(ended).toISOString(),
        measurements: answer.call.measurements
      })
      at = ended + 5 * 60_000
      await calls.rate(held.id, answer.call.rating, answer.call.issues)
      // The question that went badly on this call leaves a follow-up.
      const hard = starter('How did you arrive at your rate or estimate?')
      await questions.pick(interviewId, hard.id)
      if (answer.call.rating < 4) await questions.mark(interviewId, hard.id, true)
    }

    if (answer.prep) {
      at = nowMs - 2 * HOUR
      const room = await prep.open(interviewId)
      for (const item of room.checklist.filter(
        (entry) => entry.kind === 'reread_post' || entry.kind === 'research' || entry.kind === 'take_notes'
      ))
        await prep.setDone(item.id, true)
      await prep.saveResearch(accepted.client.id, LOBBY_RESEARCH)
      await prep.saveNotes(interviewId, LOBBY_NOTES)
      for (const sample of library.filter((entry) => entry.tags.includes('WebSockets') || entry.tags.includes('Electron')))
        await samples.attach(interviewId, sample.id)
      for (const question of [starter('Tell me about a similar project you have done.'), starter('What’s your availability?'), ownQuestion])
        await questions.pick(interviewId, question.id)
    }
  }

  const count = async (table: string) => (await db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))?.n ?? 0
  return {
    clients: await count('clients'),
    interviews: await count('interviews'),
    invitations: await count('invitations'),
    notes: await count('notes')
  }
}
