import { Badge } from '@mantine/core'
import { STATUS_LABELS, type InterviewStatus } from '@shared/pipeline'

export const STATUS_COLORS: Record<InterviewStatus, string> = {
  invited: 'gray',
  accepted: 'blue',
  scheduled: 'indigo',
  done: 'cyan',
  offer: 'yellow',
  no_offer: 'gray',
  hired: 'greenroom',
  declined: 'red',
  no_show: 'orange'
}

export function StatusBadge({ status, size = 'md' }: { status: InterviewStatus; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="light"
      size={size}
      style={{ flexShrink: 0, overflow: 'visible' }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {STATUS_LABELS[status]}
    </Badge>
  )
}
