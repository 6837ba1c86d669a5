import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCore } from '../../src/main/core'
import { openDatabase } from '../../src/main/services/database'
import { settingsPatchSchema, settingsSchema } from '../../src/shared/settings'
import { ManualClock } from '../support/manual-time'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
const fixedClock = { now: () => new Date('2026-11-23T09:00:00Z') }

async function startCore(dataDir: string) {
  return createCore({ dataDir, mode: 'browser', version: 'test', clock: fixedClock, systemTimeZone: () => 'Europe/Lisbon' })
}

describe('settings', () => {
  it('start from sensible defaults in the computer’s time zone', async () => {
    const core = await startCore(await tempDir())
    expect(await core.handlers.getSettings()).toEqual({
      userName: '',
      timeZone: 'Europe/Lisbon',
      workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
      defaultCallMinutes: 15,
      theme: 'system',
      timeFormat: 'system',
      iceServers: [],
      turnSecret: '',
      bufferMinutes: 10,
      reminderLeadMinutes: [1440, 60, 10],
      noShowMarginMinutes: 10,
      startAtLogin: false,
      signaling: { mode: 'embedded', port: 0, remoteUrl: '', adminSecret: '' }
    })
    await core.close()
  })

  it('are saved and read back after a restart', async () => {
    const dataDir = await tempDir()
    const first = await startCore(dataDir)
    await first.handlers.updateSettings({ userName: 'Ana Souza', timeZone: 'America/Sao_Paulo', defaultCallMinutes: 20 })
    await first.handlers.updateSettings({
      workingHours: { days: [2, 3, 4], start: '10:00', end: '18:30' },
      theme: 'dark',
      timeFormat: '12h'
    })
    await first.handlers.updateSettings({ reminderLeadMinutes: [30, 2880], startAtLogin: true })
    await first.handlers.updateSettings({
      signaling: { mode: 'remote', port: 0, remoteUrl: 'https://signal.example.com', adminSecret: '0123456789abcdef' }
    })
    await first.close()

    const second = await startCore(dataDir)
    expect(await second.handlers.getSettings()).toEqual({
      userName: 'Ana Souza',
      timeZone: 'America/Sao_Paulo',
      workingHours: { days: [2, 3, 4], start: '10:00', end: '18:30' },
      defaultCallMinutes: 20,
      theme: 'dark',
      timeFormat: '12h',
      iceServers: [],
      turnSecret: '',
      bufferMinutes: 10,
      reminderLeadMinutes: [2880, 30],
      noShowMarginMinutes: 10,
      startAtLogin: true,
      signaling: { mode: 'remote', port: 0, remoteUrl: 'https://signal.example.com', adminSecret: '0123456789abcdef' }
    })
    await second.close()
  })

  it('announce each change to listeners', async () => {
    const core = await startCore(await tempDir())
    const heard: unknown[] = []
    core.events.subscribe((message) => heard.push(message))
    const saved = await core.handlers.updateSettings({ userName: 'Kim' })
    expect(heard).toEqual([{ event: 'settingsChanged', payload: saved }])
    await core.close()
  })

  it('are kept in memory once read; a saved change and a backup import show at once, a new system zone within a minute', async () => {
    let systemZone = 'Europe/Lisbon'
    const clock = new ManualClock(new Date('2026-11-23T09:00:00Z'))
    const core = await createCore({ dataDir: await tempDir(), mode: 'browser', version: 'test', clock, systemTimeZone: () => systemZone })
    const backup = await core.handlers.exportBackup()
    const first = await core.handlers.getSettings()
    first.userName = 'changed by a caller'
    expect((await core.handlers.getSettings()).userName).toBe('')

    await core.handlers.updateSettings({ userName: 'Kim', defaultCallMinutes: 30 })
    expect(await core.handlers.getSettings()).toMatchObject({ userName: 'Kim', defaultCallMinutes: 30, timeZone: 'Europe/Lisbon' })
    systemZone = 'Asia/Tokyo'
    clock.advanceMinutes(1)
    expect((await core.handlers.getSettings()).timeZone).toBe('Asia/Tokyo')
    await expect(core.handlers.updateSettings({ defaultCallMinutes: -5 } as never)).rejects.toThrow()
    expect((await core.handlers.getSettings()).defaultCallMinutes).toBe(30)

    await core.handlers.importBackup({ text: backup })
    expect(await core.handlers.getSettings()).toMatchObject({ userName: '', defaultCallMinutes: 15 })
    await core.close()
  })

  it('fall back to the default for a stored value that no longer validates', async () => {
    const dataDir = await tempDir()
    const core = await startCore(dataDir)
    await core.handlers.updateSettings({ userName: 'Kim', defaultCallMinutes: 30 })
    await core.close()

    const db = await openDatabase(join(dataDir, 'greenroom.db'))
    await db.run("UPDATE settings SET value = '\"forever\"' WHERE key = 'defaultCallMinutes'")
    await db.close()

    const reopened = await startCore(dataDir)
    const settings = await reopened.handlers.getSettings()
    expect(settings.defaultCallMinutes).toBe(15)
    expect(settings.userName).toBe('Kim')
    await reopened.close()
  })

  it('refuse working hours that end before they start', () => {
    const result = settingsPatchSchema.safeParse({ workingHours: { days: [1], start: '18:00', end: '09:00' } })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('Working hours must end after they start')
  })

  it('refuse unknown time zones, impossible times and unknown keys', () => {
    expect(settingsSchema.shape.timeZone.safeParse('Mars/Olympus_Mons').success).toBe(false)
    expect(settingsSchema.shape.timeZone.safeParse('Asia/Kolkata').success).toBe(true)
    expect(settingsPatchSchema.safeParse({ workingHours: { days: [1], start: '25:00', end: '26:00' } }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ favouriteColour: 'green' }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ defaultCallMinutes: 2 }).success).toBe(false)
  })
})
