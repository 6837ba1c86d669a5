import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconUserQuestion } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { Link } from 'react-router'
import { describeInBothZones } from '@shared/schedule'
import { whoText } from '@shared/reminder-text'
import { useSettings } from '@renderer/hooks/settings-context'
import { errorMessage, useQuery } from '@renderer/hooks/useQuery'
import { useHourCycle } from '@renderer/hooks/useHourCycle'
import { hideReminderToasts } from './reminder-toasts'

/**
 * "Did the client come?" for calls whose start passed by the no-show margin while the
 * interview is still scheduled. Stays until answered; "Ask later" hides it until the
 * next reminder or restart.
 */
export function ShowUpPrompt() {
  const { settings } = useSettings()
  const questions = useQuery(() => window.greenroom.listShowUpQuestions(), [])
  const [later, setLater] = useState<Set<string>>(new Set())
  const [busy, setBusy] = useState<string | null>(null)
  // The margin passing changes no record: the scheduler's no-show reminder says when to look.
  const { reload } = questions
  useEffect(() => window.greenroom.on('remindersDue', reload), [reload])
  const zone = settings?.timeZone ?? 'UTC'
  const cycle = useHourCycle()
  const open = (questions.data ?? []).filter((question) => !later.has(question.interview.id))
  if (open.length === 0) return null

  async function answer(id: string, showedUp: boolean, who: string) {
    setBusy(id)
    try {
      await window.greenroom.answerShowUp({ id, showedUp })
      hideReminderToasts(id)
      notifications.show({
        color: showedUp ? 'green' : 'orange',
        message: showedUp ? 'Marked as done: record the outcome when you know it.' : `Marked as a no-show; ${who} now carries a red flag.`
      })
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not save the answer', message: errorMessage(error) })
    } finally {
      setBusy(null)
    }
  }

  return (
    <Stack gap="xs" mb="lg">
      {open.map(({ interview }) => {
        const schedule = interview.schedule!
        const who = whoText(interview)
        return (
          <section key={interview.id} aria-label={`No-show question for ${interview.title}`}>
            <Alert color="orange" variant="light" icon={<IconUserQuestion />} title={`Did ${who} come to the call?`}>
              <Stack gap="xs">
                <Text size="sm">
                  <Anchor component={Link} to={`/interviews/${interview.id}`} fw={600} inherit>
                    {interview.title}
                  </Anchor>{' '}
                  was booked for {describeInBothZones(schedule.startsAt, zone, interview.clientTimeZone ?? schedule.timeZone, cycle)} (
                  {schedule.durationMinutes} min).
                </Text>
                <Group gap="xs">
                  <Button size="xs" color="green" loading={busy === interview.id} onClick={() => void answer(interview.id, true, who)}>
                    Yes, we talked
                  </Button>
                  <Button
                    size="xs"
                    color="red"
                    variant="light"
                    loading={busy === interview.id}
                    onClick={() => void answer(interview.id, false, who)}
                  >
                    No, they didn’t show
                  </Button>
                  <Button size="xs" variant="subtle" color="gray" onClick={() => setLater(new Set([...later, interview.id]))}>
                    Ask later
                  </Button>
                </Group>
              </Stack>
            </Alert>
          </section>
        )
      })}
    </Stack>
  )
}
