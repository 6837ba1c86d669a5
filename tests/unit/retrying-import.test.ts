import { describe, expect, it } from 'vitest'
import { isCodeLoadFailure, retryingImport } from '../../src/renderer/src/retrying-import'

/** A load that fails `failures` times, then gives its module; records the waits asked for. */
function flakyLoad(failures: number) {
  const waits: number[] = []
  let calls = 0
  const load = async () => {
    calls++
    if (calls <= failures) throw new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:5000/assets/InboxPage.js')
    return { InboxPage: 'the page' }
  }
  const wait = async (ms: number) => void waits.push(ms)
  return { load, wait, waits, calls: () => calls }
}

describe('loading a page’s code', () => {
  it('loads at once when nothing fails, with no wait', async () => {
    const flaky = flakyLoad(0)
    await expect(retryingImport(flaky.load, [250, 1000], flaky.wait)).resolves.toEqual({ InboxPage: 'the page' })
    expect(flaky.waits).toEqual([])
  })

  it('tries again after a load cut short, waiting longer each time', async () => {
    const flaky = flakyLoad(2)
    await expect(retryingImport(flaky.load, [250, 1000, 2500], flaky.wait)).resolves.toEqual({ InboxPage: 'the page' })
    expect(flaky.calls()).toBe(3)
    expect(flaky.waits).toEqual([250, 1000])
  })

  it('gives up after the last try with the browser’s own error', async () => {
    const flaky = flakyLoad(10)
    await expect(retryingImport(flaky.load, [250, 1000], flaky.wait)).rejects.toThrow(/Failed to fetch dynamically imported module/)
    expect(flaky.calls()).toBe(3)
  })
})

describe('telling a code load failure from a page’s own error', () => {
  it.each([
    'Failed to fetch dynamically imported module: http://127.0.0.1:5000/assets/InboxPage-C4LRCxHT.js',
    'error loading dynamically imported module: app://greenroom/assets/x.js',
    'Importing a module script failed.',
    'Unable to preload CSS for /assets/InboxPage.css'
  ])('“%s” is a code load failure', (message) => {
    expect(isCodeLoadFailure(new TypeError(message))).toBe(true)
  })

  it('a page’s own error is not', () => {
    expect(isCodeLoadFailure(new TypeError("Cannot read properties of undefined (reading 'title')"))).toBe(false)
  })
})
