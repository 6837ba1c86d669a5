import { vi } from 'vitest'

/** A stand-in BrowserWindow with the parts the call window moves: size, bounds, always-on-top. */
export function fakeWindow() {
  let bounds = { x: 10, y: 20, width: 1280, height: 820 }
  let onTop = false
  return {
    isDestroyed: () => false,
    getBounds: () => bounds,
    setBounds: vi.fn((next: typeof bounds) => (bounds = next)),
    getMinimumSize: () => [960, 640],
    setMinimumSize: vi.fn(),
    setSize: vi.fn((width: number, height: number) => (bounds = { ...bounds, width, height })),
    setAlwaysOnTop: vi.fn((value: boolean) => (onTop = value)),
    isAlwaysOnTop: () => onTop,
    setVisibleOnAllWorkspaces: vi.fn()
  }
}
