import { Box, Group, Progress, Select, Stack, Switch, Text } from '@mantine/core'
import { IconMicrophone, IconVideo } from '@tabler/icons-react'
import { useEffect, useRef } from 'react'
import { useDevices } from '@renderer/features/precall/useDevices'
import type { CallRunner, CallState } from './engine/call-runner'
import { useAudioLevel } from './useCallState'
import { ProcessingNotice, ProcessingSwitches } from './processing/ProcessingControls'

/** Your own picture as the other side will see it (mirrored, as a mirror would). */
export function LocalPreview({ stream, label = 'Your camera preview' }: { stream: MediaStream | null; label?: string }) {
  const video = useRef<HTMLVideoElement>(null)
  useEffect(() => {
    if (video.current && video.current.srcObject !== stream) video.current.srcObject = stream
    if (stream) void video.current?.play().catch(() => undefined)
  }, [stream])
  return (
    <Box
      pos="relative"
      style={{ aspectRatio: '16 / 9', background: '#15171a', borderRadius: 'var(--mantine-radius-md)', overflow: 'hidden' }}
    >
      <video
        ref={video}
        aria-label={label}
        muted
        autoPlay
        playsInline
        style={{ width: '100%', height: '100%', objectFit: 'cover', transform: 'scaleX(-1)', visibility: stream ? 'visible' : 'hidden' }}
      />
      {!stream && (
        <Text pos="absolute" inset={0} c="gray.4" size="sm" ta="center" style={{ display: 'grid', placeItems: 'center' }}>
          Camera off
        </Text>
      )}
    </Box>
  )
}

/** Camera preview, microphone level and device choice, before joining (and any time after). */
export function DeviceCheck({ session, state }: { session: CallRunner; state: CallState }) {
  const { cameras, microphones, refresh } = useDevices()
  // Device names appear once the browser was allowed to use them.
  useEffect(refresh, [state.micDeviceId, state.cameraDeviceId, refresh])
  const level = useAudioLevel(session.microphoneTrack, state.micOn)
  return (
    <Stack gap="sm">
      <LocalPreview stream={state.localStream} />
      <Group grow align="flex-end">
        <Select
          label="Camera"
          leftSection={<IconVideo size={16} />}
          data={cameras}
          value={state.cameraDeviceId}
          onChange={(value) => value && void session.switchCamera(value)}
          placeholder={cameras.length ? 'Pick a camera' : 'No camera found'}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label="Microphone"
          leftSection={<IconMicrophone size={16} />}
          data={microphones}
          value={state.micDeviceId}
          onChange={(value) => value && void session.switchMicrophone(value)}
          placeholder={microphones.length ? 'Pick a microphone' : 'No microphone found'}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      <Stack gap={4}>
        <Group justify="space-between">
          <Text size="sm" fw={500} id="mic-level-label">
            Microphone level
          </Text>
          <Text size="xs" c="dimmed">
            {state.micOn ? (level > 0.25 ? 'We hear you' : 'Say something to test it') : 'Microphone is off'}
          </Text>
        </Group>
        {/* The section is the element with role="progressbar": it carries the name. */}
        <Progress.Root size="lg">
          <Progress.Section
            value={Math.round(level * 100)}
            color={level > 0.9 ? 'red' : 'greenroom'}
            aria-labelledby="mic-level-label"
            className="greenroom-level-meter"
          />
        </Progress.Root>
      </Stack>
      <Group gap="xl">
        <Switch label="Microphone on" checked={state.micOn} onChange={() => void session.toggleMic()} />
        <Switch label="Camera on" checked={state.cameraOn} onChange={() => void session.toggleCamera()} />
      </Group>
      <ProcessingSwitches call={session} />
      <ProcessingNotice call={session} />
    </Stack>
  )
}
