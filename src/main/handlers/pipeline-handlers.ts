import type { Clock } from '../services/clock'
import type { Database } from '../services/database'
import type { EventBus } from '../services/events'
import { createBackupService } from '../services/pipeline/backup'
import { createClientsService } from '../services/pipeline/clients'
import { loadDemoData } from '../services/pipeline/demo-data'
import { createInterviewsService } from '../services/pipeline/interviews'
import { createInvitationsService } from '../services/pipeline/invitations'
import { createNotesService } from '../services/pipeline/notes'
import { createOffersService } from '../services/pipeline/offers'
import { createProposalsService } from '../services/pipeline/proposals'
import { createSearchService } from '../services/pipeline/search'
import { createStatsService } from '../services/pipeline/stats'
import type { SampleStore } from '../services/prep/sample-files'
import type { Handlers } from './types'

type PipelineMethod = Extract<
  keyof Handlers,
  | 'listClients' | 'createClient' | 'updateClient' | 'updateJob'
  | 'listInvitations' | 'createInvitation' | 'acceptInvitation' | 'declineInvitation' | 'archiveInvitation'
  | 'listInterviews' | 'getInterview' | 'createInterview' | 'updateInterview' | 'changeInterviewStatus' | 'deleteInterview'
  | 'createProposal' | 'updateProposalTerms' | 'updateCoverLetter' | 'markProposalViewed' | 'updateProposalAttachments'
  | 'createOffer' | 'decideOffer' | 'addNote' | 'updateNote' | 'deleteNote'
  | 'search' | 'getDashboard' | 'exportBackup' | 'importBackup' | 'deleteAllRecords' | 'loadDemoData'
>

/** Binds the pipeline's calls to its services; every change is announced so lists reload. */
export function createPipelineHandlers(deps: { db: Database; clock: Clock; events: EventBus; appVersion: string; sampleStore: SampleStore }): Pick<Handlers, PipelineMethod> {
  const { db, clock, events } = deps
  const clients = createClientsService({ db, clock })
  const invitations = createInvitationsService({ db, clock })
  const interviews = createInterviewsService({ db, clock })
  const proposals = createProposalsService({ db, clock })
  const offers = createOffersService({ db, clock })
  const notes = createNotesService({ db, clock })
  const search = createSearchService({ db })
  const stats = createStatsService({ db, clock })
  const backup = createBackupService({ db, clock, appVersion: deps.appVersion })

  const announcing =
    <I, O>(change: (input: I) => Promise<O>) =>
    async (input: I): Promise<O> => {
      const result = await change(input)
      events.emit('recordsChanged', { at: clock.now().toISOString() })
      return result
    }

  return {
    listClients: () => clients.list(),
    createClient: announcing((fields) => clients.create(fields)),
    updateClient: announcing(({ id, fields }) => clients.update(id, fields)),
    updateJob: announcing(({ id, fields }) => clients.updateJob(id, fields)),

    listInvitations: ({ statuses }) => invitations.list(statuses),
    createInvitation: announcing((input) => invitations.create(input)),
    acceptInvitation: announcing(({ id, message, terms }) => invitations.accept(id, message, terms)),
    declineInvitation: announcing(({ id, reasons, note }) => invitations.decline(id, reasons, note)),
    archiveInvitation: announcing(({ id }) => invitations.archive(id)),

    listInterviews: (filter) => interviews.list(filter),
    getInterview: ({ id }) => interviews.get(id),
    createInterview: announcing((input) => interviews.create(input)),
    updateInterview: announcing(({ id, fields }) => interviews.update(id, fields)),
    changeInterviewStatus: announcing(({ id, status, note }) => interviews.changeStatus(id, status, note)),
    deleteInterview: announcing(async ({ id }) => {
      await interviews.remove(id)
      return null
    }),

    createProposal: announcing((input) => proposals.create(input)),
    updateProposalTerms: announcing(({ id, terms }) => proposals.updateTerms(id, terms)),
    updateCoverLetter: announcing(({ id, coverLetter }) => proposals.updateCoverLetter(id, coverLetter)),
    markProposalViewed: announcing(({ id }) => proposals.markViewed(id)),
    updateProposalAttachments: announcing(({ id, attachments }) => proposals.updateAttachments(id, attachments)),

    createOffer: announcing(({ interviewId, fields }) => offers.create(interviewId, fields)),
    decideOffer: announcing(({ id, accepted }) => offers.decide(id, accepted)),

    addNote: announcing(({ interviewId, body }) => notes.add(interviewId, body)),
    updateNote: announcing(({ id, body }) => notes.update(id, body)),
    deleteNote: announcing(async ({ id }) => {
      await notes.remove(id)
      return null
    }),

    search: ({ query, limit }) => search.search(query, limit),
    getDashboard: (range) => stats.dashboard(range),

    exportBackup: () => backup.exportAll(),
    importBackup: announcing(({ text }) => backup.importAll(text)),
    deleteAllRecords: announcing(async () => {
      await backup.deleteAllRecords()
      return null
    }),
    loadDemoData: announcing(() => loadDemoData(db, clock, deps.sampleStore))
  }
}
