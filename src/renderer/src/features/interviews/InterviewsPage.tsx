import { Anchor, Badge, Button, Group, Paper, SegmentedControl, SimpleGrid, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core'
import { IconFlag, IconMessages, IconPlus } from '@tabler/icons-react'
import { DateTime } from 'luxon'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { INTERVIEW_TYPES, isBeforeTheCall, SCENARIOS, STATUS_LABELS, type InterviewStatus, type InterviewSummary } from '@shared/pipeline'
import { PageHeader } from '@renderer/components/PageHeader'
import { Placeholder } from '@renderer/components/Placeholder'
import { QueryState } from '@renderer/components/QueryState'
import { StatusBadge } from '@renderer/components/StatusBadge'
import { SortableHeader, type SortDirection } from '@renderer/components/SortableHeader'
import { formatDate, formatInstant } from '@renderer/components/time'
import { cityOf } from '@shared/schedule'
import { formatClock } from '@shared/time-format'
import { useHourCycle } from '@renderer/hooks/useHourCycle'
import { useSettings } from '@renderer/hooks/settings-context'
import { useQuery } from '@renderer/hooks/useQuery'
import { DemoDataButton } from '@renderer/components/DemoDataButton'
import { InterviewFilters, noFilters, type FilterState } from './InterviewFilters'
import { ReadinessBar } from '@renderer/features/prep/ReadinessMeter'
import type { Readiness } from '@shared/prep'
import { NewInterviewModal } from './NewInterviewModal'

function toQuery(filters: FilterState, zone: string) {
  const day = (text: string) => DateTime.fromISO(text, { zone })
  return {
    statuses: filters.statuses.length ? filters.statuses : undefined,
    clientId: filters.clientId ?? undefined,
    scenario: filters.scenario ?? undefined,
    type: filters.type ?? undefined,
    from: filters.from && day(filters.from).isValid ? day(filters.from).toUTC().toISO()! : undefined,
    to: filters.to && day(filters.to).isValid ? day(filters.to).plus({ days: 1 }).toUTC().toISO()! : undefined,
    limit: 500
  }
}

function ClientCell({ interview }: { interview: InterviewSummary }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">{interview.clientName}</Text>
      {interview.clientHasRedFlags && (
        <Tooltip label="This client has a red flag">
          <IconFlag size={14} color="var(--mantine-color-red-6)" aria-label="Red flag" />
        </Tooltip>
      )}
    </Group>
  )
}

/** Prep readiness of the listed interviews, kept current as their checklists change. */
function useReadiness(interviews: InterviewSummary[] | undefined): Map<string, Readiness> {
  const ids = (interviews ?? []).map((interview) => interview.id)
  const readiness = useQuery(
    () => (ids.length ? window.greenroom.getPrepReadiness({ interviewIds: ids }) : Promise.resolve([])),
    [ids.join(',')]
  )
  return new Map((readiness.data ?? []).map((entry) => [entry.interviewId, entry]))
}

function PrepCell({ interview, readiness }: { interview: InterviewSummary; readiness: Readiness | undefined }) {
  const showReadiness = readiness && isBeforeTheCall(interview.status)
  // Its readiness is on the way (the list just changed).
  const pending = !readiness && isBeforeTheCall(interview.status)
  return (
    <Anchor
      component={Link}
      to={`/interviews/${interview.id}/prep`}
      underline="never"
      // The row names the interview; a label without its title keeps "link named <title>" unique.
      aria-label={showReadiness ? `${Math.round(readiness.share * 100)}% ready: open the prep room` : 'Open the prep room'}
      aria-busy={pending || undefined}
      onClick={(event: React.MouseEvent) => event.stopPropagation()}
    >
      {showReadiness ? (
        <ReadinessBar readiness={readiness} />
      ) : pending ? (
        // The bar's place, not a word that is about to change.
        <Skeleton h={8} w={72} radius="xl" aria-hidden />
      ) : (
        <Text size="xs" c="dimmed">
          Open
        </Text>
      )}
    </Anchor>
  )
}

/** When the call is, in the user's zone, with the client's time beside it. */
function CallCell({ interview, zone }: { interview: InterviewSummary; zone: string }) {
  const cycle = useHourCycle()
  const schedule = interview.schedule
  if (!schedule) {
    return (
      <Text size="sm" c="dimmed">
        Not scheduled
      </Text>
    )
  }
  const clientZone = interview.clientTimeZone ?? schedule.timeZone
  return (
    <Stack gap={0}>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatInstant(schedule.startsAt, zone, cycle)}
      </Text>
      {clientZone !== zone && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatClock(DateTime.fromISO(schedule.startsAt).setZone(clientZone), cycle)} in {cityOf(clientZone)}
        </Text>
      )}
    </Stack>
  )
}

/** By call time; interviews without one stay last either way. */
function byCallTime(interviews: InterviewSummary[], direction: SortDirection): InterviewSummary[] {
  const sign = direction === 'ascending' ? 1 : -1
  return [...interviews].sort((a, b) => {
    if (!a.schedule || !b.schedule) return (a.schedule ? 0 : 1) - (b.schedule ? 0 : 1)
    return sign * a.schedule.startsAt.localeCompare(b.schedule.startsAt)
  })
}

function InterviewTable({
  interviews,
  zone,
  readiness
}: {
  interviews: InterviewSummary[]
  zone: string
  readiness: Map<string, Readiness>
}) {
  const navigate = useNavigate()
  // Null: the list's own order, the latest activity first.
  const [callOrder, setCallOrder] = useState<SortDirection | null>(null)
  const rows = callOrder ? byCallTime(interviews, callOrder) : interviews
  return (
    <Paper withBorder radius="lg">
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Interview</Table.Th>
            <Table.Th>Client</Table.Th>
            <Table.Th>Status</Table.Th>
            <SortableHeader direction={callOrder} onSort={setCallOrder}>
              Call
            </SortableHeader>
            <Table.Th>Scenario</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Prep</Table.Th>
            <Table.Th>Last activity</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((interview) => (
            <Table.Tr key={interview.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/interviews/${interview.id}`)}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/interviews/${interview.id}`}
                  size="sm"
                  fw={600}
                  c="var(--mantine-color-text)"
                  onClick={(event: React.MouseEvent) => event.stopPropagation()}
                >
                  {interview.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <ClientCell interview={interview} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <StatusBadge status={interview.status} size="sm" />
              </Table.Td>
              <Table.Td>
                <CallCell interview={interview} zone={zone} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {SCENARIOS[interview.scenario]}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{INTERVIEW_TYPES[interview.type]}</Text>
              </Table.Td>
              <Table.Td>
                <PrepCell interview={interview} readiness={readiness.get(interview.id)} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {formatDate(interview.updatedAt, zone)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}

/** The board's columns: the way to a hire on the first row, where interviews ended on the second. */
const BOARD_COLUMNS: InterviewStatus[] = ['accepted', 'scheduled', 'done', 'offer', 'hired', 'no_offer', 'declined', 'no_show']

function InterviewBoard({ interviews, readiness }: { interviews: InterviewSummary[]; readiness: Map<string, Readiness> }) {
  // Columns wrap into rows rather than scroll sideways: every status stays in view at any window width.
  return (
    <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="sm" verticalSpacing="sm">
      {BOARD_COLUMNS.map((status) => {
        const inColumn = interviews.filter((interview) => interview.status === status)
        return (
          <Paper key={status} withBorder radius="lg" p="sm" miw={0} aria-label={`${STATUS_LABELS[status]} column`} component="section">
            <Group justify="space-between" mb="xs">
              <StatusBadge status={status} size="sm" />
              <Badge variant="transparent" color="gray">
                {inColumn.length}
              </Badge>
            </Group>
            <Stack gap={6}>
              {inColumn.length === 0 && (
                <Text size="xs" c="dimmed">
                  None right now
                </Text>
              )}
              {inColumn.map((interview) => (
                <Paper
                  key={interview.id}
                  withBorder
                  radius="md"
                  p="xs"
                  component={Link}
                  to={`/interviews/${interview.id}`}
                  style={{ textDecoration: 'none', color: 'inherit' }}
                >
                  <Text size="sm" fw={500} lineClamp={2}>
                    {interview.title}
                  </Text>
                  <ClientCell interview={interview} />
                  {isBeforeTheCall(interview.status) && readiness.get(interview.id) && (
                    <ReadinessBar readiness={readiness.get(interview.id)!} />
                  )}
                </Paper>
              ))}
            </Stack>
          </Paper>
        )
      })}
    </SimpleGrid>
  )
}

export function InterviewsPage() {
  const { settings } = useSettings()
  const zone = settings?.timeZone ?? 'UTC'
  const [filters, setFilters] = useState<FilterState>(noFilters)
  const [view, setView] = useState<'list' | 'board'>('list')
  const [adding, setAdding] = useState(false)
  const clients = useQuery(() => window.greenroom.listClients(), [])
  const interviews = useQuery(() => window.greenroom.listInterviews(toQuery(filters, zone)), [JSON.stringify(filters), zone])
  const filtered = JSON.stringify(filters) !== JSON.stringify(noFilters)
  const readiness = useReadiness(interviews.data)

  return (
    <>
      <PageHeader
        title="Interviews"
        description="Every client conversation from invitation to hire, with its job post, proposal, notes and outcome."
        actions={
          <Group wrap="nowrap">
            <SegmentedControl
              aria-label="View"
              value={view}
              data={[
                { value: 'list', label: 'List' },
                { value: 'board', label: 'Board' }
              ]}
              onChange={(value) => setView(value as 'list' | 'board')}
            />
            <Button leftSection={<IconPlus size={18} />} onClick={() => setAdding(true)}>
              New interview
            </Button>
          </Group>
        }
      />
      <Stack gap="md">
        <InterviewFilters value={filters} onChange={setFilters} clients={clients.data ?? []} />
        <QueryState query={interviews}>
          {(loaded) =>
            loaded.length === 0 ? (
              <Placeholder
                icon={<IconMessages size={32} aria-hidden />}
                title={filtered ? 'No interviews match these filters' : 'No interviews yet'}
                description={
                  filtered
                    ? 'Try fewer filters, or clear them to see every interview.'
                    : 'Accepted invitations become interviews here, grouped by where they stand: scheduled, done, offer, hired.'
                }
                actions={
                  filtered ? (
                    <Button variant="default" onClick={() => setFilters(noFilters)}>
                      Clear filters
                    </Button>
                  ) : (
                    <DemoDataButton />
                  )
                }
              />
            ) : view === 'list' ? (
              <InterviewTable interviews={loaded} zone={zone} readiness={readiness} />
            ) : (
              <InterviewBoard interviews={loaded} readiness={readiness} />
            )
          }
        </QueryState>
      </Stack>
      {adding && <NewInterviewModal onClose={() => setAdding(false)} />}
    </>
  )
}
