import { useCallback, useEffect, useRef, useState } from 'react'

export interface Query<T> {
  data: T | undefined
  error: string | null
  loading: boolean
  reload(): void
}

/**
 * Runs a read against main and keeps it current: it runs again when its inputs change
 * and whenever main announces that records changed.
 */
export function useQuery<T>(read: () => Promise<T>, inputs: readonly unknown[]): Query<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [version, setVersion] = useState(0)
  const readRef = useRef(read)
  readRef.current = read

  useEffect(() => window.greenroom.on('recordsChanged', () => setVersion((n) => n + 1)), [])

  useEffect(() => {
    let current = true
    setLoading(true)
    readRef
      .current()
      .then((value) => {
        if (!current) return
        setData(value)
        setError(null)
      })
      .catch((failure: unknown) => current && setError(failure instanceof Error ? failure.message : String(failure)))
      .finally(() => current && setLoading(false))
    return () => {
      current = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's inputs are the dependencies; the read is taken fresh from a ref
  }, [version, ...inputs])

  const reload = useCallback(() => setVersion((n) => n + 1), [])
  return { data, error, loading, reload }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
