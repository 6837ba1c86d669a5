import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_FOLDER_NAME = 'Greenroom'

/**
 * Where Greenroom keeps its data when no --data-dir is given: the same folder Electron's
 * `app.getPath('userData')` uses, so both modes share one database.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER_NAME)
}
