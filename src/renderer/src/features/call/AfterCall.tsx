import { Button, Chip, Group, Paper, Rating, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCheck } from '@tabler/icons-react'
import { useState } from 'react'
import { useSave } from '@renderer/hooks/useSave'
import { useSubmit } from '@renderer/hooks/useSubmit'
import { CALL_ISSUE_LABELS, CALL_ISSUES, type CallIssue, type CallRecord } from '@shared/call'
import { CHANNELS, INTERVIEW_TRANSITIONS, STATUS_LABELS, type InterviewDetail, type InterviewStatus } from '@shared/pipeline'
import type { PrepRoom } from '@shared/prep'
import { FollowUps } from '@renderer/features/prep/QuestionsPanel'
import { clockText } from './quality'

const fixed = (value: number | null, unit: string, digits = 0) => (value === null ? '—' : `${value.toFixed(digits)} ${unit}`)

function mosWords(mos: number | null): string {
  if (mos === null) return ''
  if (mos >= 4) return 'good'
  if (mos >= 3.6) return 'fair'
  if (mos >= 3.1) return 'poor'
  return 'bad'
}

/** What Greenroom measured over the call. */
export function MeasuredSummary({ call }: { call: CallRecord }) {
  const m = call.measurements
  const rows: [string, string][] = [
    ['Duration', clockText(call.durationSeconds)],
    ['Round trip (average / worst)', `${fixed(m.averageRttMs, 'ms')} / ${fixed(m.worstRttMs, 'ms')}`],
    ['Packet loss (average / worst)', `${fixed(m.averageLossPercent, '%', 1)} / ${fixed(m.worstLossPercent, '%', 1)}`],
    ['Jitter (average)', fixed(m.averageJitterMs, 'ms')],
    ['Expected quality (MOS, 1–4.5)', m.mos === null ? '—' : `${m.mos.toFixed(1)} (${mosWords(m.mos)})`],
    ['Reconnections', String(m.reconnects)]
  ]
  return (
    <Table aria-label="Measured call quality" withRowBorders={false} verticalSpacing={4}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th fw={500} c="dimmed" w="55%">
              {label}
            </Table.Th>
            <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function RateCall({ call, onSaved }: { call: CallRecord; onSaved: (call: CallRecord) => void }) {
  const [rating, setRating] = useState(call.rating ?? 0)
  const [issues, setIssues] = useState<CallIssue[]>(call.issues)
  const {
    busy,
    failure: error,
    submit: save
  } = useSubmit(async () => {
    onSaved(await window.greenroom.rateCall({ id: call.id, rating, issues }))
    notifications.show({ message: 'Rating saved with the interview', icon: <IconCheck size={16} /> })
  })
  return (
    <Stack gap="sm">
      <Text fw={600} id="rate-label">
        How was the call’s quality?
      </Text>
      <Rating
        size="xl"
        value={rating}
        onChange={setRating}
        aria-labelledby="rate-label"
        getSymbolLabel={(index) => `${index} ${index === 1 ? 'star' : 'stars'}`}
      />
      <Text size="sm" fw={500}>
        Anything wrong?
      </Text>
      <Chip.Group multiple value={issues} onChange={(value) => setIssues(value as CallIssue[])}>
        <Group gap="xs">
          {CALL_ISSUES.map((issue) => (
            <Chip key={issue} value={issue} color="orange" variant="light">
              {CALL_ISSUE_LABELS[issue]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
      <Group>
        <Button onClick={() => void save()} loading={busy} disabled={rating === 0}>
          {call.ratedAt ? 'Update rating' : 'Save rating'}
        </Button>
        {call.ratedAt && (
          <Text size="sm" c="dimmed">
            Saved
          </Text>
        )}
      </Group>
    </Stack>
  )
}

function Outcome({ detail, room }: { detail: InterviewDetail; room: PrepRoom | undefined }) {
  const interview = detail.interview
  const [notes, setNotes] = useState(interview.outcomeNotes)
  // Which button's change is under way: a status, or "notes".
  const [busy, setBusy] = useState<string | null>(null)
  const save = useSave()
  const next = INTERVIEW_TRANSITIONS[interview.status].filter(
    (status) => status !== 'no_show' && status !== 'accepted' && status !== 'scheduled'
  )
  const saving = async (which: string, action: () => Promise<unknown>, success: string) => {
    setBusy(which)
    await save.run(action, success)
    setBusy(null)
  }
  const move = (status: InterviewStatus) =>
    saving(
      status,
      () => window.greenroom.changeInterviewStatus({ id: interview.id, status, note: 'After the call' }),
      `Moved to “${STATUS_LABELS[status]}”`
    )
  const saveNotes = () => {
    const { title, scenario, type, sampleTask, channel, channelLink } = interview
    return saving(
      'notes',
      () =>
        window.greenroom.updateInterview({
          id: interview.id,
          fields: { title, scenario, type, sampleTask, channel, channelLink, outcomeNotes: notes }
        }),
      'Outcome saved'
    )
  }
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Outcome and follow-ups
      </Title>
      {next.length > 0 && (
        <Group gap="xs">
          <Text size="sm">Now “{STATUS_LABELS[interview.status]}”. Move to:</Text>
          {next.map((status) => (
            <Button key={status} size="compact-sm" variant="light" loading={busy === status} onClick={() => void move(status)}>
              {STATUS_LABELS[status]}
            </Button>
          ))}
        </Group>
      )}
      <Textarea
        label="What was agreed, what comes next"
        autosize
        minRows={3}
        maxRows={10}
        value={notes}
        onChange={(event) => setNotes(event.currentTarget.value)}
      />
      <Group>
        <Button variant="default" onClick={() => void saveNotes()} loading={busy === 'notes'} disabled={notes === interview.outcomeNotes}>
          Save outcome
        </Button>
      </Group>
      {room && <FollowUps room={room} />}
    </Stack>
  )
}

/** After the call: rate its quality next to what was measured, then record the outcome. */
export function AfterCall({
  call,
  onRated,
  detail,
  room,
  reason,
  onDone
}: {
  call: CallRecord | null
  onRated: (call: CallRecord) => void
  detail: InterviewDetail
  room: PrepRoom | undefined
  reason: string | null
  onDone: () => void
}) {
  return (
    <Stack gap="lg" p="lg" maw={960} mx="auto" w="100%">
      <Group justify="space-between">
        <Stack gap={2}>
          <Title order={2} size="h3">
            Call ended
          </Title>
          {reason && <Text c="dimmed">{reason}</Text>}
        </Stack>
        <Button variant="default" onClick={onDone}>
          Back to the interview
        </Button>
      </Group>
      {call ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Paper withBorder p="md" radius="md">
            <RateCall call={call} onSaved={onRated} />
          </Paper>
          <Paper withBorder p="md" radius="md">
            {call.channel === 'builtin' ? (
              <>
                <Text fw={600} mb="xs">
                  Measured
                </Text>
                <MeasuredSummary call={call} />
              </>
            ) : (
              // Held in another app: Greenroom knows only where and how long.
              <Stack gap={4}>
                <Text fw={600}>On record</Text>
                <Text size="sm">
                  {CHANNELS[call.channel]} · {clockText(call.durationSeconds)}
                </Text>
                <Text size="sm" c="dimmed">
                  The call is kept with the interview, so Greenroom won’t ask whether the client came.
                </Text>
              </Stack>
            )}
          </Paper>
        </SimpleGrid>
      ) : (
        <Text c="dimmed">Saving the call’s figures…</Text>
      )}
      <Paper withBorder p="md" radius="md">
        <Outcome detail={detail} room={room} />
      </Paper>
    </Stack>
  )
}
