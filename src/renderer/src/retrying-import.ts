/** How long to wait before each further try: a network change settles within a second or two. */
export const RETRY_DELAYS_MS = [250, 1000, 2500] as const

/**
 * Loads a page's code, trying again after a failure: a fetch cut off by a network change
 * (ERR_NETWORK_CHANGED) or a busy moment fails once and then loads. Chromium fetches a failed
 * module again on the next import, so trying again is enough. The last failure is thrown.
 */
export async function retryingImport<T>(
  load: () => Promise<T>,
  delays: readonly number[] = RETRY_DELAYS_MS,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await load()
    } catch (error) {
      const delay = delays[attempt]
      if (delay === undefined) throw error
      await wait(delay)
    }
  }
}

/** True for the browser's ways of saying a page's code could not be fetched (Chromium, Firefox, Safari, Vite's preload). */
export function isCodeLoadFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error)
  return /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS|Failed to load module script/i.test(
    message
  )
}
