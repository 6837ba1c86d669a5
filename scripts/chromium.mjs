// The one Chromium finder, used by the end-to-end tests and by `npm run bench` alike
// (plain JavaScript so the bench runs it as it is; types in chromium.d.mts).
import { existsSync } from 'node:fs'

const USUAL_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
]

/** Debian's Chromium or another system Chromium; never a browser download of our own. */
export function findChromium(env = process.env, exists = existsSync) {
  if (env.CHROME_PATH) {
    if (exists(env.CHROME_PATH)) return env.CHROME_PATH
    throw new Error(`CHROME_PATH is set to ${env.CHROME_PATH}, but there is no file there.`)
  }
  const found = USUAL_PATHS.find((path) => exists(path))
  if (found) return found
  throw new Error(
    'No Chromium found for the end-to-end tests and benchmarks. Install it with `sudo apt-get install chromium` ' +
      '(Debian/Ubuntu), or point CHROME_PATH at a Chromium or Chrome binary.'
  )
}

/** Flags that make Chromium quiet and offline, with fake camera and microphone granted. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-gpu'
]
