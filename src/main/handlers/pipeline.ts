import { pipelineContract } from '../../shared/contract/pipeline'
import type { createClientsService } from '../services/pipeline/clients'
import type { createInterviewsService } from '../services/pipeline/interviews'
import type { createInvitationsService } from '../services/pipeline/invitations'
import type { createNotesService } from '../services/pipeline/notes'
import type { createOffersService } from '../services/pipeline/offers'
import type { createProposalsService } from '../services/pipeline/proposals'
import type { createSearchService } from '../services/pipeline/search'
import type { createStatsService } from '../services/pipeline/stats'
import { bindSlice, type SliceHandlers } from './types'

export interface PipelineServices {
  clients: ReturnType<typeof createClientsService>
  invitations: ReturnType<typeof createInvitationsService>
  interviews: ReturnType<typeof createInterviewsService>
  proposals: ReturnType<typeof createProposalsService>
  offers: ReturnType<typeof createOffersService>
  notes: ReturnType<typeof createNotesService>
  search: ReturnType<typeof createSearchService>
  stats: ReturnType<typeof createStatsService>
}

/** Binds the pipeline's calls to its services. */
export function createPipelineHandlers(services: PipelineServices): SliceHandlers<typeof pipelineContract> {
  const { clients, invitations, interviews, proposals, offers, notes, search, stats } = services
  return bindSlice(pipelineContract, {
    listClients: () => clients.list(),
    createClient: (fields) => clients.create(fields),
    updateClient: ({ id, fields }) => clients.update(id, fields),
    updateJob: ({ id, fields }) => clients.updateJob(id, fields),

    listInvitations: ({ statuses }) => invitations.list(statuses),
    createInvitation: (input) => invitations.create(input),
    acceptInvitation: ({ id, message, terms }) => invitations.accept(id, message, terms),
    declineInvitation: ({ id, reasons, note }) => invitations.decline(id, reasons, note),
    archiveInvitation: ({ id }) => invitations.archive(id),

    listInterviews: (filter) => interviews.list(filter),
    getInterview: ({ id }) => interviews.get(id),
    createInterview: (input) => interviews.create(input),
    updateInterview: ({ id, fields }) => interviews.update(id, fields),
    changeInterviewStatus: ({ id, status, note }) => interviews.changeStatus(id, status, note),
    deleteInterview: async ({ id }) => {
      await interviews.remove(id)
      return null
    },

    createProposal: (input) => proposals.create(input),
    updateProposalTerms: ({ id, terms }) => proposals.updateTerms(id, terms),
    updateCoverLetter: ({ id, coverLetter }) => proposals.updateCoverLetter(id, coverLetter),
    markProposalViewed: ({ id }) => proposals.markViewed(id),
    updateProposalAttachments: ({ id, attachments }) => proposals.updateAttachments(id, attachments),

    createOffer: ({ interviewId, fields }) => offers.create(interviewId, fields),
    decideOffer: ({ id, accepted }) => offers.decide(id, accepted),

    addNote: ({ interviewId, body }) => notes.add(interviewId, body),
    updateNote: ({ id, body }) => notes.update(id, body),
    deleteNote: async ({ id }) => {
      await notes.remove(id)
      return null
    },

    search: ({ query, limit }) => search.search(query, limit),
    getDashboard: (range) => stats.dashboard(range)
  })
}
