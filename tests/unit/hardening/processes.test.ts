import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { keepServing } from '../../../src/main/cli'
import { MAX_RPC_MESSAGE_BYTES } from '../../../src/shared/browser-rpc'
import { createdRoomSchema, MAX_MESSAGE_BYTES } from '../../../src/shared/signaling'
import { useBuiltProcesses, type BuiltProcess } from '../../support/built-process'
import { useTempDirs } from '../../support/temp-dir'
import { SignalClient } from '../signaling/support'
import { frame, nested, openRawWebSocket, plainGet, rawRequest, rpc, statusOf, tryOpen, UNREADABLE_TARGETS, upgradeGet } from './support'

/**
 * The built entry points (`npm run start:browser`, `npm run signal`) as child processes:
 * each bad input in turn, then proof that the process is alive and a fresh client is served.
 */

const SECRET = 'the-operators-own-secret-0123456789'
const ESCAPE = join(__dirname, 'escape-on-signal.cjs')
const tempDir = useTempDirs()

const run = useBuiltProcesses()

/** Starts a built script (with the escape hatch preloaded) and waits for the line `ready` matches. */
function startBuilt(script: string, args: string[], ready: RegExp): Promise<BuiltProcess> {
  return run(script, args, { ready, nodeArgs: ['--require', ESCAPE], env: { ...process.env, GREENROOM_SIGNAL_SECRET: SECRET } })
}

/** Every bad input of the issue, sent to the server at `port` whose WebSocket is at `wsTarget`. */
async function sendEveryBadInput(port: number, wsTarget: string, deepMessage: string, maxMessageBytes: number): Promise<void> {
  for (const target of UNREADABLE_TARGETS) {
    expect(statusOf(await rawRequest(port, plainGet(target))), target).toBe(400)
    expect(statusOf(await rawRequest(port, upgradeGet(target))), target).toBe(400)
  }
  const deep = await tryOpen(`ws://127.0.0.1:${port}${wsTarget}`)
  if (!('ws' in deep)) throw new Error(`refused ${deep.refused}`)
  const answered = new Promise<string>((resolve) => deep.ws.once('message', (data: WebSocket.RawData) => resolve(data.toString())))
  deep.ws.send(deepMessage)
  expect(await answered).toMatch(/nested more than \d+ levels deep/)
  deep.ws.close()
  for (const bytes of [
    frame({ opcode: 0x1, declaredLength: maxMessageBytes + 1 }),
    frame({ opcode: 0x1, payload: Buffer.from([0xff, 0xfe]) }),
    frame({ opcode: 0x1, payload: Buffer.from('{}'), masked: false }),
    frame({ opcode: 0x3, payload: Buffer.from('{}') })
  ]) {
    const raw = await openRawWebSocket(port, wsTarget)
    raw.socket.write(bytes)
    expect(await raw.closed).toBeGreaterThanOrEqual(1002)
  }
}

/** Makes the process throw outside every handler and leave a rejection unhandled; waits until it has said so. */
async function escapeAnError(server: BuiltProcess): Promise<void> {
  server.child.kill('SIGUSR2')
  await expect
    .poll(() => /thrown on purpose/.test(server.output()) && /rejected on purpose/.test(server.output()), { timeout: 5_000 })
    .toBe(true)
}

describe('the standalone signaling server (npm run signal)', () => {
  it('answers every bad input, logs what escapes, stays up, and a fresh client still meets another in a room', async () => {
    const server = await startBuilt('signal.js', ['--port', '0'], /listening on http:\/\/127\.0\.0\.1:(\d+)/)
    const port = Number(server.match[1])

    await sendEveryBadInput(
      port,
      '/signal',
      `{"type":"signal","data":{"type":"transceiverRequest","transceiverRequest":{"kind":"audio","init":{"x":${nested(5_000)}}}}}`,
      MAX_MESSAGE_BYTES
    )
    await escapeAnError(server)
    expect(server.output()).toMatch(/The signaling server: an unexpected error \(still running\)/)

    expect(server.child.exitCode).toBeNull()
    const response = await fetch(`http://127.0.0.1:${port}/rooms`, { method: 'POST', headers: { Authorization: `Bearer ${SECRET}` } })
    expect(response.status).toBe(201)
    const room = createdRoomSchema.parse(await response.json())
    const { client: host } = await SignalClient.join({ signalUrl: room.signalUrl }, room, 'host')
    await SignalClient.join({ signalUrl: room.signalUrl }, room, 'guest')
    expect(await host.next('peer-joined')).toMatchObject({ peer: { role: 'guest' } })
  })
})

describe('browser mode (npm run start:browser)', () => {
  it('answers every bad input, logs what escapes, stays up, and a fresh page still gets its answers', async () => {
    const dataDir = await tempDir()
    const server = await startBuilt(
      'browser-host.js',
      ['--data-dir', dataDir, '--port', '0'],
      /Open http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+)/
    )
    const port = Number(server.match[1])
    const rpcTarget = `/rpc?token=${server.match[2]}`

    await sendEveryBadInput(port, rpcTarget, `{"id":1,"method":"getSettings","input":${nested(5_000)}}`, MAX_RPC_MESSAGE_BYTES)
    await escapeAnError(server)
    expect(server.output()).toMatch(/Greenroom: an unexpected error \(still running\)/)

    expect(server.child.exitCode).toBeNull()
    expect((await fetch(`http://127.0.0.1:${port}/?token=${server.match[2]}`, { redirect: 'manual' })).status).toBe(303)
    const fresh = await tryOpen(`ws://127.0.0.1:${port}${rpcTarget}`)
    if (!('ws' in fresh)) throw new Error(`refused ${fresh.refused}`)
    expect(await rpc(fresh.ws, { id: 1, method: 'updateSettings', input: { userName: 'Ana' } })).toMatchObject({
      ok: true,
      value: { userName: 'Ana' }
    })
    fresh.ws.close()
  })
})

describe('keepServing', () => {
  it('logs an uncaught exception and an unhandled rejection, naming the process, instead of letting them end it', () => {
    const events = new EventEmitter()
    const logged: unknown[][] = []
    keepServing('The signaling server', events, (...parts) => logged.push(parts))
    const thrown = new Error('boom')
    events.emit('uncaughtException', thrown)
    events.emit('unhandledRejection', 'no reason')
    expect(logged).toEqual([
      ['The signaling server: an unexpected error (still running):', thrown],
      ['The signaling server: an unexpected error (still running):', 'no reason']
    ])
  })
})
