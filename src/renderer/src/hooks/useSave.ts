import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { errorMessage } from './useQuery'

/** Runs a change, shows a toast on success and the reason on failure. */
export function useSave() {
  const [busy, setBusy] = useState(false)
  const run = async (action: () => Promise<unknown>, success?: string): Promise<boolean> => {
    setBusy(true)
    try {
      await action()
      if (success) notifications.show({ message: success })
      return true
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(error) })
      return false
    } finally {
      setBusy(false)
    }
  }
  return { busy, run }
}
