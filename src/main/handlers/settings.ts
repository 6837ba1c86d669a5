import { settingsContract } from '../../shared/contract/settings'
import type { SettingsService } from '../services/settings-service'
import { bindSlice, type SliceHandlers } from './types'

export function createSettingsHandlers({ settings }: { settings: SettingsService }): SliceHandlers<typeof settingsContract> {
  return bindSlice(settingsContract, {
    getSettings: () => settings.get(),
    updateSettings: (patch) => settings.update(patch)
  })
}
