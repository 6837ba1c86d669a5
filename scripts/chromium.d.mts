/** Debian's Chromium or another system Chromium; never a browser download of our own. */
export function findChromium(env?: NodeJS.ProcessEnv, exists?: (path: string) => boolean): string

/** Flags that make Chromium quiet and offline, with fake camera and microphone granted. */
export const CHROMIUM_ARGS: string[]
