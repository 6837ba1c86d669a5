import { beforeEach, describe, expect, it, vi } from 'vitest'
import { methodNames } from '../../../src/shared/contract'
import { GreenroomError } from '../../../src/shared/errors'

const exposed = new Map<string, any>()
const ipcRenderer = { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() }

// A stand-in for the `electron` module as a sandboxed preload sees it.
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer
}))

describe('the preload', () => {
  beforeEach(async () => {
    exposed.clear()
    vi.resetModules()
    ipcRenderer.invoke.mockReset()
    await import('../../../src/preload/index')
  })

  it('exposes exactly window.greenroom: one function per contract call and on()', () => {
    expect([...exposed.keys()]).toEqual(['greenroom'])
    const api = exposed.get('greenroom')
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'on'].sort())
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true)
    expect(api.ipcRenderer).toBeUndefined()
  })

  it('sends calls over the single invoke channel and unwraps results', async () => {
    ipcRenderer.invoke.mockResolvedValue({ ok: true, value: { version: '1' } })
    await expect(exposed.get('greenroom').getAppInfo()).resolves.toEqual({ version: '1' })
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('greenroom:invoke', 'getAppInfo', undefined)
  })

  it('turns an error envelope into a rejected GreenroomError with its code', async () => {
    ipcRenderer.invoke.mockResolvedValue({ ok: false, error: { code: 'INVALID_INPUT', message: 'bad theme' } })
    const failure = exposed.get('greenroom').updateSettings({ theme: 'neon' })
    // The module registry is reset per test, so compare by name rather than by class identity.
    await expect(failure).rejects.toMatchObject({ name: GreenroomError.name, code: 'INVALID_INPUT', message: 'bad theme' })
  })

  it('delivers only known events to subscribers, and stops on unsubscribe', () => {
    const heard: unknown[] = []
    const unsubscribe = exposed.get('greenroom').on('settingsChanged', (payload: unknown) => heard.push(payload))
    const onEvent = ipcRenderer.on.mock.calls.at(-1)![1]
    expect(ipcRenderer.on.mock.calls.at(-1)![0]).toBe('greenroom:event')
    onEvent({}, 'settingsChanged', { userName: 'Ana' })
    onEvent({}, 'somethingElse', { x: 1 })
    expect(heard).toEqual([{ userName: 'Ana' }])
    unsubscribe()
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith('greenroom:event', onEvent)
  })
})
