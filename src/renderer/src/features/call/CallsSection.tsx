import { Table, Text } from '@mantine/core'
import { CALL_ISSUE_LABELS } from '@shared/call'
import { CHANNELS } from '@shared/pipeline'
import { QueryState } from '@renderer/components/QueryState'
import { formatInstant } from '@renderer/components/time'
import { useHourCycle } from '@renderer/hooks/useHourCycle'
import { useQuery } from '@renderer/hooks/useQuery'
import { clockText } from './quality'

/** The calls held with this interview's client, in Greenroom or elsewhere, newest first. */
export function CallsSection({ interviewId, zone }: { interviewId: string; zone: string }) {
  const calls = useQuery(() => window.greenroom.listCalls({ interviewId }), [interviewId])
  const cycle = useHourCycle()
  return (
    <QueryState query={calls}>
      {(list) =>
        list.length === 0 ? (
          <Text c="dimmed" size="sm">
            No calls on record yet. Join or start the call from the top of this page; End call (or hanging up) puts it here with its length
            and your rating.
          </Text>
        ) : (
          <Table aria-label="Calls held" maw={760} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Where</Table.Th>
                <Table.Th>Duration</Table.Th>
                <Table.Th>Rating</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((call) => (
                <Table.Tr key={call.id}>
                  <Table.Td>{formatInstant(call.startedAt, zone, cycle)}</Table.Td>
                  <Table.Td>{CHANNELS[call.channel]}</Table.Td>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{clockText(call.durationSeconds)}</Table.Td>
                  <Table.Td>
                    {call.rating === null ? (
                      <Text span c="dimmed" size="sm">
                        Not rated
                      </Text>
                    ) : (
                      `${call.rating} of 5${call.issues.length ? ` · ${call.issues.map((issue) => CALL_ISSUE_LABELS[issue]).join(', ')}` : ''}`
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      }
    </QueryState>
  )
}
