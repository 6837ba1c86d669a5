import { Text, Timeline } from '@mantine/core'
import { STATUS_LABELS, type InterviewDetail } from '../../../../../shared/pipeline'
import { formatInstant } from '../../../components/time'

export function HistorySection({ detail, zone }: { detail: InterviewDetail; zone: string }) {
  return (
    <Timeline active={detail.history.length - 1} bulletSize={14} lineWidth={2} maw={620}>
      {detail.history.map((change, index) => (
        <Timeline.Item key={index} title={change.from ? `${STATUS_LABELS[change.from]} → ${STATUS_LABELS[change.to]}` : STATUS_LABELS[change.to]}>
          <Text size="xs" c="dimmed">
            {formatInstant(change.changedAt, zone)}
          </Text>
          {change.note && <Text size="sm">{change.note}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  )
}
