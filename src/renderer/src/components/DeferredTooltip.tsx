import { useState, type ReactElement } from 'react'
import { retryingImport } from '@renderer/retrying-import'

type TooltipComponent = typeof import('./tooltip-code').Tooltip

/**
 * A Mantine tooltip for the shell, whose code (with floating-ui, a sixth of the shell's first
 * load) arrives on the first hover instead of with the shell. Shown while the pointer is over
 * `children`, as Mantine's own is.
 */
export function DeferredTooltip({ label, children }: { label: string; children: ReactElement }) {
  const [Tooltip, setTooltip] = useState<TooltipComponent | null>(null)
  const [hovered, setHovered] = useState(false)
  const enter = () => {
    setHovered(true)
    if (!Tooltip) {
      void retryingImport(() => import('./tooltip-code'))
        .then((module) => setTooltip(() => module.Tooltip))
        .catch(() => undefined) // no tooltip, nothing else lost
    }
  }
  return (
    <span onMouseEnter={enter} onMouseLeave={() => setHovered(false)} style={{ display: 'inline-flex' }}>
      {Tooltip ? (
        <Tooltip label={label} opened={hovered}>
          {children}
        </Tooltip>
      ) : (
        children
      )}
    </span>
  )
}
