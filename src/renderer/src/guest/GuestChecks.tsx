import { Alert, Button, Group, Loader, Text } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconRefresh, IconVideoOff } from '@tabler/icons-react'
import { useCallback, useEffect, useState } from 'react'
import { roomAboutPath, roomAboutSchema, type RoomAbout } from '@shared/signaling'
import type { MediaError } from '@renderer/webrtc/media-checks'
import { checkRelayPath } from './relay-check'
import { relayCheckWords, type RelayCheck } from './relay-words'

export type AboutState =
  { status: 'loading' } | { status: 'ready'; about: RoomAbout } | { status: 'refused'; message: string } | { status: 'unknown' }

/** The room's invite and servers, read with the guest's token before joining (nobody is rung). */
export function useRoomAbout(link: { baseUrl: string; room: string; token: string }): AboutState {
  const [state, setState] = useState<AboutState>({ status: 'loading' })
  useEffect(() => {
    let live = true
    void (async () => {
      try {
        const response = await fetch(`${link.baseUrl}${roomAboutPath(link.room)}`, {
          headers: { Authorization: `Bearer ${link.token}` },
          cache: 'no-store'
        })
        const body = await response.text()
        let next: AboutState = { status: 'unknown' }
        if (response.ok) {
          const parsed = roomAboutSchema.safeParse(JSON.parse(body))
          if (parsed.success) next = { status: 'ready', about: parsed.data }
        } else if (response.status === 410 || (response.status === 404 && body.startsWith('This invite link'))) {
          next = { status: 'refused', message: body.trim() }
        }
        // Anything else (an older server without this address): the page carries on without the details.
        if (live) setState(next)
      } catch {
        if (live) setState({ status: 'unknown' })
      }
    })()
    return () => {
      live = false
    }
  }, [link.baseUrl, link.room, link.token])
  return state
}

const DEVICE_WORDS: Record<MediaError, (kind: 'camera' | 'microphone') => { title: string; text: string }> = {
  permission: (kind) => ({
    title: `Your ${kind} is blocked`,
    text: `Your browser is not letting this page use your ${kind}. Click the camera or lock icon at the left of the address bar, choose Allow, then press Try again.`
  }),
  not_found: (kind) => ({
    title: `No ${kind} found`,
    text: `This computer shows no ${kind}. Plug one in and press Try again, or join without it.`
  }),
  in_use: (kind) => ({
    title: `Your ${kind} is busy`,
    text: `Another app is using your ${kind}. Close it (another call, perhaps), then press Try again.`
  }),
  other: (kind) => ({ title: `Your ${kind} did not start`, text: `Your ${kind} could not be opened. Press Try again, or join without it.` })
}

/** "Camera blocked" is not "no camera": each says what to do, with a Try again. */
export function DeviceProblems({
  problems,
  onRetry
}: {
  problems: { camera: MediaError | null; microphone: MediaError | null }
  onRetry: () => void
}) {
  const shown = (['camera', 'microphone'] as const).filter((kind) => problems[kind] !== null)
  if (shown.length === 0) return null
  return (
    <>
      {shown.map((kind) => {
        const words = DEVICE_WORDS[problems[kind]!](kind)
        return (
          <Alert
            key={kind}
            color="orange"
            title={words.title}
            icon={kind === 'camera' ? <IconVideoOff size={18} /> : <IconAlertTriangle size={18} />}
          >
            <Text size="sm">{words.text}</Text>
            <Button mt="xs" size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={onRetry}>
              Try again
            </Button>
          </Alert>
        )
      })}
    </>
  )
}

/** The guest's own network, checked against the room's servers before Join. */
export function ConnectionCheck({ iceServers }: { iceServers: RTCIceServer[] }) {
  const [check, setCheck] = useState<RelayCheck | null | 'checking'>('checking')
  const run = useCallback(() => {
    setCheck('checking')
    checkRelayPath(iceServers).then(setCheck, () => setCheck({ relayOffered: true, relay: false, direct: false }))
  }, [iceServers])
  useEffect(run, [run])
  if (check === null) return null
  if (check === 'checking') {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          Checking your connection…
        </Text>
      </Group>
    )
  }
  const words = relayCheckWords(check)
  return (
    <Alert
      role="status"
      color={words.ok ? 'green' : 'orange'}
      title={words.title}
      icon={words.ok ? <IconCircleCheck size={18} /> : <IconAlertTriangle size={18} />}
    >
      <Text size="sm">{words.text}</Text>
      {!words.ok && (
        <Button mt="xs" size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={run}>
          Check again
        </Button>
      )}
    </Alert>
  )
}
