import { Group, Table, UnstyledButton } from '@mantine/core'
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react'
import type { ReactNode } from 'react'

export type SortDirection = 'ascending' | 'descending'

/** A column header that sorts by its column: a button (keyboard too) and aria-sort for screen readers. */
export function SortableHeader({
  children,
  direction,
  onSort
}: {
  children: ReactNode
  /** Null while the table is sorted by another column. */
  direction: SortDirection | null
  onSort: (direction: SortDirection) => void
}) {
  const Icon = direction === 'ascending' ? IconSortAscending : direction === 'descending' ? IconSortDescending : IconArrowsSort
  return (
    <Table.Th aria-sort={direction ?? 'none'}>
      <UnstyledButton onClick={() => onSort(direction === 'ascending' ? 'descending' : 'ascending')} fw={700} fz="sm">
        <Group gap={4} wrap="nowrap">
          {children}
          <Icon size={14} aria-hidden stroke={1.8} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  )
}
