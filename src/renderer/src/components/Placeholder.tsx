import { EmptyState, Paper } from '@mantine/core'
import type { ReactNode } from 'react'

/** A page's empty state: what will show here, and why it matters. */
export function Placeholder({
  icon,
  title,
  description,
  actions,
  children
}: {
  icon: ReactNode
  title: string
  description: ReactNode
  actions?: ReactNode
  /** More than a sentence (a list, say): shown under the description. */
  children?: ReactNode
}) {
  return (
    <Paper withBorder radius="lg" py={56} px="xl">
      <EmptyState variant="light" size="lg" icon={icon} title={title} description={description}>
        {children}
        {actions && <EmptyState.Actions>{actions}</EmptyState.Actions>}
      </EmptyState>
    </Paper>
  )
}
