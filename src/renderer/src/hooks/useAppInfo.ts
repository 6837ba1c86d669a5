import { useEffect, useState } from 'react'
import type { AppInfo } from '@shared/contract'

export function useAppInfo(): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null)
  useEffect(() => {
    let current = true
    window.greenroom
      .getAppInfo()
      .then((loaded) => current && setInfo(loaded))
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [])
  return info
}
