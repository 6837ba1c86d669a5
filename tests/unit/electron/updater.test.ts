import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { createCallWindow } from '../../../src/main/electron/call-window'
import {
  askToRestart,
  createUpdater,
  startUpdatesIfConfigured,
  UPDATE_CHECK_INTERVAL_MS,
  updateFeedConfigured
} from '../../../src/main/electron/updater'
import { fakeWindow } from './fake-window'

vi.mock('electron', () => ({}))

/** A stand-in for electron-updater's autoUpdater: the test says when a download finishes. */
function fakeAutoUpdater() {
  return Object.assign(new EventEmitter(), {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    checkForUpdates: vi.fn(async () => null),
    quitAndInstall: vi.fn()
  })
}

function setup(answers: boolean[] = [true]) {
  const autoUpdater = fakeAutoUpdater()
  const window = fakeWindow()
  // The real call window: the renderer's setCallWindow({ inCall }) is what tells main a call is on.
  const calls = createCallWindow({ window: () => window as never, dialog: { showMessageBoxSync: () => 0 } })
  const order: string[] = []
  const ask = vi.fn(async (version: string) => {
    order.push(`ask ${version}`)
    return answers.shift() ?? false
  })
  const beforeRestart = vi.fn(() => order.push('before restart'))
  autoUpdater.quitAndInstall.mockImplementation(() => order.push('quit and install'))
  const intervals: [() => void, number][] = []
  const updater = createUpdater({
    autoUpdater: autoUpdater as never,
    calls,
    ask,
    beforeRestart,
    onError: vi.fn(),
    setInterval: (run, ms) => (intervals.push([run, ms]), {})
  })
  const downloaded = async (version = '0.2.0') => {
    autoUpdater.emit('update-downloaded', { version })
    await new Promise((resolve) => setImmediate(resolve))
  }
  return { autoUpdater, calls, ask, beforeRestart, order, updater, intervals, downloaded }
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('updates', () => {
  it('are on only in an installed app whose build named a feed', () => {
    const resourcesPath = '/opt/Greenroom/resources'
    const feed = (path: string) => path === join(resourcesPath, 'app-update.yml')
    expect(updateFeedConfigured({ isPackaged: true, resourcesPath, exists: feed })).toBe(true)
    expect(updateFeedConfigured({ isPackaged: true, resourcesPath, exists: () => false })).toBe(false)
    expect(updateFeedConfigured({ isPackaged: false, resourcesPath, exists: feed })).toBe(false)
  })

  it('start looking only when a feed was built in, and a broken updater never stops the app', async () => {
    const calls = createCallWindow({ window: () => null, dialog: { showMessageBoxSync: () => 0 } })
    const deps = { calls, ask: vi.fn(), beforeRestart: vi.fn(), onError: vi.fn() }
    const autoUpdater = fakeAutoUpdater()
    const load = vi.fn(async () => autoUpdater as never)
    const installed = { isPackaged: true, resourcesPath: '/opt/Greenroom/resources', exists: () => true }
    expect(startUpdatesIfConfigured({ ...installed, exists: () => false }, deps, load)).toBe(false)
    expect(load).not.toHaveBeenCalled()
    expect(startUpdatesIfConfigured(installed, deps, load)).toBe(true)
    await vi.waitFor(() => expect(autoUpdater.checkForUpdates).toHaveBeenCalledOnce())
    expect(startUpdatesIfConfigured(installed, deps, async () => Promise.reject(new Error('no updater')))).toBe(true)
    await vi.waitFor(() => expect(deps.onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'no updater' })))
  })

  it('download in the background, checked at start and every few hours', async () => {
    const { autoUpdater, updater, intervals } = setup()
    expect(autoUpdater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true })
    updater.start()
    expect(autoUpdater.checkForUpdates).toHaveBeenCalledOnce()
    expect(intervals.map(([, ms]) => ms)).toEqual([UPDATE_CHECK_INTERVAL_MS])
    intervals[0]![0]()
    expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(2)
  })

  it('ask before restarting, and restart only on yes', async () => {
    const { autoUpdater, order, downloaded } = setup([true])
    await downloaded('0.2.0')
    expect(order).toEqual(['ask 0.2.0', 'before restart', 'quit and install'])
    expect(autoUpdater.quitAndInstall).toHaveBeenCalledOnce()
  })

  it('leave a declined update for the next quit, without asking again until a newer one is ready', async () => {
    const { autoUpdater, ask, downloaded } = setup([false, false])
    await downloaded('0.2.0')
    expect(ask).toHaveBeenCalledOnce()
    expect(autoUpdater.quitAndInstall).not.toHaveBeenCalled()
    await downloaded('0.3.0')
    expect(ask).toHaveBeenLastCalledWith('0.3.0')
    expect(autoUpdater.quitAndInstall).not.toHaveBeenCalled()
  })

  it('wait while a call runs, and ask once it has ended', async () => {
    const { autoUpdater, calls, ask, downloaded } = setup([true])
    calls.set(true, true)
    await downloaded('0.2.0')
    expect(ask).not.toHaveBeenCalled()
    // Going mini or back during the call is still the call.
    calls.set(false, true)
    await settle()
    expect(ask).not.toHaveBeenCalled()
    calls.set(false, false)
    await settle()
    expect(ask).toHaveBeenCalledExactlyOnceWith('0.2.0')
    expect(autoUpdater.quitAndInstall).toHaveBeenCalledOnce()
  })

  it('hold a restart the user agreed to if a call started while the question was open', async () => {
    const autoUpdater = fakeAutoUpdater()
    const calls = createCallWindow({ window: () => fakeWindow() as never, dialog: { showMessageBoxSync: () => 0 } })
    let answer: (yes: boolean) => void = () => undefined
    const ask = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)))
    createUpdater({ autoUpdater: autoUpdater as never, calls, ask, beforeRestart: vi.fn(), onError: vi.fn() })
    autoUpdater.emit('update-downloaded', { version: '0.2.0' })
    calls.set(false, true)
    answer(true)
    await settle()
    expect(autoUpdater.quitAndInstall).not.toHaveBeenCalled()
    calls.set(false, false)
    await settle()
    expect(ask).toHaveBeenCalledOnce()
    expect(autoUpdater.quitAndInstall).toHaveBeenCalledOnce()
  })

  it('never bother the user when the feed cannot be reached', async () => {
    const { autoUpdater, ask } = setup()
    const onError = vi.fn()
    const calls = createCallWindow({ window: () => null, dialog: { showMessageBoxSync: () => 0 } })
    const quiet = createUpdater({ autoUpdater: autoUpdater as never, calls, ask, beforeRestart: vi.fn(), onError })
    autoUpdater.checkForUpdates.mockRejectedValueOnce(new Error('net::ERR_INTERNET_DISCONNECTED'))
    quiet.check()
    await settle()
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'net::ERR_INTERNET_DISCONNECTED' }))
    expect(ask).not.toHaveBeenCalled()
  })

  it('put the question in plain words, Restart now first and Later as the way out', async () => {
    const showMessageBox = vi.fn(async () => ({ response: 1, checkboxChecked: false }))
    const yes = await askToRestart({ showMessageBox } as never, () => null)('0.2.0')
    expect(yes).toBe(false)
    expect(showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ buttons: ['Restart now', 'Later'], defaultId: 0, cancelId: 1, message: 'Greenroom 0.2.0 is ready.' })
    )
  })
})
