import { ActionIcon, Alert, Button, Checkbox, Group, Paper, Select, Stack, Switch, Text, Title, Tooltip } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArrowBackUp, IconPlus, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import { Link } from 'react-router'
import type { PickedQuestion, PrepRoom } from '@shared/prep'
import { useQuery } from '@renderer/hooks/useQuery'
import { useOptimisticFlag } from '@renderer/hooks/useOptimisticFlag'
import { useSave } from '@renderer/hooks/useSave'
import { tagsOf } from '@renderer/features/samples/QuestionBank'
import { QuestionModal } from '@renderer/features/samples/QuestionModal'
import { TagBadges } from '@renderer/components/TagBadges'

function PickedCard({ picked, room }: { picked: PickedQuestion; room: PrepRoom }) {
  const { run } = useSave()
  const { question } = picked
  const [struggled, setStruggled] = useOptimisticFlag(picked.struggledAt !== null)
  const unpick = async () => {
    if (!(await run(() => window.greenroom.unpickQuestion({ interviewId: room.interviewId, questionId: question.id })))) return
    const key = `unpicked-${question.id}`
    notifications.show({
      id: key,
      message: (
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">Took “{question.question}” off this interview</Text>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              notifications.hide(key)
              void run(() => window.greenroom.pickQuestion({ interviewId: room.interviewId, questionId: question.id }))
            }}
          >
            Undo
          </Button>
        </Group>
      ),
      autoClose: 8000
    })
  }
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="article"
      aria-label={question.question}
      style={struggled ? { borderColor: 'var(--mantine-color-orange-5)' } : undefined}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600} size="sm">
              {question.question}
            </Text>
            <TagBadges tags={question.tags} />
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={question.answer ? undefined : 'dimmed'}>
            {question.answer || 'No prepared answer yet: edit it in the question bank.'}
          </Text>
        </Stack>
        <Tooltip label="Take off this interview (you can undo)">
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Take “${question.question}” off this interview`}
            onClick={() => void unpick()}
          >
            <IconX size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Switch
        mt="xs"
        color="orange"
        label="Couldn’t answer well"
        description={
          struggled
            ? 'Be straight with the client, then follow up: a follow-up was added to this interview.'
            : 'Mark it during or after the call; a follow-up is added to this interview.'
        }
        checked={struggled}
        onChange={(event) => {
          const couldntAnswer = event.currentTarget.checked
          setStruggled(couldntAnswer, () =>
            run(() => window.greenroom.markQuestion({ interviewId: room.interviewId, questionId: question.id, couldntAnswer }))
          )
        }}
      />
    </Paper>
  )
}

function FollowUpBox({ id, text, done }: { id: string; text: string; done: boolean }) {
  const { run } = useSave()
  const [checked, setChecked] = useOptimisticFlag(done)
  return (
    <Checkbox
      label={text}
      checked={checked}
      onChange={(event) => {
        const next = event.currentTarget.checked
        setChecked(next, () => run(() => window.greenroom.setFollowUpDone({ id, done: next })))
      }}
    />
  )
}

/** What needs doing after the call: answers owed, each ticked when sent. */
export function FollowUps({ room }: { room: PrepRoom }) {
  if (room.followUps.length === 0) return null
  const open = room.followUps.filter((followUp) => !followUp.doneAt).length
  return (
    <Alert
      color={open ? 'orange' : 'gray'}
      variant="light"
      title={open ? `Follow-ups (${open} open)` : 'Follow-ups (all done)'}
      icon={<IconArrowBackUp />}
      aria-label="Follow-ups"
    >
      <Stack gap={6}>
        {room.followUps.map((followUp) => (
          <FollowUpBox key={followUp.id} id={followUp.id} text={followUp.text} done={followUp.doneAt !== null} />
        ))}
      </Stack>
    </Alert>
  )
}

/** Likely questions for this interview, picked from the bank, with their prepared answers. */
export function QuestionsPanel({ room }: { room: PrepRoom }) {
  const bank = useQuery(() => window.greenroom.listQuestions(), [])
  const [creating, setCreating] = useState(false)
  const { run } = useSave()
  const picked = new Set(room.questions.map((entry) => entry.question.id))
  const available = (bank.data ?? []).filter((question) => !picked.has(question.id))
  const pick = (questionId: string) => run(() => window.greenroom.pickQuestion({ interviewId: room.interviewId, questionId }))
  return (
    <Stack gap="sm">
      <FollowUps room={room} />
      <Group gap="sm" align="flex-end">
        <Select
          style={{ flex: '1 1 240px', maxWidth: 420 }}
          label="Pick a likely question"
          placeholder={
            bank.data?.length === 0
              ? 'Your question bank is empty'
              : available.length === 0
                ? 'Every question is picked'
                : 'Search your question bank'
          }
          data={available.map((question) => ({ value: question.id, label: question.question }))}
          searchable
          value={null}
          onChange={(value) => value && void pick(value)}
          disabled={available.length === 0}
          nothingFoundMessage="No question with those words"
        />
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          New question…
        </Button>
        <Button component={Link} to="/samples?tab=questions" variant="subtle">
          Question bank
        </Button>
      </Group>
      {room.questions.length === 0 ? (
        <Text size="sm" c="dimmed" py="sm">
          No questions picked yet. Which ones will this client likely ask? Include the one you fear most.
        </Text>
      ) : (
        <Stack gap="xs">
          <Title order={3} size="h5" c="dimmed">
            Likely questions ({room.questions.length})
          </Title>
          {room.questions.map((entry) => (
            <PickedCard key={entry.question.id} picked={entry} room={room} />
          ))}
        </Stack>
      )}
      {creating && (
        <QuestionModal tags={tagsOf(bank.data ?? [])} onClose={() => setCreating(false)} onSaved={(question) => void pick(question.id)} />
      )}
    </Stack>
  )
}
