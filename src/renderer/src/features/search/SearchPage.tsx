import { Badge, Group, Paper, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import type { SearchResult } from '@shared/pipeline'
import { PageHeader } from '@renderer/components/PageHeader'
import { QueryState } from '@renderer/components/QueryState'
import { useQuery } from '@renderer/hooks/useQuery'
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
 * back from the address lost keys typed faster than the router updates it, and so does
 * taking back an address this page wrote itself but the router applied late.
 */
function useSearchText(): [string, (text: string) => void, () => void] {
  const [params, setParams] = useSearchParams()
  const fromAddress = params.get('q') ?? ''
  const [text, setText] = useState(fromAddress)
  /** Every value this page has put in the address since it last took one from elsewhere. */
  const written = useRef(new Set([fromAddress]))
  const lastWritten = useRef(fromAddress)
  const [settled] = useDebouncedValue(text, 300)

  const write = useCallback(
    (value: string) => {
      if (value === lastWritten.current) return
      lastWritten.current = value
      written.current.add(value)
      setParams(value ? { q: value } : {}, { replace: true })
    },
    [setParams]
  )
  useEffect(() => write(settled), [settled, write])

  // Another page may open search with words of its own (?q=…): those replace the field.
  useEffect(() => {
    if (written.current.has(fromAddress)) return
    written.current = new Set([fromAddress])
    lastWritten.current = fromAddress
    setText(fromAddress)
  }, [fromAddress])

  // Leaving for a result writes what is typed at once, so Back returns to the same words.
  const flush = useCallback(() => write(text), [text, write])
  return [text, setText, flush]
}

export function SearchPage() {
  const [query, setQuery, keepQuery] = useSearchText()
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
                    onClick={keepQuery}
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
