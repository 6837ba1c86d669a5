import { Badge, Group, Paper, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import type { SearchResult } from '../../../../shared/pipeline-api'
import { PageHeader } from '../../components/PageHeader'
import { QueryState } from '../../components/QueryState'
import { useQuery } from '../../hooks/useQuery'
import { Highlighted } from './Highlighted'

const KIND_LABELS: Record<SearchResult['kind'], string> = {
  job: 'Job post',
  client: 'Client',
  proposal: 'Proposal',
  note: 'Note',
  research: 'Company research',
  question: 'Question bank'
}

function target(result: SearchResult): string {
  if (result.kind === 'question') return '/samples?tab=questions'
  if (result.kind === 'research' && result.interviewId) return `/interviews/${result.interviewId}/prep`
  if (result.interviewId) return `/interviews/${result.interviewId}`
  return '/inbox'
}

/**
 * The field owns what is typed; the address follows a moment later. Reading the field
 * back from the address lost keys typed faster than the router updates it.
 */
function useSearchText(): [string, (text: string) => void] {
  const [params, setParams] = useSearchParams()
  const fromAddress = params.get('q') ?? ''
  const [text, setText] = useState(fromAddress)
  const written = useRef(fromAddress)
  const [settled] = useDebouncedValue(text, 300)

  useEffect(() => {
    if (settled === written.current) return
    written.current = settled
    setParams(settled ? { q: settled } : {}, { replace: true })
  }, [settled, setParams])

  // Another page may open search with words of its own (?q=…).
  useEffect(() => {
    if (fromAddress === written.current) return
    written.current = fromAddress
    setText(fromAddress)
  }, [fromAddress])

  return [text, setText]
}

export function SearchPage() {
  const [query, setQuery] = useSearchText()
  const [debounced] = useDebouncedValue(query, 150)
  const results = useQuery(() => window.greenroom.search({ query: debounced, limit: 50 }), [debounced])

  return (
    <>
      <PageHeader title="Search" description="Job posts, clients, proposals, notes, company research and the question bank, all at once." />
      <Stack gap="md">
        <TextInput
          aria-label="Search everything"
          placeholder="A word from a job post, a client, a note…"
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
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
                      {result.title && result.clientName && result.kind !== 'client' && (
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
