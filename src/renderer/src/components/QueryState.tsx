import { Alert, Button, Center, Loader } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import type { Query } from '@renderer/hooks/useQuery'

/** Shows loading and failure the same way everywhere; renders children once data is there. */
export function QueryState<T>({ query, children }: { query: Query<T>; children: (data: T) => ReactNode }) {
  if (query.error && query.data === undefined) {
    return (
      <Alert color="red" title="Could not load this" icon={<IconAlertTriangle />}>
        {query.error}
        <div>
          <Button mt="sm" size="xs" variant="light" color="red" onClick={query.reload}>
            Try again
          </Button>
        </div>
      </Alert>
    )
  }
  if (query.data === undefined) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading" />
      </Center>
    )
  }
  return <>{children(query.data)}</>
}
