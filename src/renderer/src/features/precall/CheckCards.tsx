import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconCamera, IconMicrophone, IconNetwork, IconPhoneCall } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { describeVoiceLevel, type CheckName, type CheckResults, type Finding } from '@shared/precall'

type State = 'waiting' | 'pass' | 'info' | 'warn' | 'fail'
const STATE_BADGE: Record<State, { color: string; label: string }> = {
  waiting: { color: 'gray', label: 'Checking…' },
  pass: { color: 'greenroom', label: 'Good' },
  info: { color: 'greenroom', label: 'Good' },
  warn: { color: 'yellow', label: 'Warning' },
  fail: { color: 'red', label: 'Problem' }
}

function stateOf(check: CheckName, done: boolean, findings: Finding[]): State {
  if (!done) return 'waiting'
  const own = findings.filter((finding) => finding.check === check)
  if (own.some((finding) => finding.severity === 'fail')) return 'fail'
  if (own.some((finding) => finding.severity === 'warn')) return 'warn'
  return 'pass'
}

/** What went wrong in this check, said in the card itself and not only in the verdict. */
function Problems({ check, findings }: { check: CheckName; findings: Finding[] }) {
  const own = findings.filter((finding) => finding.check === check && finding.severity !== 'info')
  return own.map((finding, index) => (
    <Text key={index} size="sm" c={finding.severity === 'fail' ? 'red' : 'yellow.8'} fw={500}>
      {finding.cause}
    </Text>
  ))
}

function Card({ title, icon, state, children }: { title: string; icon: ReactNode; state: State; children: ReactNode }) {
  const badge = STATE_BADGE[state]
  return (
    <Paper withBorder radius="lg" p="md" aria-label={`${title} check`} component="section">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <ThemeIcon variant="light" radius="xl" size="md">
            {icon}
          </ThemeIcon>
          <Text fw={600}>{title}</Text>
        </Group>
        <Badge color={badge.color} variant="light">
          {badge.label}
        </Badge>
      </Group>
      <Stack gap={2}>{children}</Stack>
    </Paper>
  )
}

const Figure = ({ label, value }: { label: string; value: string }) => (
  <Group justify="space-between" gap="xs">
    <Text size="sm" c="dimmed">
      {label}
    </Text>
    <Text size="sm" fw={500} aria-label={label}>
      {value}
    </Text>
  </Group>
)

export function CheckCards({
  results,
  findings,
  micLevel,
  running
}: {
  results: CheckResults
  findings: Finding[]
  micLevel: number
  running: boolean
}) {
  const { camera, microphone, network, loopback } = results
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card title="Camera" icon={<IconCamera size={16} />} state={stateOf('camera', camera !== null, findings)}>
        <Problems check="camera" findings={findings} />
        {camera?.status === 'ok' && (
          <>
            <Figure label="Camera resolution" value={`${camera.width} × ${camera.height}`} />
            <Figure label="Camera frame rate" value={`${camera.framesPerSecond} fps`} />
            <Text size="xs" c="dimmed" truncate>
              {camera.deviceLabel}
            </Text>
          </>
        )}
      </Card>
      <Card title="Microphone" icon={<IconMicrophone size={16} />} state={stateOf('microphone', microphone !== null, findings)}>
        <Problems check="microphone" findings={findings} />
        {running && microphone === null && (
          <>
            <Text size="sm" c="dimmed">
              Say a few words: we are listening.
            </Text>
            <Progress aria-label="Microphone level" value={micLevel * 100} color="greenroom" size="lg" animated={false} />
          </>
        )}
        {microphone?.status === 'ok' && (
          <>
            <Figure label="How you sound" value={describeVoiceLevel(microphone)} />
            <Text size="xs" c="dimmed" truncate>
              {microphone.deviceLabel}
            </Text>
          </>
        )}
      </Card>
      <Card title="Network" icon={<IconNetwork size={16} />} state={stateOf('network', network !== null, findings)}>
        <Problems check="network" findings={findings} />
        {network && (
          <>
            <Figure
              label="Paths found"
              value={`${network.candidates.host} local, ${network.candidates.srflx} public (STUN), ${network.candidates.relay} relayed (TURN)`}
            />
            <Figure label="Protocols" value={`${network.candidates.udp} UDP, ${network.candidates.tcp} TCP`} />
            <Figure label="Gathering time" value={`${network.gatheringMs} ms`} />
          </>
        )}
      </Card>
      <Card title="Test call" icon={<IconPhoneCall size={16} />} state={stateOf('loopback', loopback !== null, findings)}>
        <Problems check="loopback" findings={findings} />
        {loopback?.status === 'ok' && (
          <>
            <Figure label="Round trip" value={`${loopback.rttMs} ms`} />
            <Figure label="Jitter" value={`${loopback.jitterMs} ms`} />
            <Figure label="Packet loss" value={`${loopback.lossPercent}%`} />
            <Figure label="Packets measured" value={String(loopback.packets)} />
            <Figure
              label="Video sent"
              value={`${loopback.bitrateKbps} kbit/s at ${loopback.width} × ${loopback.height}, ${loopback.framesDecoded} frames decoded`}
            />
            {camera?.status === 'error' && (
              <Text size="xs" c="dimmed">
                The camera could not be opened, so the test call sent a stand-in picture.
              </Text>
            )}
            <Figure label="Expected quality (MOS)" value={`${loopback.mos.toFixed(2)} of 4.5`} />
            <Figure
              label="Path"
              value={
                loopback.relayed ? 'through your TURN server' : loopback.relayCall === 'failed' ? 'direct (TURN did not connect)' : 'direct'
              }
            />
          </>
        )}
      </Card>
    </SimpleGrid>
  )
}
