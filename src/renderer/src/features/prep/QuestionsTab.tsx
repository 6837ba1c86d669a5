import { Badge, Tabs } from '@mantine/core'
import type { PrepRoom } from '@shared/prep'

/** The "Questions" tab, counting the likely questions, with a badge for open follow-ups. */
export function QuestionsTab({ room }: { room: PrepRoom }) {
  const openFollowUps = room.followUps.filter((followUp) => !followUp.doneAt).length
  return (
    <Tabs.Tab
      value="questions"
      rightSection={
        openFollowUps ? (
          <Badge size="xs" color="orange" circle aria-label={`${openFollowUps} open follow-ups`}>
            {openFollowUps}
          </Badge>
        ) : undefined
      }
    >
      Questions{room.questions.length ? ` (${room.questions.length})` : ''}
    </Tabs.Tab>
  )
}
