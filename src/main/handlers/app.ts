import { appContract, type AppInfo } from '../../shared/contract/app'
import { bindSlice, type SliceHandlers } from './types'

/** What the app is and where its data lives. */
export function createAppHandlers(info: AppInfo): SliceHandlers<typeof appContract> {
  return bindSlice(appContract, { getAppInfo: () => info })
}
