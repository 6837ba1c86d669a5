import { Button, Group, Paper, Stack, Switch, Text, ThemeIcon } from '@mantine/core'
import { IconMicrophone, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { RECORD_SECONDS, recordYourself } from './hear-yourself'

type Stage =
  | { name: 'idle' }
  | { name: 'recording'; secondsLeft: number }
  | { name: 'playing' }
  | { name: 'done' }
  | { name: 'failed'; blocked: boolean; message: string }

/**
 * "Hear yourself": five seconds of the microphone, played straight back, through the noise
 * suppression the call uses. The switch lets the user hear the difference.
 */
export function HearYourself({
  microphoneId,
  sinkId,
  disabled
}: {
  microphoneId: string | null
  sinkId: string | null
  disabled?: boolean
}) {
  const [stage, setStage] = useState<Stage>({ name: 'idle' })
  const [suppressNoise, setSuppressNoise] = useState(true)
  const [recordingUrl, setRecordingUrl] = useState<string | null>(null)
  const audio = useRef<HTMLAudioElement>(null)
  const alive = useRef(true)

  useEffect(() => () => void (alive.current = false), [])
  useEffect(() => () => void (recordingUrl && URL.revokeObjectURL(recordingUrl)), [recordingUrl])

  async function record(): Promise<void> {
    audio.current?.pause()
    setStage({ name: 'recording', secondsLeft: RECORD_SECONDS })
    const outcome = await recordYourself({
      microphoneId,
      suppressNoise,
      onSecond: (secondsLeft) => alive.current && setStage({ name: 'recording', secondsLeft })
    })
    if (!alive.current) return
    if (!outcome.ok) return setStage({ name: 'failed', blocked: outcome.reason === 'blocked', message: outcome.message })
    setRecordingUrl(URL.createObjectURL(outcome.recording))
    setStage({ name: 'playing' })
  }

  // Plays the new recording as soon as it is there, on the chosen speakers.
  useEffect(() => {
    const element = audio.current
    if (!element || !recordingUrl || stage.name !== 'playing') return
    const withSink = element as HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> }
    const sink = sinkId && withSink.setSinkId ? withSink.setSinkId(sinkId).catch(() => undefined) : Promise.resolve()
    void sink.then(() => element.play()).catch(() => setStage({ name: 'done' }))
  }, [recordingUrl, stage.name, sinkId])

  function stopPlaying(): void {
    audio.current?.pause()
    setStage({ name: 'done' })
  }

  const status =
    stage.name === 'recording'
      ? `Recording… say something. ${stage.secondsLeft} second${stage.secondsLeft === 1 ? '' : 's'} left.`
      : stage.name === 'playing'
        ? 'Playing your recording…'
        : stage.name === 'done'
          ? 'Done. Did you sound clear? Record again to compare with noise suppression off or on.'
          : stage.name === 'failed'
            ? stage.message
            : `Record ${RECORD_SECONDS} seconds of your voice and hear how you sound to your client.`

  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-label="Hear yourself">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <ThemeIcon
            variant="light"
            radius="xl"
            size="md"
            color={stage.name === 'failed' || stage.name === 'recording' ? 'red' : undefined}
          >
            <IconMicrophone size={16} />
          </ThemeIcon>
          <div>
            <Text fw={600}>Hear yourself</Text>
            <Text size="sm" c={stage.name === 'failed' ? 'red' : 'dimmed'} role="status" aria-live="polite">
              {status}
            </Text>
          </div>
        </Group>
        <Group gap="xs">
          {stage.name === 'playing' ? (
            <Button variant="default" leftSection={<IconPlayerStop size={16} />} onClick={stopPlaying}>
              Stop
            </Button>
          ) : (
            <>
              <Button
                variant="light"
                leftSection={<IconMicrophone size={16} />}
                disabled={disabled || stage.name === 'recording'}
                onClick={() => void record()}
              >
                {stage.name === 'recording'
                  ? `Recording… ${stage.secondsLeft}`
                  : stage.name === 'idle'
                    ? `Record ${RECORD_SECONDS} seconds`
                    : 'Record again'}
              </Button>
              {stage.name === 'done' && recordingUrl && (
                <Button
                  variant="default"
                  leftSection={<IconPlayerPlay size={16} />}
                  onClick={() => {
                    if (audio.current) audio.current.currentTime = 0
                    setStage({ name: 'playing' })
                  }}
                >
                  Play again
                </Button>
              )}
            </>
          )}
        </Group>
        <Switch
          label="Noise suppression"
          description="Removes steady background sound (fans, traffic, typing) from your voice, as in the call."
          checked={suppressNoise}
          disabled={stage.name === 'recording'}
          onChange={(event) => setSuppressNoise(event.currentTarget.checked)}
        />
        <audio ref={audio} src={recordingUrl ?? undefined} onEnded={() => setStage({ name: 'done' })} hidden />
      </Stack>
    </Paper>
  )
}
