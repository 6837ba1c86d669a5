import { Button, Group, Paper, Text, ThemeIcon } from '@mantine/core'
import { IconVolume } from '@tabler/icons-react'
import { useState } from 'react'
import { playTestTone } from '@renderer/webrtc/media-checks'

export type SpeakerAnswer = 'confirmed' | 'not_heard' | null

/** Plays a tone on the chosen output; only the user can say whether it came out. */
export function SpeakerCheck({
  sinkId,
  answer,
  onAnswer
}: {
  sinkId: string | null
  answer: SpeakerAnswer
  onAnswer: (answer: SpeakerAnswer) => void
}) {
  const [playing, setPlaying] = useState(false)
  const [played, setPlayed] = useState(false)
  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-label="Speakers check">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon variant="light" radius="xl" size="md">
            <IconVolume size={16} />
          </ThemeIcon>
          <div>
            <Text fw={600}>Speakers</Text>
            <Text size="sm" c="dimmed">
              {answer === 'confirmed'
                ? 'You heard the tone.'
                : answer === 'not_heard'
                  ? 'You did not hear the tone.'
                  : 'Play a short tone and tell us if you heard it.'}
            </Text>
          </div>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button
            variant="default"
            loading={playing}
            onClick={async () => {
              setPlaying(true)
              await playTestTone(sinkId).catch(() => undefined)
              setPlaying(false)
              setPlayed(true)
            }}
          >
            Play tone
          </Button>
          <Button variant="light" disabled={!played} onClick={() => onAnswer('confirmed')}>
            I heard it
          </Button>
          <Button variant="light" color="red" disabled={!played} onClick={() => onAnswer('not_heard')}>
            I didn’t
          </Button>
        </Group>
      </Group>
    </Paper>
  )
}
