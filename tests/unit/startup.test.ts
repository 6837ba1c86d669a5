import { describe, expect, it } from 'vitest'
import { settingsWithin, type StartupRequests } from '../../src/renderer/src/startup'
import { defaultSettings as defaultsIn } from '../../src/shared/settings'

const defaultSettings = defaultsIn('Europe/Warsaw')

/** A wait the test ends by hand, so nothing here depends on how fast the machine is. */
function handWait() {
  let end: () => void = () => undefined
  const wait = () => new Promise<void>((resolve) => (end = resolve))
  return { wait, end: () => end() }
}

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined
  let reject: (error: unknown) => void = () => undefined
  const promise = new Promise<T>((yes, no) => {
    resolve = yes
    reject = no
  })
  promise.catch(() => undefined)
  return { promise, resolve, reject }
}

describe('what the shell has for its first render', () => {
  it('is the settings when both the settings and the host’s clock answered before the wait ends', async () => {
    const timer = handWait()
    const requests: StartupRequests = { settings: Promise.resolve(defaultSettings), hostClock: Promise.resolve() }
    await expect(settingsWithin(requests, 250, timer.wait)).resolves.toEqual(defaultSettings)
  })

  it('is nothing while the host’s clock has not answered: no relative time is drawn on the page’s own clock', async () => {
    const timer = handWait()
    const clock = deferred<void>()
    const first = settingsWithin({ settings: Promise.resolve(defaultSettings), hostClock: clock.promise }, 250, timer.wait)
    timer.end()
    await expect(first).resolves.toBeNull()
    clock.resolve()
  })

  it('is nothing when the settings fail, so the shell shows the failure and its Try again', async () => {
    const timer = handWait()
    const settings = deferred<typeof defaultSettings>()
    const first = settingsWithin({ settings: settings.promise, hostClock: Promise.resolve() }, 250, timer.wait)
    settings.reject(new Error('the database is locked'))
    await expect(first).resolves.toBeNull()
  })
})
