import { Badge, Group, Paper, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { Link, useSearchParams } from 'react-router'
import type { SearchResult } from '../../../../shared/pipeline-api'
import { PageHeader } from '../../components/PageHeader'
import { QueryState } from '../../components/QueryState'
import { useQuery } from '../../hooks/useQuery'
import { Highlighted } from './Highlighted'

const KIND_LABELS: Record<SearchResult['kind'], string> = { job: 'Job post', client: 'Client', proposal: 'Proposal', note: 'Note' }

function target(result: SearchResult): string {
  if (result.interviewId) return `/interviews/${result.interviewId}`
  return '/inbox'
}

export function SearchPage() {
  const [params, setParams] = useSearchParams()
  const query = params.get('q') ?? ''
  const [debounced] = useDebouncedValue(query, 150)
  const results = useQuery(() => window.greenroom.search({ query: debounced, limit: 50 }), [debounced])

  return (
    <>
      <PageHeader title="Search" description="Job posts, clients, proposals and notes, all at once." />
      <Stack gap="md">
        <TextInput
          aria-label="Search everything"
          placeholder="A word from a job post, a client, a note…"
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(event) => setParams({ q: event.currentTarget.value }, { replace: true })}
          autoFocus
          size="md"
        />
        <QueryState query={results}>
          {(found) =>
            debounced.trim() === '' ? null : found.length === 0 ? (
              <Text c="dimmed">Nothing matches “{debounced}”.</Text>
            ) : (
              <Stack gap="xs" role="list" aria-label="Search results">
                {!found[0]!.ranked && (
                  <Text size="sm" c="dimmed">
                    These words are in thousands of records, so the newest matches come first. Add a word to narrow the search.
                  </Text>
                )}
                {found.map((result) => (
                  <Paper
                    key={`${result.kind}-${result.id}`}
                    withBorder
                    radius="md"
                    p="sm"
                    component={Link}
                    to={target(result)}
                    role="listitem"
                    style={{ textDecoration: 'none', color: 'inherit' }}
                  >
                    <Group gap="xs" mb={4}>
                      <Badge size="sm" variant="light" color="gray">
                        {KIND_LABELS[result.kind]}
                      </Badge>
                      <Text size="sm" fw={600}>
                        {result.title ? <Highlighted text={result.title} /> : result.clientName}
                      </Text>
                      {result.title && result.kind !== 'client' && (
                        <Text size="xs" c="dimmed">
                          {result.clientName}
                        </Text>
                      )}
                    </Group>
                    {result.snippet && (
                      <Text size="sm" c="dimmed">
                        <Highlighted text={result.snippet} />
                      </Text>
                    )}
                  </Paper>
                ))}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </>
  )
}
