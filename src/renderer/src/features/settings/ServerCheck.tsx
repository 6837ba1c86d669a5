import { Button, List, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconCheck, IconMinus, IconServerBolt, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import type { ServerCheckStep } from '@shared/call'
import { checkRelays } from './relay-check'

const STEP_NAMES: Record<ServerCheckStep['id'], string> = {
  https: 'The address answers over HTTPS',
  socket: 'The call socket opens',
  room: 'A room can be made with the admin secret',
  relayUdp: 'A TURN relay is reached over UDP',
  relayTcp: 'A TURN relay is reached over TCP/TLS'
}

/** Settings → Call rooms → Check this server: each step passes or fails, with its fix in plain words. */
export function ServerCheck({ url, adminSecret, disabled }: { url: string; adminSecret: string; disabled: boolean }) {
  const [steps, setSteps] = useState<ServerCheckStep[] | null>(null)
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function run(): Promise<void> {
    setRunning(true)
    setError(null)
    setSteps(null)
    try {
      const checked = await window.greenroom.checkSignalingServer({ url, adminSecret, origin: window.location.origin })
      setSteps(checked.steps)
      const relays = await checkRelays(
        checked.iceServers,
        checked.steps.every((step) => step.status === 'pass')
      )
      setSteps([...checked.steps, ...relays])
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
    } finally {
      setRunning(false)
    }
  }

  return (
    <Stack gap="xs">
      <Button
        variant="default"
        w="fit-content"
        leftSection={<IconServerBolt size={16} />}
        loading={running}
        disabled={disabled}
        onClick={() => void run()}
      >
        Check this server
      </Button>
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      {steps && (
        <List aria-label="Server check" spacing="xs" listStyleType="none">
          {steps.map((step) => (
            <List.Item
              key={step.id}
              aria-label={`${STEP_NAMES[step.id]}: ${step.status === 'pass' ? 'passed' : step.status === 'fail' ? 'failed' : 'not checked'}`}
              icon={
                <ThemeIcon
                  size={20}
                  radius="xl"
                  color={step.status === 'pass' ? 'green' : step.status === 'fail' ? 'red' : 'gray'}
                  aria-hidden
                >
                  {step.status === 'pass' ? (
                    <IconCheck size={13} />
                  ) : step.status === 'fail' ? (
                    <IconX size={13} />
                  ) : (
                    <IconMinus size={13} />
                  )}
                </ThemeIcon>
              }
            >
              <Text size="sm" fw={500}>
                {STEP_NAMES[step.id]}
              </Text>
              <Text size="sm" c="dimmed">
                {step.detail}
              </Text>
              {step.fix && <Text size="sm">Fix: {step.fix}</Text>}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  )
}
