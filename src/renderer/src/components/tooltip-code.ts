// Mantine's Tooltip alone, as a chunk of its own for DeferredTooltip (pages import it directly).
export { Tooltip } from '@mantine/core'
