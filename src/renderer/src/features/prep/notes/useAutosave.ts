import { useCallback, useEffect, useRef, useState } from 'react'

export type SaveState =
  { kind: 'idle' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'failed'; message: string }

const RETRY_MS = 3000

/**
 * Saves the latest text on a short debounce, one save at a time, always the newest text
 * last; `flush` saves at once (blur, hide, quit). A failed save is retried and never
 * drops what was typed.
 */
export function useAutosave(options: { initial: string; save: (text: string) => Promise<void>; delayMs?: number }) {
  const delay = options.delayMs ?? 400
  const latest = useRef(options.initial)
  const saved = useRef(options.initial)
  const saveRef = useRef(options.save)
  saveRef.current = options.save
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const inFlight = useRef<Promise<void> | null>(null)
  const [state, setState] = useState<SaveState>({ kind: 'idle' })

  const flush = useCallback((): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current)
      timer.current = null
    }
    if (inFlight.current) return inFlight.current.then(() => (latest.current !== saved.current ? flush() : undefined))
    if (latest.current === saved.current) return Promise.resolve()
    const text = latest.current
    setState({ kind: 'saving' })
    inFlight.current = saveRef
      .current(text)
      .then(() => {
        saved.current = text
        setState(latest.current === text ? { kind: 'saved', at: new Date() } : { kind: 'pending' })
      })
      .catch((error: unknown) => {
        setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
        timer.current = setTimeout(() => void flush(), RETRY_MS)
      })
      .finally(() => {
        inFlight.current = null
      })
    return inFlight.current.then(() => (latest.current !== saved.current && !timer.current ? flush() : undefined))
  }, [])

  /** Records the text as typed and saves it after a short pause. */
  const changed = useCallback(
    (text: string) => {
      latest.current = text
      setState((current) => (current.kind === 'pending' ? current : { kind: 'pending' }))
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(() => void flush(), delay)
    },
    [delay, flush]
  )

  useEffect(() => {
    const onHide = () => void flush()
    const onVisibility = () => document.visibilityState === 'hidden' && void flush()
    window.addEventListener('pagehide', onHide)
    window.addEventListener('beforeunload', onHide)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      window.removeEventListener('pagehide', onHide)
      window.removeEventListener('beforeunload', onHide)
      document.removeEventListener('visibilitychange', onVisibility)
      void flush()
    }
  }, [flush])

  return { state, changed, flush, latest, isSaved: () => latest.current === saved.current }
}
