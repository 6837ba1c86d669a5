import { describe, expect, it } from 'vitest'
import { headersOf, plainGet, rawRequest, statusOf, upgradeGet, useServers } from './support'

const servers = useServers()

/** No page of ours may sit in another page's frame, whatever the answer. */
function expectUnframeable(answer: string, what: string): void {
  const headers = headersOf(answer)
  expect(headers.get('content-security-policy'), what).toMatch(/(^|;)\s*frame-ancestors 'none'\s*(;|$)/)
  expect(headers.get('x-frame-options'), what).toBe('DENY')
}

function request(method: string, target: string, headers: Record<string, string> = {}): string {
  const lines = Object.entries({ Host: '127.0.0.1', Connection: 'close', ...headers }).map(([name, value]) => `${name}: ${value}\r\n`)
  return `${method} ${target} HTTP/1.1\r\n${lines.join('')}\r\n`
}

describe('every answer of the browser host', () => {
  it('forbids framing: the app, the token exchange, the refusal page, samples, errors and refused upgrades', async () => {
    const { host, core, cookie } = await servers.browserHost()
    const sample = await core.handlers.addSampleFile({
      title: 'Case',
      tags: [],
      proves: '',
      fileName: 'case.pdf',
      dataBase64: Buffer.from('%PDF-1.7\nhello\n%%EOF\n').toString('base64')
    })
    const answers: [string, string, number][] = [
      ['the app', request('GET', '/', { Cookie: cookie }), 200],
      ['the token exchange', request('GET', `/?token=${host.token}`), 303],
      ['the refusal page', request('GET', '/'), 403],
      ['a missing file', request('GET', '/nothing.js', { Cookie: cookie }), 404],
      ['a sample', request('GET', `/samples/${sample.id}/case.pdf`, { Cookie: cookie }), 200],
      ['a POST', request('POST', '/', { Cookie: cookie, 'Content-Length': '0' }), 405],
      ['an unreadable target', plainGet('//['), 400],
      ['an upgrade without the token', upgradeGet('/rpc'), 401],
      ['an upgrade ws refuses', upgradeGet('/rpc', { Cookie: cookie, 'Sec-WebSocket-Version': '99' }), 400],
      ['an unreadable upgrade', upgradeGet('//['), 400]
    ]
    for (const [what, bytes, status] of answers) {
      const answer = await rawRequest(host.port, bytes)
      expect(statusOf(answer), what).toBe(status)
      expectUnframeable(answer, what)
    }
  })
})

describe('every answer of the signaling server', () => {
  it('forbids framing: the guest page, room creation, errors and refused upgrades', async () => {
    const server = await servers.signalingServer({ adminSecret: 'the-operators-own-secret-0123456789' })
    const room = server.createRoom()
    const answers: [string, string, number][] = [
      ['the guest page', request('GET', `/join/${room.room}`), 200],
      ['a missing asset', request('GET', '/join/assets/none.js'), 404],
      ['an unknown path', request('GET', '/'), 404],
      ['a GET of /rooms', request('GET', '/rooms'), 405],
      ['a POST of /rooms without the secret', request('POST', '/rooms', { 'Content-Length': '0' }), 401],
      ['an unreadable target', plainGet('//a:port'), 400],
      ['an upgrade elsewhere', upgradeGet('/elsewhere'), 404],
      ['an upgrade ws refuses', upgradeGet('/signal', { 'Sec-WebSocket-Key': 'not a key' }), 400],
      ['an upgrade from a foreign page', upgradeGet('/signal', { Origin: 'https://evil.example' }), 403],
      ['an unreadable upgrade', upgradeGet('//:99999'), 400]
    ]
    for (const [what, bytes, status] of answers) {
      const answer = await rawRequest(server.port, bytes)
      expect(statusOf(answer), what).toBe(status)
      expectUnframeable(answer, what)
    }
  })
})
