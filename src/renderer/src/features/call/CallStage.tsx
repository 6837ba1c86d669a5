import { ActionIcon, Badge, Box, Button, Group, Kbd, Loader, Menu, Paper, Stack, Text, Tooltip } from '@mantine/core'
import { useHotkeys, useOs } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import {
  IconAntennaBars1,
  IconAntennaBars3,
  IconAntennaBars5,
  IconCheck,
  IconMicrophone,
  IconMicrophoneOff,
  IconPhoneOff,
  IconScreenShare,
  IconScreenShareOff,
  IconSettings,
  IconVideo,
  IconVideoOff
} from '@tabler/icons-react'
import { useEffect, useState, type ReactNode } from 'react'
import { isLiveCall } from '@shared/call'
import { nowMs } from '@renderer/clock'
import { useDevices } from '@renderer/features/precall/useDevices'
import { TalkDetector } from './audio-level'
import { LevelReader } from './level-reader'
import type { CallRunner, CallState } from './engine/call-runner'
import { TimerBadge, useTimeWarnings } from './call-timer'
import { timerStage } from './quality'
import { useElapsedSeconds } from './useCallState'
import { VideoTile } from './VideoTile'
import { ChatPanel, ChatToggle, useChatPanel } from './ChatPanel'
import { PresenterTile } from './PresenterTile'
import { ProcessingMenuItems, ProcessingNotice } from './processing/ProcessingControls'

export const SHORTCUTS = { mic: 'mod+D', camera: 'mod+E', share: 'mod+shift+E' } as const

function keysLabel(shortcut: string, mac: boolean): string {
  return shortcut
    .split('+')
    .map((key) => (key === 'mod' ? (mac ? '⌘' : 'Ctrl') : key === 'shift' ? (mac ? '⇧' : 'Shift') : key.toUpperCase()))
    .join(mac ? '' : '+')
}

function ariaKeys(shortcut: string, mac: boolean): string {
  return shortcut
    .split('+')
    .map((key) => (key === 'mod' ? (mac ? 'Meta' : 'Control') : key === 'shift' ? 'Shift' : key.toUpperCase()))
    .join('+')
}

/** The call's time against its agreed length, with a warning two minutes before the end and at it. */
export function CallTimer({ state, targetMinutes }: { state: CallState; targetMinutes: number | null }) {
  // The runner stamps the call with the app clock; the timer reads the same one.
  const elapsed = useElapsedSeconds(state.connectedAt, state.endedAt, nowMs)
  useTimeWarnings({ stage: timerStage(elapsed, targetMinutes), active: state.connectedAt !== null, targetMinutes })
  return <TimerBadge elapsed={elapsed} targetMinutes={targetMinutes} />
}

/** Live connection quality (round trip and loss) with a plain-words explanation. */
export function ConnectionIndicator({ state }: { state: CallState }) {
  const quality = state.quality
  const level = state.phase === 'reconnecting' ? 'poor' : (quality?.level ?? 'unknown')
  const color = level === 'good' ? 'teal' : level === 'fair' ? 'yellow' : level === 'poor' ? 'red' : 'gray'
  const Icon = level === 'good' ? IconAntennaBars5 : level === 'fair' ? IconAntennaBars3 : IconAntennaBars1
  const words = { good: 'Good', fair: 'Fair', poor: 'Poor', unknown: 'Measuring' }[level]
  const text =
    state.phase === 'reconnecting'
      ? 'The connection dropped. Greenroom is getting it back…'
      : (quality?.text ?? 'Measuring the connection…')
  return (
    <Tooltip label={text} multiline w={280} withArrow>
      <Badge
        size="lg"
        radius="sm"
        color={color}
        variant="filled"
        leftSection={<Icon size={16} />}
        tabIndex={0}
        aria-label={`Connection: ${words}. ${text}`}
        styles={{ root: { textTransform: 'none' } }}
      >
        {words}
      </Badge>
    </Tooltip>
  )
}

function ControlButton({
  label,
  on,
  onClick,
  iconOn,
  iconOff,
  shortcut,
  disabled,
  mac
}: {
  label: string
  on: boolean
  onClick: () => void
  iconOn: ReactNode
  iconOff: ReactNode
  shortcut?: string
  disabled?: boolean
  mac: boolean
}) {
  return (
    <Tooltip
      label={
        <Group gap={6}>
          {label}
          {shortcut && <Kbd size="xs">{keysLabel(shortcut, mac)}</Kbd>}
        </Group>
      }
      withArrow
    >
      <ActionIcon
        size={52}
        radius="xl"
        variant={on ? 'default' : 'filled'}
        color={on ? 'gray' : 'red'}
        aria-label={label}
        aria-keyshortcuts={shortcut ? ariaKeys(shortcut, mac) : undefined}
        onClick={onClick}
        disabled={disabled}
      >
        {on ? iconOn : iconOff}
      </ActionIcon>
    </Tooltip>
  )
}

/** Pick another camera or microphone, mid-call too. */
function DevicesMenu({
  session,
  state,
  speakerId,
  onSpeaker
}: {
  session: CallRunner
  state: CallState
  speakerId: string | null
  onSpeaker: (deviceId: string) => void
}) {
  const { cameras, microphones, outputs, refresh } = useDevices()
  return (
    <Menu position="top" withArrow onOpen={refresh} closeOnItemClick>
      <Menu.Target>
        <Tooltip label="Camera and microphone" withArrow>
          <ActionIcon size={52} radius="xl" variant="default" color="gray" aria-label="Choose camera and microphone">
            <IconSettings size={22} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Microphone</Menu.Label>
        {microphones.length === 0 && <Menu.Item disabled>No microphone found</Menu.Item>}
        {microphones.map((device) => (
          <Menu.Item
            key={device.value}
            leftSection={device.value === state.micDeviceId ? <IconCheck size={14} /> : <Box w={14} />}
            onClick={() => void session.switchMicrophone(device.value)}
          >
            {device.label}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Label>Camera</Menu.Label>
        {cameras.length === 0 && <Menu.Item disabled>No camera found</Menu.Item>}
        {cameras.map((device) => (
          <Menu.Item
            key={device.value}
            leftSection={device.value === state.cameraDeviceId ? <IconCheck size={14} /> : <Box w={14} />}
            onClick={() => void session.switchCamera(device.value)}
          >
            {device.label}
          </Menu.Item>
        ))}
        {outputs.length > 0 && (
          <>
            <Menu.Divider />
            <Menu.Label>Speaker</Menu.Label>
            {outputs.map((device) => (
              <Menu.Item
                key={device.value}
                leftSection={device.value === (speakerId ?? 'default') ? <IconCheck size={14} /> : <Box w={14} />}
                onClick={() => onSpeaker(device.value)}
              >
                {device.label}
              </Menu.Item>
            ))}
          </>
        )}
        <Menu.Divider />
        <Menu.Item
          leftSection={state.audioOnly ? <IconCheck size={14} /> : <Box w={14} />}
          onClick={() => void session.setAudioOnly(!state.audioOnly)}
        >
          {state.audioOnly ? 'Send video again' : 'Send audio only (weak connection)'}
        </Menu.Item>
        <ProcessingMenuItems call={session} />
      </Menu.Dropdown>
    </Menu>
  )
}

function speakerError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error)
  notifications.show({ color: 'red', title: 'Could not switch the speaker', message })
}

/** Speech on the microphone while it is muted, for a second or so: a hint to unmute. */
function useTalkingWhileMuted(track: MediaStreamTrack | null, muted: boolean): boolean {
  const [talking, setTalking] = useState(false)
  useEffect(() => {
    setTalking(false)
    if (!muted || !track || track.readyState === 'ended') return
    // The muted track itself is silent (disabled): a live copy of it is listened to, and sent nowhere.
    const listened = track.clone()
    listened.enabled = true
    const reader = new LevelReader(listened)
    const detector = new TalkDetector()
    // A timer, not animation frames: it reads on while the window is covered (at least once a second there, within the reader's buffer).
    const timer = window.setInterval(() => {
      const at = performance.now()
      if (detector.hear(reader.read(at), at)) setTalking(true)
    }, 100)
    return () => {
      window.clearInterval(timer)
      reader.close()
      listened.stop()
    }
  }, [track, muted])
  return talking
}

/** A weak connection (loss or too little bandwidth, for several readings: weak-connection.ts): offer to send audio only. */
function WeakConnectionOffer({ state, onAudioOnly, onNotNow }: { state: CallState; onAudioOnly: () => void; onNotNow: () => void }) {
  if (!state.weakConnection || state.audioOnly || state.phase !== 'connected') return null
  return (
    // As wide as its words need (up to the stage's width), so the buttons keep their labels whole.
    <Paper className="greenroom-stage-banner" role="alert" shadow="md" px="md" py="xs" radius="md" w="max-content" maw="calc(100% - 24px)">
      <Group gap="sm" wrap="nowrap">
        <Text size="sm" fw={600}>
          The connection is weak. Send audio only to keep the call clear?
        </Text>
        <Button size="compact-sm" onClick={onAudioOnly} style={{ flexShrink: 0 }}>
          Audio only
        </Button>
        <Button size="compact-sm" variant="default" onClick={onNotNow} style={{ flexShrink: 0 }}>
          Not now
        </Button>
      </Group>
    </Paper>
  )
}

export interface CallStageProps {
  session: CallRunner
  state: CallState
  selfName: string
  /** The other person's name until the room tells it. */
  peerFallbackName: string
  targetMinutes: number | null
  /** Asks the user which screen or window to share; null when they cancelled. */
  requestScreen: () => Promise<MediaStream | null>
  /** Shown on the stage before the call is on: the invite link, the ring, the device check… */
  lobby?: ReactNode
  extraControls?: ReactNode
  compact?: boolean
}

/** The call itself: the other person large, yourself small, the controls below. */
export function CallStage({
  session,
  state,
  selfName,
  peerFallbackName,
  targetMinutes,
  requestScreen,
  lobby,
  extraControls,
  compact
}: CallStageProps) {
  const os = useOs({ getValueInEffect: false })
  const mac = os === 'macos'
  const live = isLiveCall(state.phase)
  const peerName = state.peerName ?? peerFallbackName

  const toggleShare = async () => {
    if (state.sharing) {
      await session.stopSharing()
      return
    }
    try {
      const stream = await requestScreen()
      if (stream) await session.startSharing(stream)
    } catch (error) {
      const name = error instanceof Error ? error.name : ''
      if (name !== 'NotAllowedError' && name !== 'AbortError') {
        notifications.show({
          color: 'red',
          title: 'Could not share the screen',
          message: error instanceof Error ? error.message : String(error)
        })
      }
    }
  }

  useHotkeys(
    [
      [SHORTCUTS.mic, () => void session.toggleMic()],
      [SHORTCUTS.camera, () => void session.toggleCamera()],
      [SHORTCUTS.share, () => live && void toggleShare()]
    ],
    [], // also while typing notes
    true
  )

  const chat = useChatPanel(state.chat)
  const [speakerId, setSpeakerId] = useState<string | null>(null)
  const talkingWhileMuted = useTalkingWhileMuted(session.microphoneTrack, live && !state.micOn)
  const micLabel = state.micOn ? 'Mute microphone' : 'Unmute microphone'
  const cameraLabel = state.cameraOn ? 'Turn camera off' : 'Turn camera on'
  const shareLabel = state.sharing ? 'Stop sharing' : 'Share screen'

  return (
    <Box className="greenroom-stage" data-compact={compact ? 'true' : undefined} data-chat={chat.open && live ? 'true' : undefined}>
      <Box className="greenroom-stage-main">
        {live ? (
          <VideoTile
            stream={state.remoteStream}
            label={`Video from ${peerName}`}
            name={peerName}
            muted={false}
            showVideo={(state.remote.camera || state.remote.sharing) && !state.remote.audioOnly}
            fit={state.remote.sharing ? 'contain' : 'cover'}
            badge={
              !state.remote.mic ? (
                <IconMicrophoneOff size={12} aria-label="microphone off" style={{ marginLeft: 6, verticalAlign: -2 }} />
              ) : null
            }
            style={{ position: 'absolute', inset: 0 }}
            sinkId={speakerId}
            onSinkError={speakerError}
          />
        ) : (
          <Box className="greenroom-stage-lobby">{lobby}</Box>
        )}
        {live && (
          <Group className="greenroom-stage-top" gap="xs">
            <CallTimer state={state} targetMinutes={targetMinutes} />
            <ConnectionIndicator state={state} />
            {state.audioOnly && (
              <Badge
                size="lg"
                radius="sm"
                color="orange"
                variant="filled"
                leftSection={<IconVideoOff size={14} />}
                styles={{ root: { textTransform: 'none' } }}
              >
                Audio only: your video is paused
              </Badge>
            )}
            {state.sharing && (
              <Badge
                size="lg"
                radius="sm"
                color="blue"
                variant="filled"
                leftSection={<IconScreenShare size={14} />}
                styles={{ root: { textTransform: 'none' } }}
              >
                You are sharing your screen
              </Badge>
            )}
          </Group>
        )}
        {talkingWhileMuted && (
          <Paper className="greenroom-stage-banner" role="status" shadow="md" px="md" py="xs" radius="md">
            <Group gap="sm" wrap="nowrap">
              <IconMicrophoneOff size={18} />
              <Text size="sm" fw={600}>
                You are talking while muted
              </Text>
              <Button size="compact-sm" onClick={() => void session.toggleMic()}>
                Unmute
              </Button>
            </Group>
          </Paper>
        )}
        {live && state.remote.audioOnly && (
          <Paper className="greenroom-stage-banner" role="status" shadow="md" px="md" py="xs" radius="md">
            <Text size="sm" fw={600}>
              {peerName} switched to audio only to keep the call clear
            </Text>
          </Paper>
        )}
        {live && !state.remote.audioOnly && (
          <WeakConnectionOffer
            state={state}
            onAudioOnly={() => void session.setAudioOnly(true)}
            onNotNow={() => session.dismissWeakOffer()}
          />
        )}
        {state.phase === 'reconnecting' && (
          <Paper className="greenroom-stage-banner" role="status" shadow="md" px="md" py="xs" radius="md">
            <Group gap="sm">
              <Loader size="sm" />
              <Text size="sm" fw={600}>
                Connection dropped. Reconnecting…
              </Text>
            </Group>
          </Paper>
        )}
        {state.phase === 'connecting' && (
          <Paper className="greenroom-stage-banner" role="status" shadow="md" px="md" py="xs" radius="md">
            <Group gap="sm">
              <Loader size="sm" />
              <Text size="sm" fw={600}>
                Connecting to {peerName}…
              </Text>
            </Group>
          </Paper>
        )}
        {(live || state.localStream) && (
          <VideoTile
            stream={state.localStream}
            label={state.sharing ? 'Your shared screen' : 'Your camera'}
            // The compact view's small self-view has room for one word.
            name={compact ? 'You' : `${selfName || 'You'} (you)`}
            muted
            mirrored={!state.sharing}
            showVideo={state.cameraOn || state.sharing}
            fit={state.sharing ? 'contain' : 'cover'}
            badge={
              !state.micOn ? <IconMicrophoneOff size={12} aria-label="microphone off" style={{ marginLeft: 6, verticalAlign: -2 }} /> : null
            }
            style={live ? undefined : { display: 'none' }}
          />
        )}
        {live && state.remote.sharing && <PresenterTile state={state} peerName={peerName} />}
        {live && chat.open && (
          <ChatPanel
            chat={state.chat}
            peerName={peerName}
            canSend={state.phase === 'connected'}
            onSend={(text) => session.sendChat(text)}
            onClose={chat.close}
          />
        )}
      </Box>
      <Group
        className="greenroom-stage-controls"
        justify="center"
        gap={compact ? 6 : 'sm'}
        wrap="nowrap"
        role="toolbar"
        aria-label="Call controls"
      >
        <ControlButton
          mac={mac}
          label={micLabel}
          on={state.micOn}
          onClick={() => void session.toggleMic()}
          iconOn={<IconMicrophone size={22} />}
          iconOff={<IconMicrophoneOff size={22} />}
          shortcut={SHORTCUTS.mic}
        />
        <ControlButton
          mac={mac}
          label={cameraLabel}
          on={state.cameraOn}
          onClick={() => void session.toggleCamera()}
          iconOn={<IconVideo size={22} />}
          iconOff={<IconVideoOff size={22} />}
          shortcut={SHORTCUTS.camera}
        />
        <Tooltip
          label={
            <Group gap={6}>
              {live ? shareLabel : 'Share your screen once the call is on'}
              <Kbd size="xs">{keysLabel(SHORTCUTS.share, mac)}</Kbd>
            </Group>
          }
          withArrow
        >
          <ActionIcon
            size={52}
            radius="xl"
            variant={state.sharing ? 'filled' : 'default'}
            color={state.sharing ? 'blue' : 'gray'}
            aria-label={shareLabel}
            aria-pressed={state.sharing}
            aria-keyshortcuts={ariaKeys(SHORTCUTS.share, mac)}
            onClick={() => void toggleShare()}
            disabled={!live}
          >
            {state.sharing ? <IconScreenShareOff size={22} /> : <IconScreenShare size={22} />}
          </ActionIcon>
        </Tooltip>
        <DevicesMenu session={session} state={state} speakerId={speakerId} onSpeaker={setSpeakerId} />
        {live && <ChatToggle open={chat.open} unread={chat.unread} onClick={chat.toggle} />}
        {extraControls}
        {live && (
          <Tooltip label="Hang up: ends the call for both of you" withArrow>
            <ActionIcon
              size={52}
              radius="xl"
              variant="filled"
              color="red"
              aria-label="Hang up"
              onClick={() => session.hangUp()}
              className="greenroom-hang-up"
            >
              <IconPhoneOff size={24} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      {state.notice && (
        <Text size="sm" c="orange" ta="center" pb="xs" role="alert">
          {state.notice}
        </Text>
      )}
      <ProcessingNotice call={session} />
    </Box>
  )
}

/** Warns before the tab or window closes while a call is on. */
export function useLeaveWarning(active: boolean): void {
  useEffect(() => {
    if (!active) return
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [active])
}

export function StageMessage({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Stack align="center" gap="sm" maw={520} ta="center" c="white">
      <Text fw={700} size="xl">
        {title}
      </Text>
      {children}
    </Stack>
  )
}
