import { describe, expect, it } from 'vitest'
import { inviteUrl, MAX_NAME_LENGTH, MAX_SIGNAL_BYTES, parseClientMessage, parseInviteUrl, signalUrl } from '../../../src/shared/signaling'

const room = 'AAAAAAAAAAAAAAAAAAAAAA'
const token = 'B'.repeat(43)
const join = { type: 'join', room, token, role: 'guest', name: 'Maya' }

describe('the signaling protocol', () => {
  it('reads every message a client may send', () => {
    const messages = [
      join,
      { type: 'ring' },
      { type: 'accept' },
      { type: 'decline' },
      { type: 'decline', reason: 'Not today' },
      { type: 'signal', data: { type: 'offer', sdp: 'v=0\r\n' } },
      { type: 'signal', data: { type: 'answer', sdp: 'v=0\r\n' } },
      {
        type: 'signal',
        data: { type: 'candidate', candidate: { candidate: 'candidate:1 1 udp 1 ::1 9 typ host', sdpMLineIndex: 0, sdpMid: '0' } }
      },
      { type: 'signal', data: { type: 'candidate', candidate: { candidate: '', sdpMLineIndex: null, sdpMid: null } } },
      { type: 'signal', data: { type: 'renegotiate', renegotiate: true } },
      { type: 'signal', data: { type: 'transceiverRequest', transceiverRequest: { kind: 'video', init: { direction: 'recvonly' } } } },
      { type: 'hang-up' }
    ]
    for (const message of messages) expect(parseClientMessage(JSON.stringify(message))).toEqual({ ok: true, message })
  })

  it('keeps only the fields it knows, so nothing unknown is ever relayed', () => {
    const parsed = parseClientMessage(JSON.stringify({ type: 'signal', data: { type: 'offer', sdp: 'v=0', extra: 'x' }, to: 'everyone' }))
    expect(parsed).toEqual({ ok: true, message: { type: 'signal', data: { type: 'offer', sdp: 'v=0' } } })
  })

  it('refuses what is not a message, naming the field at fault', () => {
    expect(parseClientMessage('{')).toEqual({ ok: false, code: 'MALFORMED', message: 'Malformed message: not JSON' })
    expect(parseClientMessage('null')).toMatchObject({ ok: false, code: 'MALFORMED' })
    expect(parseClientMessage('[]')).toMatchObject({ ok: false, code: 'MALFORMED' })
    expect(parseClientMessage(JSON.stringify({ type: 'shout' }))).toMatchObject({ ok: false, code: 'MALFORMED', refused: 'shout' })
    expect(parseClientMessage(JSON.stringify({ ...join, role: 'admin' }))).toMatchObject({
      ok: false,
      code: 'MALFORMED',
      refused: 'join',
      message: expect.stringMatching(/^Malformed message at role/)
    })
    expect(parseClientMessage(JSON.stringify({ ...join, token: 'short' }))).toMatchObject({
      code: 'MALFORMED',
      message: expect.stringMatching(/at token/)
    })
    expect(parseClientMessage(JSON.stringify({ ...join, room: `${room.slice(1)}/` }))).toMatchObject({ code: 'MALFORMED' })
    expect(parseClientMessage(JSON.stringify({ ...join, name: '   ' }))).toMatchObject({
      code: 'MALFORMED',
      message: expect.stringMatching(/at name/)
    })
    expect(parseClientMessage(JSON.stringify({ ...join, name: 'Maya\u0007' }))).toMatchObject({ code: 'MALFORMED' })
    expect(parseClientMessage(JSON.stringify({ type: 'signal', data: { type: 'renegotiate', renegotiate: false } }))).toMatchObject({
      code: 'MALFORMED'
    })
    expect(parseClientMessage(JSON.stringify({ type: 'signal', data: 'v=0' }))).toMatchObject({ code: 'MALFORMED' })
  })

  it('refuses oversized names and signals as too large', () => {
    expect(parseClientMessage(JSON.stringify({ ...join, name: 'M'.repeat(MAX_NAME_LENGTH + 1) }))).toMatchObject({ code: 'TOO_LARGE' })
    expect(parseClientMessage(JSON.stringify({ ...join, name: `  ${'M'.repeat(MAX_NAME_LENGTH)}  ` }))).toMatchObject({
      ok: true,
      message: { name: 'M'.repeat(MAX_NAME_LENGTH) }
    })
    // Each field within its own limit, the whole signal over the cap.
    const init = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 'x'.repeat(1000)]))
    const big = { type: 'signal', data: { type: 'transceiverRequest', transceiverRequest: { kind: 'audio', init } } }
    expect(JSON.stringify(big.data).length).toBeGreaterThan(MAX_SIGNAL_BYTES)
    expect(parseClientMessage(JSON.stringify(big))).toMatchObject({ ok: false, code: 'TOO_LARGE', refused: 'signal' })
  })

  it('writes invite links with the token in the fragment, and reads them back', () => {
    const link = inviteUrl('https://signal.example.com/', room, token)
    expect(link).toBe(`https://signal.example.com/join/${room}#${token}`)
    expect(new URL(link).pathname).not.toContain(token)
    expect(parseInviteUrl(link)).toEqual({
      room,
      token,
      baseUrl: 'https://signal.example.com',
      signalUrl: 'wss://signal.example.com/signal'
    })
    expect(parseInviteUrl(`http://10.0.0.5:4000/join/${room}#${token}`)?.signalUrl).toBe('ws://10.0.0.5:4000/signal')
    expect(parseInviteUrl(inviteUrl('https://example.com/greenroom', room, token))?.signalUrl).toBe('wss://example.com/greenroom/signal')
    expect(parseInviteUrl(inviteUrl('https://example.com/greenroom', room, token))?.baseUrl).toBe('https://example.com/greenroom')
    expect(signalUrl('http://127.0.0.1:9')).toBe('ws://127.0.0.1:9/signal')

    expect(parseInviteUrl(`https://signal.example.com/join/${room}`)).toBeNull() // no token
    expect(parseInviteUrl(`https://signal.example.com/join/${room}?t=${token}`)).toBeNull()
    expect(parseInviteUrl(`javascript:alert(1)//join/${room}#${token}`)).toBeNull()
    expect(parseInviteUrl('not a link')).toBeNull()
  })
})
