import type { App } from 'electron'

/** Starts Greenroom at login, hidden in the tray, when the setting says so. */
export function applyStartAtLogin(app: Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings'>, startAtLogin: boolean): void {
  if (app.getLoginItemSettings().openAtLogin === startAtLogin) return
  app.setLoginItemSettings({ openAtLogin: startAtLogin, openAsHidden: true, args: ['--hidden'] })
}
