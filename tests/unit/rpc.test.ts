import { describe, expect, it, vi } from 'vitest'
import { ANNOUNCE_CHANGE, IN_TRANSACTION, type Handlers } from '../../src/main/handlers/types'
import { dispatch } from '../../src/main/rpc'
import { ApiError } from '../../src/shared/errors'
import { defaultSettings } from '../../src/shared/settings'

function handlersWith(overrides: Partial<Handlers> = {}): Handlers {
  return {
    getAppInfo: () => ({ version: '1', mode: 'browser', dataDir: '/d', databaseFile: '/d/g.db' }),
    getSettings: () => defaultSettings('UTC'),
    updateSettings: (patch: object) => ({ ...defaultSettings('UTC'), ...patch }),
    ...overrides
  } as Handlers
}
const quiet = () => undefined

describe('dispatch, the one door into main', () => {
  it('runs a valid call and returns its result', async () => {
    expect(await dispatch(handlersWith(), 'getSettings', undefined, quiet)).toEqual({
      ok: true,
      value: defaultSettings('UTC')
    })
  })

  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    const result = await dispatch(handlersWith(), 'dropAllTables', undefined, quiet)
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'There is no call named "dropAllTables"' } })
  })

  it('does not treat inherited object keys as methods', async () => {
    const result = await dispatch(handlersWith(), 'toString', undefined, quiet)
    expect(result.ok === false && result.error.code).toBe('UNKNOWN_METHOD')
  })

  it('refuses malformed input before the handler sees it, naming the field', async () => {
    const updateSettings = vi.fn()
    const result = await dispatch(handlersWith({ updateSettings }), 'updateSettings', { defaultCallMinutes: 'long' }, quiet)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT')
      expect(result.error.message).toMatch(/^Invalid input for updateSettings: defaultCallMinutes: /)
    }
    expect(updateSettings).not.toHaveBeenCalled()
  })

  it('passes on the code of an ApiError', async () => {
    const getSettings = () => {
      throw new ApiError('NOT_FOUND', 'No such thing')
    }
    expect(await dispatch(handlersWith({ getSettings }), 'getSettings', undefined, quiet)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such thing' }
    })
  })

  it('maps an unexpected failure to INTERNAL and logs it', async () => {
    const log = vi.fn()
    const getSettings = async () => {
      throw new Error('disk full')
    }
    const result = await dispatch(handlersWith({ getSettings }), 'getSettings', undefined, log)
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Greenroom could not complete getSettings: disk full' } })
    expect(log).toHaveBeenCalledOnce()
  })

  it('refuses to hand out a result that breaks the contract', async () => {
    const getSettings = () => ({ userName: 42 }) as never
    const result = await dispatch(handlersWith({ getSettings }), 'getSettings', undefined, quiet)
    expect(result.ok === false && result.error.code).toBe('INTERNAL')
  })

  it('runs a call that changes records, and its result check, inside the handlers’ transaction; a read outside it', async () => {
    const seen: string[] = []
    const handlers = handlersWith({
      updateSettings: () => {
        seen.push('update ran')
        return defaultSettings('UTC')
      }
    })
    const withTransaction = {
      ...handlers,
      [IN_TRANSACTION]: async <T>(work: () => Promise<T>): Promise<T> => {
        seen.push('begin')
        try {
          const result = await work()
          seen.push('commit')
          return result
        } catch (error) {
          seen.push('rollback')
          throw error
        }
      }
    } as Handlers
    expect((await dispatch(withTransaction, 'updateSettings', { userName: 'Ana' }, quiet)).ok).toBe(true)
    expect((await dispatch(withTransaction, 'getSettings', undefined, quiet)).ok).toBe(true)
    expect(seen).toEqual(['begin', 'update ran', 'commit'])

    seen.length = 0
    const broken = { ...withTransaction, updateSettings: () => ({ userName: 42 }) as never } as Handlers
    expect(await dispatch(broken, 'updateSettings', { userName: 'Ana' }, quiet)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(seen).toEqual(['begin', 'rollback'])
  })

  it('announces a call that changes records once it succeeded, inside its transaction, and nothing else', async () => {
    const seen: string[] = []
    const handlers = {
      ...handlersWith({
        addNote: () =>
          ({ id: '5b0c4c3e-3f52-4d2f-9a51-2b4a3c1d0e9f', interviewId: '5b0c4c3e-3f52-4d2f-9a51-2b4a3c1d0e9e', body: 'x' }) as never,
        deleteNote: () => {
          throw new ApiError('NOT_FOUND', 'No such note')
        },
        finishBackupImport: () => {
          seen.push('import ran')
          return { clients: 0, interviews: 0, invitations: 0, notes: 0, samples: 0, sampleFiles: 0, sampleFileBytes: 0 }
        }
      }),
      [IN_TRANSACTION]: async <T>(work: () => Promise<T>): Promise<T> => {
        seen.push('begin')
        const result = await work()
        seen.push('commit')
        return result
      },
      [ANNOUNCE_CHANGE]: () => seen.push('announce')
    } as Handlers
    const interviewId = '5b0c4c3e-3f52-4d2f-9a51-2b4a3c1d0e9e'

    await dispatch(handlers, 'getSettings', undefined, quiet)
    expect(seen).toEqual([])
    // A change that breaks the contract, and one that is refused, are not announced.
    expect((await dispatch(handlers, 'addNote', { interviewId, body: 'Ask about the launch' }, quiet)).ok).toBe(false)
    expect((await dispatch(handlers, 'deleteNote', { id: interviewId }, quiet)).ok).toBe(false)
    expect(seen).toEqual(['begin', 'begin'])

    seen.length = 0
    // Settings announce themselves as settingsChanged: the call is not announced again.
    expect((await dispatch(handlers, 'updateSettings', { userName: 'Ana' }, quiet)).ok).toBe(true)
    expect(seen).toEqual(['begin', 'commit'])

    seen.length = 0
    // An import commits by itself, so it runs outside the dispatcher's transaction, and is announced.
    expect((await dispatch(handlers, 'finishBackupImport', { id: 'a'.repeat(32) }, quiet)).ok).toBe(true)
    expect(seen).toEqual(['import ran', 'announce'])
  })

  it('announces a successful change before its transaction commits, so the bus delivers it after', async () => {
    const seen: string[] = []
    const handlers = {
      ...handlersWith({ deleteNote: () => null }),
      [IN_TRANSACTION]: async <T>(work: () => Promise<T>): Promise<T> => {
        seen.push('begin')
        const result = await work()
        seen.push('commit')
        return result
      },
      [ANNOUNCE_CHANGE]: () => seen.push('announce')
    } as Handlers
    expect((await dispatch(handlers, 'deleteNote', { id: '5b0c4c3e-3f52-4d2f-9a51-2b4a3c1d0e9e' }, quiet)).ok).toBe(true)
    expect(seen).toEqual(['begin', 'announce', 'commit'])
  })
})
