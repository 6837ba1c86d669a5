import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/rpc'
import type { SignalingServer } from '../../../src/main/services/signaling/server'
import { changesRecords, contract, methodNames, type MethodName } from '../../../src/shared/contract'
import { inviteUrl, signalUrl } from '../../../src/shared/signaling'
import { useCore } from '../../support/core'
import { watchDatabase } from '../../support/db-dump'
import { generate, idsIn, kindOf, Random, type Mode } from '../../support/schema-values'

/** Fixed, so a failure is reproduced by running again; GREENROOM_FUZZ_SEED tries another. */
const SEED = Number(process.env.GREENROOM_FUZZ_SEED ?? 20261201)
const CALLS = 1500

const STAND_IN_BASE = 'http://127.0.0.1:9'
/** The app's own signaling server, without a socket: rooms made and retired in memory. */
const standInServer = async (): Promise<SignalingServer> => {
  const random = new Random(SEED)
  const token = (length: number) =>
    Array.from({ length }, () => random.pick([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'])).join('')
  return {
    url: STAND_IN_BASE,
    signalUrl: signalUrl(STAND_IN_BASE),
    port: 9,
    host: '127.0.0.1',
    createRoom: (input = {}) => {
      const room = token(22)
      const guestToken = token(43)
      return {
        room,
        hostToken: token(43),
        guestToken,
        inviteUrl: inviteUrl(STAND_IN_BASE, room, guestToken),
        signalUrl: signalUrl(STAND_IN_BASE),
        expiresAt: new Date(Date.parse('2026-11-02T09:00:00Z') + (input.ttlSeconds ?? 86_400) * 1000).toISOString()
      }
    },
    restoreRoom: () => true,
    retireRoom: () => true,
    expireRooms: () => 0,
    declineWaiting: () => false,
    stats: () => ({ rooms: 0, connections: 0 }),
    reloadTls: () => undefined,
    close: async () => undefined
  }
}
/** A server of yours, answering as a Greenroom signaling server does. */
const standInFetch: typeof fetch = async (url, init) => {
  const server = await standInServer()
  if (String(url).endsWith('/retire')) return new Response(null, { status: 204 })
  const { ttlSeconds } = JSON.parse(String(init?.body ?? '{}')) as { ttlSeconds?: number }
  return new Response(JSON.stringify(server.createRoom(ttlSeconds ? { ttlSeconds } : {})), { status: 201 })
}

const start = useCore({ startSignalingServer: standInServer, fetch: standInFetch })

/** Wiping everything or loading the demo story resets the run: rarer than the rest. */
const RARE = new Set<MethodName>(['deleteAllRecords', 'loadDemoData', 'importBackup'])

describe(`the dispatcher under generated input (seed ${SEED})`, () => {
  it(
    `answers ${CALLS} calls over every contract method without INTERNAL, and a refusal changes nothing`,
    { timeout: 120_000 },
    async () => {
      const { core } = await start()
      await core.handlers.loadDemoData()
      const ids = new Map<string, Set<string>>()
      idsIn(JSON.parse(await core.handlers.exportBackup()), 'backup', ids)
      const all = () => [...ids.values()].flatMap((set) => [...set])
      // The kind of record a call is about: the longest kind whose name is in the method's (updateJob → job).
      const KINDS = [
        'client',
        'job',
        'invitation',
        'interview',
        'proposal',
        'offer',
        'note',
        'checklist',
        'sample',
        'question',
        'followup',
        'call'
      ]
      const kindOfMethod = (method: MethodName) =>
        KINDS.filter((kind) => method.toLowerCase().includes(kind)).sort((a, b) => b.length - a.length)[0] ?? 'any'

      const random = new Random(SEED)
      const problems: string[] = []
      const answered = new Map<MethodName, { ok: number; refused: number }>(methodNames.map((method) => [method, { ok: 0, refused: 0 }]))
      const quiet = () => undefined
      const watch = await watchDatabase(core.databaseFile)
      let fingerprint = await watch.fingerprint()
      try {
        for (let call = 0; call < CALLS && problems.length < 10; call++) {
          // Every method once first, then at random.
          const method = call < methodNames.length ? methodNames[call]! : random.pick(methodNames)
          if (call >= methodNames.length && RARE.has(method) && random.chance(0.8)) continue
          const mode: Mode = random.pick(['valid', 'valid', 'boundary', 'broken'])
          const kind = kindOfMethod(method)
          const idFor = (field: string | null) => {
            const wanted = field === null || field === 'id' || field === 'ids' ? kind : kindOf(field)
            const pool = [...(ids.get(wanted) ?? [])]
            return pool.length > 0 ? random.pick(pool) : all().length > 0 ? random.pick(all()) : null
          }
          // A backup to import is mostly generated noise; now and then the app's own export, to reach the import itself.
          const input =
            method === 'importBackup' && mode === 'valid' && random.chance(0.5)
              ? { text: await core.handlers.exportBackup() }
              : generate(contract[method].input, { random, mode, idFor })

          // Reminders replan after each change, in the background: let that finish first.
          await core.reminders.replan()
          if (await watch.committed()) fingerprint = await watch.fingerprint()
          const result = await dispatch(core.handlers, method, input, quiet)
          const shown = () => `${method} (${mode}) ${JSON.stringify(input)?.slice(0, 300)}`
          if (!result.ok && result.error.code === 'INTERNAL') problems.push(`INTERNAL from ${shown()}: ${result.error.message}`)
          if (await watch.committed()) {
            const after = await watch.fingerprint()
            if ((!result.ok || !changesRecords(method)) && after !== fingerprint) {
              problems.push(`${result.ok ? 'a call that changes nothing' : 'a refusal'} changed the database: ${shown()}`)
            }
            fingerprint = after
          }
          // After a wipe the story is loaded again, so later calls find records to work on.
          if (result.ok && method === 'deleteAllRecords') await core.handlers.loadDemoData()
          if (result.ok && ['deleteAllRecords', 'importBackup', 'loadDemoData'].includes(method)) {
            // Every record is new: forget the ids of the old ones.
            ids.clear()
            idsIn(JSON.parse(await core.handlers.exportBackup()), 'backup', ids)
          } else if (result.ok) idsIn(result.value, kind, ids)
          answered.get(method)![result.ok ? 'ok' : 'refused']++
        }
      } finally {
        await watch.close()
      }
      expect(problems).toEqual([])

      // Most methods got through at least once, so the run reached past the input checks into the services.
      const neverOk = [...answered].filter(([, counts]) => counts.ok === 0).map(([method]) => method)
      expect(neverOk.length, `never answered ok: ${neverOk.join(', ')}`).toBeLessThanOrEqual(12)

      // Whatever the run left behind exports, and the export imports back.
      const exported = await dispatch(core.handlers, 'exportBackup', undefined, quiet)
      expect(exported.ok).toBe(true)
      const imported = await dispatch(core.handlers, 'importBackup', { text: exported.ok ? exported.value : '' }, quiet)
      expect(imported).toMatchObject({ ok: true })
      expect((await dispatch(core.handlers, 'listInterviews', { limit: 1000 }, quiet)).ok).toBe(true)
    }
  )
})
