import { describe, expect, it } from 'vitest'
import { appPageOrigin } from '../../../src/main/electron/app-url'
import { createCore } from '../../../src/main/core'
import { anInvitation } from '../../support/core'
import { useTempDirs } from '../../support/temp-dir'
import { tryOpen, useServers } from './support'

const servers = useServers()
const tempDir = useTempDirs()

/** Opens the signaling socket as a page of `origin` would (undefined: a client that is no browser). */
async function openedFrom(signalUrl: string, origin: string | undefined): Promise<boolean | number | null> {
  const result = await tryOpen(signalUrl, origin === undefined ? {} : { origin })
  if ('ws' in result) {
    result.ws.close()
    return true
  }
  return result.refused
}

describe('the signaling socket', () => {
  it('lets in its own guest page, the app pages it was told of and clients without an Origin; refuses other pages with 403', async () => {
    const server = await servers.signalingServer({ allowedOrigins: ['app://greenroom', 'http://127.0.0.1:5000'] })
    expect(await openedFrom(server.signalUrl, server.url)).toBe(true)
    expect(await openedFrom(server.signalUrl, 'app://greenroom')).toBe(true)
    expect(await openedFrom(server.signalUrl, 'http://127.0.0.1:5000')).toBe(true)
    expect(await openedFrom(server.signalUrl, undefined)).toBe(true)
    for (const foreign of ['https://evil.example', 'http://127.0.0.1:5001', `http://localhost:${server.port}`, 'null']) {
      expect(await openedFrom(server.signalUrl, foreign), foreign).toBe(403)
    }
  })

  it('behind a public address, lets in the guest page from that address', async () => {
    const server = await servers.signalingServer({ publicUrl: 'https://signal.example.com/' })
    expect(
      await openedFrom(server.signalUrl.replace('wss://signal.example.com', `ws://127.0.0.1:${server.port}`), 'https://signal.example.com')
    ).toBe(true)
    expect(await openedFrom(`ws://127.0.0.1:${server.port}/signal`, `http://127.0.0.1:${server.port}`)).toBe(403)
  })
})

describe('the app’s own signaling server', () => {
  it('lets in the app’s pages, as the host composing the core names them, and refuses others', async () => {
    const core = await createCore({
      dataDir: await tempDir(),
      mode: 'browser',
      version: 'test',
      systemTimeZone: () => 'UTC',
      appOrigins: () => ['http://127.0.0.1:4242']
    })
    try {
      const item = await anInvitation(core)
      const id = (await core.handlers.acceptInvitation({ id: item.invitation.id, message: '', terms: null })).invitation.interviewId!
      const room = await core.handlers.openCallRoom({ interviewId: id, renew: false })
      expect(await openedFrom(room.signalUrl, 'http://127.0.0.1:4242')).toBe(true)
      expect(await openedFrom(room.signalUrl, new URL(room.inviteUrl).origin)).toBe(true)
      expect(await openedFrom(room.signalUrl, 'http://127.0.0.1:4243')).toBe(403)
    } finally {
      await core.close()
    }
  })

  it('knows the desktop app’s page by the origin Chromium sends for it', () => {
    expect(appPageOrigin('app://greenroom/index.html')).toBe('app://greenroom')
    expect(appPageOrigin('http://localhost:5173/')).toBe('http://localhost:5173')
  })
})
