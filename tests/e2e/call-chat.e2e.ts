import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'
import { useChromium } from './support/browser'
import { CAPTURE_CONNECTIONS, hostWithInterview, startCall } from './support/call'
import { useHosts } from './support/host'

const tempDir = useTempDirs()
const chromium = useChromium()
const startHost = useHosts(tempDir)

/** Keeps the data channels the page opens, so the test can send what a broken or hostile peer would. */
const CAPTURE_CHANNELS = `
  window.__channels = [];
  const create = RTCPeerConnection.prototype.createDataChannel;
  RTCPeerConnection.prototype.createDataChannel = function (...args) { const channel = create.apply(this, args); window.__channels.push(channel); return channel; };
`

/** With GREENROOM_SHOTS set to a folder, the call with chat open is photographed there in light and dark. */
async function photograph(page: Page, name: string): Promise<void> {
  const folder = process.env.GREENROOM_SHOTS
  if (!folder) return
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((value) => window.greenroom.updateSettings({ theme: value }), theme)
    await page.waitForTimeout(400)
    await page.screenshot({ path: `${folder}/${name}-${theme}.png` })
  }
}

describe('chat in the call', () => {
  it('carries messages both ways over the data channel, links as links, an unread badge, drops malformed messages, and saves the chat in the notes', async () => {
    const host = await startHost()
    const { page, id } = await hostWithInterview(host, chromium.newPage)
    await page.setViewportSize({ width: 1280, height: 800 })
    const { guest } = await startCall(page, chromium.newPage, { guestInit: CAPTURE_CONNECTIONS + CAPTURE_CHANNELS })

    // The guest writes while the host's chat is closed: a badge counts it.
    await guest.getByRole('button', { name: 'Open chat' }).click()
    await guest
      .getByRole('textbox', { name: 'Message' })
      .fill('The brief is at https://example.com/brief?v=2. Write to me at maya@brightloop.io')
    await guest.getByRole('button', { name: 'Send message' }).click()
    await page.getByRole('button', { name: 'Open chat, 1 unread' }).waitFor()

    // Malformed or oversized messages on the channel are dropped; the call and the chat go on.
    await guest.evaluate(() => {
      const channel = (window as unknown as { __channels: RTCDataChannel[] }).__channels.at(-1)!
      channel.send('not json')
      channel.send(JSON.stringify({ type: 'chat', id: 'x1', text: '' }))
      channel.send(JSON.stringify({ type: 'chat', id: '../../etc', text: 'bad id' }))
      channel.send(JSON.stringify({ type: 'chat', id: 'x2', text: 'x'.repeat(5_000) }))
      channel.send(JSON.stringify({ type: 'chat', id: 'x3', text: 'extra field', html: '<img src=x>' }))
      channel.send(JSON.stringify({ type: 'chat', id: 'x4', text: 42 }))
    })
    await page.waitForTimeout(500)
    await page.getByRole('button', { name: 'Open chat, 1 unread' }).click()
    const log = page.getByRole('log', { name: 'Chat messages' })
    await log.getByText('The brief is at', { exact: false }).waitFor()
    expect(await log.locator('.greenroom-chat-message').count()).toBe(1)

    // The link is a link, opened outside only on a click; the e-mail address stays text.
    const link = log.getByRole('link', { name: 'https://example.com/brief?v=2' })
    expect(await link.getAttribute('href')).toBe('https://example.com/brief?v=2')
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer')
    expect(await link.getAttribute('target')).toBe('_blank')
    expect(await log.getByRole('link').count()).toBe(1)
    await log.getByText('maya@brightloop.io', { exact: false }).waitFor()

    // The host answers; the guest's badge shows it once the guest's chat is closed.
    await page.getByRole('textbox', { name: 'Message' }).fill('Thanks, reading it now.')
    await page.keyboard.press('Enter')
    await guest.getByRole('log', { name: 'Chat messages' }).getByText('Thanks, reading it now.').waitFor()
    await guest.getByRole('button', { name: 'Close chat' }).first().click()
    await page.getByRole('textbox', { name: 'Message' }).fill('One question: when is the deadline?')
    await page.keyboard.press('Enter')
    await guest.getByRole('button', { name: 'Open chat, 1 unread' }).waitFor()
    await page.getByRole('timer').waitFor()
    await photograph(page, 'call-chat')

    // Hang up: the chat is in the interview's notes, with who said what.
    await page.getByRole('button', { name: 'Hang up' }).click()
    await page.getByRole('heading', { name: 'Call ended' }).waitFor()
    await expect
      .poll(async () =>
        (await page.evaluate((interviewId) => window.greenroom.getInterview({ id: interviewId }), id)).notes.map((note) => note.body)
      )
      .toEqual([
        expect.stringMatching(
          /^Chat during the call of .+\n\n\d+:\d\d (AM |PM )?Maya Chen: The brief is at https:\/\/example\.com\/brief\?v=2\. Write to me at maya@brightloop\.io\n\d+:\d\d (AM |PM )?Sam Rivera: Thanks, reading it now\.\n\d+:\d\d (AM |PM )?Sam Rivera: One question: when is the deadline\?$/
        )
      ])
  })
})
