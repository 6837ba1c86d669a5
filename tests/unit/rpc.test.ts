import { describe, expect, it, vi } from 'vitest'
import { IN_TRANSACTION, type Handlers } from '../../src/main/handlers/types'
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
})
