import type { GreenroomApi } from '../shared/client'

declare global {
  interface Window {
    /** The only way the renderer reaches Greenroom's main process. */
    readonly greenroom: GreenroomApi
  }
}
