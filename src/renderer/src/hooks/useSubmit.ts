import { useState } from 'react'
import { errorMessage } from './useQuery'

/** Runs a form's action, keeping the reason it failed to show inside the form itself. */
export function useSubmit(action: () => Promise<void>) {
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const submit = async () => {
    setBusy(true)
    setFailure(null)
    try {
      await action()
    } catch (error) {
      setFailure(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }
  return { busy, failure, submit }
}
