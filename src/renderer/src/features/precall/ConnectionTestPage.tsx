import { Badge, Button, Group, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPlayerPlay, IconWifi } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { useSearchParams } from 'react-router'
import { assessConnection, PROMISED_SECONDS, VERDICT_LABELS, type ConnectionReport } from '@shared/precall'
import { PageHeader } from '@renderer/components/PageHeader'
import { Placeholder } from '@renderer/components/Placeholder'
import { formatInstant } from '@renderer/components/time'
import { useSettings } from '@renderer/hooks/settings-context'
import { errorMessage, useQuery } from '@renderer/hooks/useQuery'
import { CheckCards } from './CheckCards'
import { HearYourself } from './HearYourself'
import { BlurPreview } from './BlurPreview'
import { runConnectionTest, type TestProgress } from './run-test'
import { SpeakerCheck, type SpeakerAnswer } from './SpeakerCheck'
import { useDevices } from './useDevices'
import { useAppInfo } from '@renderer/hooks/useAppInfo'
import { VerdictBanner } from './VerdictBanner'
import { useHourCycle } from '@renderer/hooks/useHourCycle'

const VERDICT_COLOR = { ready: 'greenroom', usable: 'yellow', not_ready: 'red' } as const

function Preview({ stream }: { stream: MediaStream | null }) {
  const video = useRef<HTMLVideoElement>(null)
  useEffect(() => {
    if (video.current) video.current.srcObject = stream
  }, [stream])
  if (!stream) return null
  return (
    <video
      ref={video}
      autoPlay
      muted
      playsInline
      aria-label="Camera preview"
      style={{ width: '100%', borderRadius: 12, background: '#000', aspectRatio: '4 / 3', objectFit: 'cover' }}
    />
  )
}

export function ConnectionTestPage() {
  const { settings } = useSettings()
  const zone = settings?.timeZone ?? 'UTC'
  const cycle = useHourCycle()
  const devices = useDevices()
  // The fixes name the desktop app's or the browser's settings: nothing runs before we know which.
  const appInfo = useAppInfo()
  const mode = appInfo?.mode ?? 'electron'
  const [cameraId, setCameraId] = useState<string | null>(null)
  const [microphoneId, setMicrophoneId] = useState<string | null>(null)
  const [outputId, setOutputId] = useState<string | null>(null)
  const [progress, setProgress] = useState<TestProgress | null>(null)
  const [report, setReport] = useState<ConnectionReport | null>(null)
  const [running, setRunning] = useState(false)
  const [speakers, setSpeakers] = useState<SpeakerAnswer>(null)
  const history = useQuery(() => window.greenroom.listConnectionTests({ limit: 20 }), [])
  const [params, setParams] = useSearchParams()

  // "#/connection-test?start=1" runs the test at once: the way in from the tray and reminders.
  useEffect(() => {
    if (params.get('start') !== '1' || running || !settings || !appInfo) return
    setParams({}, { replace: true })
    void start()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the address starts a test; `running` and `start` are read, not triggers
  }, [params, settings, appInfo])

  async function start(): Promise<void> {
    setRunning(true)
    setReport(null)
    setProgress(null)
    try {
      const finished = await runConnectionTest({
        // Settings' servers, with a password minted for the test where a call's would be.
        iceServers: await window.greenroom.connectionTestServers(),
        cameraId,
        microphoneId,
        mode,
        onProgress: setProgress
      })
      const results = { ...finished.results, speakers: speakers ? { status: speakers, deviceLabel: outputId ?? 'Default output' } : null }
      const complete = { ...finished, results, ...assessConnection(results, mode) }
      setReport(complete)
      await window.greenroom.saveConnectionTest(complete)
    } catch (error) {
      notifications.show({ color: 'red', title: 'The test stopped', message: errorMessage(error) })
    } finally {
      setRunning(false)
      devices.refresh()
    }
  }

  const results = report?.results ?? progress?.results
  const shownResults = results ? { ...results, speakers: speakers ? { status: speakers, deviceLabel: '' } : results.speakers } : null
  const assessed = shownResults ? assessConnection(shownResults, mode) : null
  const verdict = report ? assessed!.verdict : progress?.verdict ? assessed!.verdict : null

  return (
    <>
      <PageHeader
        title="Connection test"
        description={`Camera, microphone, speakers and network, checked with a real call on this computer. A first verdict about ${PROMISED_SECONDS.firstVerdict} seconds after you press Start, the full report within ${PROMISED_SECONDS.fullReport}.`}
        actions={
          <Button size="md" leftSection={<IconPlayerPlay size={18} />} loading={running || !appInfo} onClick={() => void start()}>
            {report ? 'Run again' : 'Start test'}
          </Button>
        }
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Camera"
            placeholder="Default camera"
            clearable
            data={devices.cameras}
            value={cameraId}
            onChange={setCameraId}
            disabled={running}
          />
          <Select
            label="Microphone"
            placeholder="Default microphone"
            clearable
            data={devices.microphones}
            value={microphoneId}
            onChange={setMicrophoneId}
            disabled={running}
          />
          <Select
            label="Speakers"
            placeholder="Default output"
            clearable
            data={devices.outputs}
            value={outputId}
            onChange={setOutputId}
            disabled={running}
          />
        </SimpleGrid>

        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <HearYourself microphoneId={microphoneId} sinkId={outputId} disabled={running} />
          <BlurPreview cameraId={cameraId} disabled={running} />
        </SimpleGrid>

        {running && progress && (
          <Stack gap={4}>
            <Progress value={progress.progress * 100} animated aria-label="Test progress" />
            <Text size="sm" c="dimmed">
              {progress.phase}
            </Text>
          </Stack>
        )}

        {verdict && assessed && <VerdictBanner verdict={verdict} findings={assessed.findings} provisional={!report} />}
        {report && (
          <Text size="xs" c="dimmed">
            First verdict after {(report.firstVerdictMs / 1000).toFixed(1)} s, full report after {(report.durationMs / 1000).toFixed(1)} s.
          </Text>
        )}

        {shownResults ? (
          <Group align="flex-start" wrap="nowrap" gap="lg">
            <Stack gap="md" style={{ flex: 1 }}>
              <CheckCards results={shownResults} findings={assessed?.findings ?? []} micLevel={progress?.micLevel ?? 0} running={running} />
              <SpeakerCheck sinkId={outputId} answer={speakers} onAnswer={setSpeakers} />
            </Stack>
            {running && progress?.cameraStream && (
              <Paper w={240} style={{ flexShrink: 0 }}>
                <Preview stream={progress.cameraStream} />
              </Paper>
            )}
          </Group>
        ) : (
          !running && (
            <Placeholder
              icon={<IconWifi size={32} aria-hidden />}
              title="Test before every call"
              description="Greenroom opens your camera and microphone, looks for network paths through your STUN/TURN servers, and holds a short real call with itself. Nothing leaves this computer unless you set a TURN server."
            />
          )
        )}

        <Stack gap="xs">
          <Title order={2} size="h4">
            Past tests
          </Title>
          {history.data && history.data.length === 0 ? (
            <Text size="sm" c="dimmed">
              No tests yet. Results are kept here with their time.
            </Text>
          ) : (
            <Paper withBorder radius="lg">
              <Table aria-label="Past tests">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>When</Table.Th>
                    <Table.Th>Verdict</Table.Th>
                    <Table.Th>Round trip</Table.Th>
                    <Table.Th>Loss</Table.Th>
                    <Table.Th>MOS</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(history.data ?? []).map((entry) => (
                    <Table.Tr key={entry.id}>
                      <Table.Td>{formatInstant(entry.startedAt, zone, cycle)}</Table.Td>
                      <Table.Td>
                        <Badge color={VERDICT_COLOR[entry.verdict]} variant="light">
                          {VERDICT_LABELS[entry.verdict]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{entry.results.loopback?.status === 'ok' ? `${entry.results.loopback.rttMs} ms` : '—'}</Table.Td>
                      <Table.Td>{entry.results.loopback?.status === 'ok' ? `${entry.results.loopback.lossPercent}%` : '—'}</Table.Td>
                      <Table.Td>{entry.results.loopback?.status === 'ok' ? entry.results.loopback.mos.toFixed(2) : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
        </Stack>
      </Stack>
    </>
  )
}
