import type { Shell } from 'electron'
import { ApiError } from '../../shared/errors'
import type { SampleOpener } from '../services/prep/samples'

/** The desktop's way to open a sample file: the system's app for its type, via shell.openPath. */
export function createShellSampleOpener(shell: Pick<Shell, 'openPath'>): SampleOpener {
  return {
    async open(file) {
      // Only files Greenroom copied into its samples folder, type-checked on the way in, get here.
      const failure = await shell.openPath(file.path)
      if (failure) throw new ApiError('INTERNAL', `Could not open “${file.fileName}”: ${failure}`)
      return { kind: 'opened' }
    }
  }
}
