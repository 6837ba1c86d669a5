import { MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core'
import { INTERVIEW_STATUSES, INTERVIEW_TYPES, SCENARIOS, STATUS_LABELS, type Client, type InterviewStatus } from '@shared/pipeline'

export interface FilterState {
  statuses: InterviewStatus[]
  clientId: string | null
  scenario: keyof typeof SCENARIOS | null
  type: keyof typeof INTERVIEW_TYPES | null
  from: string
  to: string
}

export const noFilters: FilterState = { statuses: [], clientId: null, scenario: null, type: null, from: '', to: '' }

export function InterviewFilters({
  value,
  onChange,
  clients
}: {
  value: FilterState
  onChange: (filters: FilterState) => void
  clients: Client[]
}) {
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch })
  return (
    // A grid, not a wrapping row: six fields side by side, or two rows of three in a narrow window.
    <SimpleGrid cols={{ base: 3, lg: 6 }} spacing="sm" verticalSpacing="sm">
      <MultiSelect
        label="Status"
        placeholder={value.statuses.length ? undefined : 'Any'}
        data={INTERVIEW_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))}
        value={value.statuses}
        onChange={(statuses) => set({ statuses: statuses as InterviewStatus[] })}
        clearable
      />
      <Select
        label="Client"
        placeholder="Any"
        searchable
        clearable
        data={clients.map((client) => ({ value: client.id, label: client.name }))}
        value={value.clientId}
        onChange={(clientId) => set({ clientId })}
      />
      <Select
        label="Scenario"
        placeholder="Any"
        clearable
        data={Object.entries(SCENARIOS).map(([key, label]) => ({ value: key, label }))}
        value={value.scenario}
        onChange={(scenario) => set({ scenario: scenario as FilterState['scenario'] })}
      />
      <Select
        label="Type"
        placeholder="Any"
        clearable
        data={Object.entries(INTERVIEW_TYPES).map(([key, label]) => ({ value: key, label }))}
        value={value.type}
        onChange={(type) => set({ type: type as FilterState['type'] })}
      />
      <TextInput type="date" label="Active from" value={value.from} onChange={(event) => set({ from: event.currentTarget.value })} />
      <TextInput type="date" label="until" value={value.to} onChange={(event) => set({ to: event.currentTarget.value })} />
    </SimpleGrid>
  )
}
