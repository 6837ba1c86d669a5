import type { BrowserWindow, Dialog } from 'electron'

export const MINI_SIZE = { width: 380, height: 300 }
/** The companion beside another app's call: narrow and tall enough for notes and questions. */
export const COMPANION_SIZE = { width: 420, height: 720 }

export type CallWindowLayout = 'call' | 'companion'

/**
 * The call's window: shrinks to a small one that stays on top of other apps, so the user's
 * notes (or anything else) get the screen, and grows back. While a call is on, closing the
 * window asks first instead of quietly hiding it to the tray.
 */
export function createCallWindow({ window, dialog }: { window: () => BrowserWindow | null; dialog: Pick<Dialog, 'showMessageBoxSync'> }) {
  let restore: { bounds: Electron.Rectangle; minimum: number[] } | null = null
  let inCall = false
  let left = false
  const callEndListeners = new Set<() => void>()
  const setInCall = (value: boolean) => {
    const ended = inCall && !value
    inCall = value
    if (ended) for (const listener of [...callEndListeners]) listener()
  }

  return {
    set(mini: boolean, call: boolean, layout: CallWindowLayout = 'call'): { alwaysOnTop: boolean } {
      setInCall(call)
      const current = window()
      if (!current || current.isDestroyed()) return { alwaysOnTop: false }
      if (mini) {
        const size = layout === 'companion' ? COMPANION_SIZE : MINI_SIZE
        if (!restore) restore = { bounds: current.getBounds(), minimum: current.getMinimumSize() }
        current.setMinimumSize(Math.min(size.width, MINI_SIZE.width), Math.min(size.height, MINI_SIZE.height))
        current.setSize(size.width, size.height, true)
        current.setAlwaysOnTop(true, 'floating')
        current.setVisibleOnAllWorkspaces(true)
      } else if (!mini && restore) {
        current.setAlwaysOnTop(false)
        current.setVisibleOnAllWorkspaces(false)
        current.setMinimumSize(restore.minimum[0] ?? 0, restore.minimum[1] ?? 0)
        current.setBounds(restore.bounds, true)
        restore = null
      }
      return { alwaysOnTop: current.isAlwaysOnTop() }
    },
    /** Whether a call in Greenroom's call room is on now. */
    isInCall(): boolean {
      return inCall
    },
    /** Runs `listener` each time a call ends; returns the unsubscribe. */
    onCallEnded(listener: () => void): () => void {
      callEndListeners.add(listener)
      return () => callEndListeners.delete(listener)
    },
    /** True once, after the user chose to leave a call by closing the window. */
    wasInCall(): boolean {
      const was = left
      left = false
      return was
    },
    /** Asked when the window is about to close: true to go ahead. */
    confirmClose(): boolean {
      if (!inCall) return true
      const current = window()
      const options: Electron.MessageBoxSyncOptions = {
        type: 'warning',
        buttons: ['Stay in the call', 'Leave the call'],
        defaultId: 0,
        cancelId: 0,
        title: 'A call is on',
        message: 'You are in a call.',
        detail: 'Closing the window ends it for you. Hang up first if you mean to end it.'
      }
      const choice = current ? dialog.showMessageBoxSync(current, options) : dialog.showMessageBoxSync(options)
      if (choice === 1) {
        left = true
        setInCall(false)
      }
      return choice === 1
    }
  }
}

export type CallWindow = ReturnType<typeof createCallWindow>
