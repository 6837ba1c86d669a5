import { describe, expect, it, vi } from 'vitest'
import { createAppUrlMatcher } from '../../../src/main/electron/app-url'
import { forwardEvents, registerIpc } from '../../../src/main/electron/ipc'
import type { Handlers } from '../../../src/main/handlers/types'
import { EventBus } from '../../../src/main/services/events'
import { defaultSettings } from '../../../src/shared/settings'

const APP = 'app://greenroom/index.html'
const isAppUrl = createAppUrlMatcher(APP)

function setup() {
  let bound: ((event: unknown, method: unknown, input: unknown) => Promise<unknown>) | undefined
  const ipcMain = {
    handle: vi.fn((channel: string, listener: typeof bound) => {
      expect(channel).toBe('greenroom:invoke')
      bound = listener
    }),
    removeHandler: vi.fn()
  }
  const getSettings = vi.fn(() => defaultSettings('UTC'))
  const handlers = { getSettings } as unknown as Handlers
  registerIpc(ipcMain as never, handlers, isAppUrl)
  const invoke = (frame: { url: string; parent: unknown } | null, method: unknown, input?: unknown) =>
    bound!({ senderFrame: frame }, method, input)
  return { invoke, getSettings }
}

describe('the IPC adapter', () => {
  it('dispatches calls from the app’s own top frame', async () => {
    const { invoke } = setup()
    expect(await invoke({ url: APP, parent: null }, 'getSettings')).toEqual({ ok: true, value: defaultSettings('UTC') })
  })

  it('ignores calls from a foreign page, answering UNAUTHORIZED without touching a handler', async () => {
    const { invoke, getSettings } = setup()
    const result = await invoke({ url: 'https://evil.example/', parent: null }, 'getSettings')
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
    expect(getSettings).not.toHaveBeenCalled()
  })

  it('ignores calls from a sub-frame, even one on an app URL', async () => {
    const { invoke, getSettings } = setup()
    const result = await invoke({ url: APP, parent: { url: APP } }, 'getSettings')
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
    expect(getSettings).not.toHaveBeenCalled()
  })

  it('ignores calls whose frame is already gone', async () => {
    const { invoke } = setup()
    expect(await invoke(null, 'getSettings')).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
  })

  it('parses input with the contract before any handler runs', async () => {
    const { invoke } = setup()
    expect(await invoke({ url: APP, parent: null }, 'updateSettings', { theme: 'neon' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' }
    })
  })

  it('forwards service events to live windows only', () => {
    const events = new EventBus()
    const live = { send: vi.fn(), isDestroyed: () => false }
    const gone = { send: vi.fn(), isDestroyed: () => true }
    forwardEvents(events, () => [live, gone])
    const settings = defaultSettings('UTC')
    events.emit('settingsChanged', settings)
    expect(live.send).toHaveBeenCalledWith('greenroom:event', 'settingsChanged', settings)
    expect(gone.send).not.toHaveBeenCalled()
  })
})
