import { describe, expect, it } from 'vitest'
import { findChromium } from '../../scripts/chromium.mjs'

describe('finding Chromium for the end-to-end tests', () => {
  it('prefers CHROME_PATH', () => {
    expect(findChromium({ CHROME_PATH: '/opt/chrome/chrome' }, (path) => path === '/opt/chrome/chrome')).toBe('/opt/chrome/chrome')
  })

  it('says so when CHROME_PATH points nowhere', () => {
    expect(() => findChromium({ CHROME_PATH: '/nope' }, () => false)).toThrow('CHROME_PATH is set to /nope')
  })

  it('falls back to the usual system paths, Debian’s first', () => {
    expect(findChromium({}, (path) => path === '/usr/bin/chromium' || path === '/usr/bin/google-chrome')).toBe('/usr/bin/chromium')
    expect(findChromium({}, (path) => path === '/usr/bin/google-chrome')).toBe('/usr/bin/google-chrome')
  })

  it('explains how to install it when there is none', () => {
    expect(() => findChromium({}, () => false)).toThrow(/apt-get install chromium.*CHROME_PATH/s)
  })
})
