import {
  ActionIcon,
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  CopyButton,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconArrowsMaximize,
  IconArrowsMinimize,
  IconCheck,
  IconCopy,
  IconPhone,
  IconPhoneOff,
  IconRefresh
} from '@tabler/icons-react'
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { Link, useBlocker, useLocation, useNavigate, useParams } from 'react-router'
import { isLiveCall, type CallRecord, type CallRoom, type ScreenSource } from '@shared/call'
import type { InterviewDetail } from '@shared/pipeline'
import type { PrepRoom, Sample } from '@shared/prep'
import { hostIceServers } from '@shared/guest-ice'
import { QueryState } from '@renderer/components/QueryState'
import { useSettings } from '@renderer/hooks/settings-context'
import { errorMessage, useQuery } from '@renderer/hooks/useQuery'
import { CallClockContext } from '@renderer/hooks/CallClockContext'
import { openSample } from '@renderer/features/samples/open-sample'
import { upworkRulesApply } from '@shared/marketplace-rules'
import { BuiltinCallWarning } from '@renderer/components/MarketplaceWarnings'
import { AfterCall } from './AfterCall'
import { browserCallPlatform } from './engine/browser-platform'
import { CallRunner, type CallState } from './engine/call-runner'
import { CallStage, StageMessage, useLeaveWarning } from './CallStage'
import { LocalPreview } from './DeviceCheck'
import { NotesPane } from './NotesPane'
import { ScreenPicker } from './ScreenPicker'
import { useRememberCall, useResumableCall } from './remembered-call'
import { useCallState } from './useCallState'
import { processingFor } from './processing/processing-for'
import { isAnswerCallState } from './ring/IncomingCall'
import { useRingTone } from './ring/ring-tone'
import { formatInstant } from '@renderer/components/time'
import { useHourCycle } from '@renderer/hooks/useHourCycle'

function InviteCard({
  room,
  clientName,
  onRenew,
  renewing,
  upworkRules
}: {
  room: CallRoom
  clientName: string
  onRenew: () => void
  renewing: boolean
  upworkRules: boolean
}) {
  const { settings } = useSettings()
  const cycle = useHourCycle()
  return (
    <Paper p="lg" radius="md" maw={560} w="100%" shadow="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Waiting for {clientName} to join
        </Title>
        <Text size="sm">
          Send this link to {clientName}. It opens the call in any modern browser, with nothing to install; you’ll be asked to let them in.
        </Text>
        {upworkRules && <BuiltinCallWarning />}
        <Group gap="xs" wrap="nowrap">
          <TextInput
            value={room.inviteUrl}
            readOnly
            aria-label="Invite link"
            style={{ flex: 1 }}
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyButton value={room.inviteUrl}>
            {({ copied, copy }) => (
              <Button
                onClick={copy}
                leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                color={copied ? 'teal' : undefined}
              >
                {copied ? 'Copied' : 'Copy link'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            The link works until {formatInstant(room.expiresAt, settings?.timeZone ?? 'UTC', cycle)}.
          </Text>
          <Button size="compact-xs" variant="subtle" leftSection={<IconRefresh size={12} />} onClick={onRenew} loading={renewing}>
            New link
          </Button>
        </Group>
        {room.localOnly && (
          <Alert color="yellow" icon={<IconAlertTriangle size={18} />} p="xs">
            <Text size="sm">
              This link only opens on this computer: the call server listens on 127.0.0.1. To call someone elsewhere, set up a server of
              your own (the README’s “Calling clients over the internet”) and choose it in{' '}
              <Anchor component={Link} to="/settings" size="sm" underline="always">
                Settings → Call rooms
              </Anchor>
              .
            </Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  )
}

function RingCard({ name, onAccept, onDecline }: { name: string; onAccept: () => void; onDecline: () => void }) {
  useRingTone(true)
  return (
    <Paper p="lg" radius="md" maw={440} w="100%" shadow="lg" role="alertdialog" aria-label={`${name} is asking to join`}>
      <Stack gap="md" align="center">
        <IconPhone size={40} className="greenroom-ringing" aria-hidden />
        <Title order={2} size="h4" ta="center">
          {name} is asking to join
        </Title>
        <Group>
          <Button color="green" size="md" leftSection={<IconPhone size={18} />} onClick={onAccept} data-autofocus autoFocus>
            Accept
          </Button>
          <Button color="red" size="md" leftSection={<IconPhoneOff size={18} />} onClick={onDecline}>
            Decline
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}

function Room({
  detail,
  prep,
  callRoom,
  onRenew,
  renewing
}: {
  detail: InterviewDetail
  prep: PrepRoom | undefined
  callRoom: CallRoom
  onRenew: () => void
  renewing: boolean
}) {
  const { settings } = useSettings()
  const navigate = useNavigate()
  const selfName = settings?.userName || 'You'
  const clientName = detail.client.name
  const iceServers = useMemo(
    // The host's own account stays here; TURN passwords minted for this call come with `joined`.
    () => hostIceServers(settings?.iceServers ?? []),
    [] // eslint-disable-line react-hooks/exhaustive-deps -- fixed for the room's life: new ICE settings must not rebuild a running call
  )
  // Reloaded mid-call: straight back into the same call, which the guest's side holds open.
  const resume = useResumableCall(callRoom.room)
  const [session] = useState(
    () =>
      new CallRunner({
        role: 'host',
        name: settings?.userName || 'Host',
        signalUrl: callRoom.signalUrl,
        room: callRoom.room,
        token: callRoom.hostToken,
        iceServers,
        platform: browserCallPlatform,
        resume
      })
  )
  const state = useCallState(session)
  useRememberCall(callRoom.room, state)
  const [compact, setCompact] = useState(false)
  const [miniWindow, setMiniWindow] = useState(false)
  const [pickerSources, setPickerSources] = useState<ScreenSource[] | null>(null)
  const pick = useRef<((id: string | null) => void) | null>(null)
  const [call, setCall] = useState<CallRecord | null>(null)
  const recorded = useRef<number | null>(null)
  const live = isLiveCall(state.phase)

  // Accepted from the ring on another page: the guest is let in as soon as the room rings here.
  const location = useLocation()
  const answering = useRef(isAnswerCallState(location.state))
  useEffect(() => {
    if (!answering.current || state.phase !== 'ringing') return
    answering.current = false
    session.accept()
    // A later reload of this page must not answer the next ring by itself.
    navigate(location.pathname, { replace: true, state: null })
  }, [state.phase, session, navigate, location.pathname])

  useEffect(() => {
    let cancelled = false
    // Noise suppression goes in before the microphone opens, so the first sound sent is already cleaned.
    processingFor(session)
    void session.prepare().then(() => !cancelled && session.join())
    return () => {
      cancelled = true
      session.dispose()
    }
  }, [session])

  useLeaveWarning(live)
  useEffect(() => {
    void window.greenroom.setCallWindow({ mini: miniWindow, inCall: live }).catch(() => undefined)
  }, [live, miniWindow])
  useEffect(
    () => () => {
      void window.greenroom.setCallWindow({ mini: false, inCall: false }).catch(() => undefined)
    },
    []
  )

  // A call that took place goes on record with its figures at once; the rating follows.
  const recording = useRef<Promise<void>>(Promise.resolve())
  const record = useCallback(
    (ended: CallState): Promise<void> => {
      if (ended.phase !== 'ended' || !ended.measurements || ended.connectedAt === null || ended.endedAt === null) return recording.current
      if (recorded.current === ended.connectedAt) return recording.current
      recorded.current = ended.connectedAt
      recording.current = window.greenroom
        .recordCall({
          interviewId: detail.interview.id,
          startedAt: new Date(ended.connectedAt).toISOString(),
          endedAt: new Date(ended.endedAt).toISOString(),
          measurements: ended.measurements
        })
        .then(setCall)
        .catch((error: unknown) => {
          notifications.show({ color: 'red', title: 'The call’s figures were not saved', message: errorMessage(error) })
        })
      // The chat goes into the interview's notes.
      const lines = ended.chat.map((message) => ({
        from: message.mine ? selfName : (ended.peerName ?? clientName),
        at: new Date(message.at).toISOString(),
        text: message.text
      }))
      const chatSaved = lines.length
        ? window.greenroom
            .saveCallChat({ interviewId: detail.interview.id, startedAt: new Date(ended.connectedAt).toISOString(), lines })
            .then(
              () => undefined,
              (error: unknown) => {
                notifications.show({ color: 'red', title: 'The call’s chat was not saved', message: errorMessage(error) })
              }
            )
        : Promise.resolve()
      recording.current = Promise.all([recording.current, chatSaved]).then(() => undefined)
      return recording.current
    },
    [detail.interview.id, selfName, clientName]
  )
  useEffect(() => void record(state), [state, record])

  // Leaving the page mid-call ("← Interview", a reminder's link) asks first; leaving ends and records the call.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => live && currentLocation.pathname !== nextLocation.pathname)
  const [leaving, setLeaving] = useState(false)
  const endAndLeave = async () => {
    setLeaving(true)
    session.hangUp()
    await record(session.getState())
    if (blocker.state === 'blocked') blocker.proceed()
  }

  const requestScreen = useCallback(async (): Promise<MediaStream | null> => {
    const sources = await window.greenroom.listScreenSources()
    if (sources.picker === 'browser') {
      return navigator.mediaDevices.getDisplayMedia({
        video: { frameRate: { ideal: 15 } },
        audio: false,
        selfBrowserSurface: 'exclude'
      } as DisplayMediaStreamOptions)
    }
    const id = await new Promise<string | null>((resolve) => {
      pick.current = resolve
      setPickerSources(sources.sources)
    })
    setPickerSources(null)
    if (!id) return null
    await window.greenroom.chooseScreenSource({ id })
    return navigator.mediaDevices.getDisplayMedia({ video: true, audio: false })
  }, [])

  const shareSample = async (sample: Sample) => {
    await openSample(sample)
    try {
      const stream = await requestScreen()
      if (stream) await session.startSharing(stream)
    } catch (error) {
      if (!(error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError'))) {
        notifications.show({ color: 'red', title: 'Could not share the screen', message: errorMessage(error) })
      }
    }
  }

  const toggleCompact = async () => {
    const next = !compact
    setCompact(next)
    const result = await window.greenroom.setCallWindow({ mini: next, inCall: live }).catch(() => ({ alwaysOnTop: false }))
    setMiniWindow(next && result.alwaysOnTop)
  }

  const targetMinutes = detail.interview.schedule?.durationMinutes ?? settings?.defaultCallMinutes ?? null
  const ended = state.phase === 'ended' && state.connectedAt !== null

  let lobby: ReactNode
  if (state.phase === 'failed') {
    lobby = (
      <StageMessage title="The call room is not available">
        <Text>{state.reason}</Text>
        <Button onClick={onRenew} loading={renewing} leftSection={<IconRefresh size={16} />}>
          Make a new room and link
        </Button>
      </StageMessage>
    )
  } else if (state.phase === 'ringing') {
    lobby = <RingCard name={state.peerName ?? clientName} onAccept={() => session.accept()} onDecline={() => session.decline()} />
  } else if (state.phase === 'preparing') {
    lobby = <Loader color="gray" aria-label="Opening your camera and microphone" />
  } else {
    lobby = (
      <Stack align="center" gap="md" w="100%" maw={560}>
        {state.phase === 'ended' && state.connectedAt === null && state.reason && (
          <Alert color="orange" title="The call could not connect" icon={<IconAlertTriangle size={18} />} w="100%">
            {state.reason}
          </Alert>
        )}
        <InviteCard room={callRoom} clientName={clientName} onRenew={onRenew} renewing={renewing} upworkRules={upworkRulesApply(detail)} />
        <Box w={280}>
          <LocalPreview stream={state.localStream} />
        </Box>
      </Stack>
    )
  }

  const compactToggle = (
    <Tooltip label={compact ? 'Back to the full call' : 'Small call window: the notes get the screen'} withArrow>
      <ActionIcon
        size={52}
        radius="xl"
        variant="default"
        aria-label={compact ? 'Full call view' : 'Compact call view'}
        aria-pressed={compact}
        onClick={() => void toggleCompact()}
      >
        {compact ? <IconArrowsMaximize size={22} /> : <IconArrowsMinimize size={22} />}
      </ActionIcon>
    </Tooltip>
  )

  const stage = (
    <CallStage
      session={session}
      state={state}
      selfName={selfName}
      peerFallbackName={clientName}
      targetMinutes={targetMinutes}
      requestScreen={requestScreen}
      lobby={lobby}
      extraControls={compactToggle}
      compact={compact}
    />
  )

  return (
    <CallClockContext.Provider value={{ startedAt: state.connectedAt !== null && live ? new Date(state.connectedAt) : null }}>
      <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title="Leave the call?" centered>
        <Stack gap="md">
          <Text size="sm">
            Leaving this page ends the call for you and {state.peerName ?? clientName}. The call is saved with the interview, with its
            length.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus disabled={leaving}>
              Stay in the call
            </Button>
            <Button color="red" leftSection={<IconPhoneOff size={16} />} onClick={() => void endAndLeave()} loading={leaving}>
              End the call and leave
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ScreenPicker
        sources={pickerSources}
        onPick={(id) => {
          pick.current?.(id)
          pick.current = null
        }}
      />
      {miniWindow ? (
        <Box h="100vh">{stage}</Box>
      ) : (
        <Box className="greenroom-call-layout" data-compact={compact ? 'true' : undefined}>
          <Group className="greenroom-call-header" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Anchor
                component={Link}
                to={`/interviews/${detail.interview.id}`}
                size="sm"
                aria-label={`Interview: ${detail.interview.title}`}
              >
                <Group gap={4} wrap="nowrap">
                  <IconArrowLeft size={14} /> Interview
                </Group>
              </Anchor>
              <Title order={1} size="h4" lineClamp={1}>
                Call with {clientName}
                {detail.client.company && (
                  <Text span c="dimmed" fw={400}>
                    {' '}
                    · {detail.client.company}
                  </Text>
                )}
              </Title>
            </Group>
            <Text size="sm" c="dimmed" lineClamp={1}>
              {detail.interview.title}
            </Text>
          </Group>
          <Box className="greenroom-call-stage">
            {ended ? (
              <Paper withBorder radius="md" h="100%" style={{ overflow: 'auto' }}>
                <AfterCall
                  call={call}
                  onRated={setCall}
                  detail={detail}
                  room={prep}
                  reason={state.reason}
                  onDone={() => navigate(`/interviews/${detail.interview.id}`)}
                />
              </Paper>
            ) : (
              stage
            )}
          </Box>
          <Box className="greenroom-call-notes">
            {prep ? (
              <NotesPane detail={detail} room={prep} zone={settings?.timeZone ?? 'UTC'} live={live} onShareSample={shareSample} />
            ) : (
              <Center h="100%">
                <Loader />
              </Center>
            )}
          </Box>
        </Box>
      )}
    </CallClockContext.Provider>
  )
}

/** The call room at #/interviews/:id/call: opens (or reuses) the interview's room and waits for the client. */
export function CallRoomPage() {
  const { id = '' } = useParams()
  const detail = useQuery(() => window.greenroom.getInterview({ id }), [id])
  const prep = useQuery(() => window.greenroom.getPrepRoom({ interviewId: id }), [id])
  const [callRoom, setCallRoom] = useState<CallRoom | null>(null)
  const [roomError, setRoomError] = useState<string | null>(null)
  const [renewing, setRenewing] = useState(false)
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    let current = true
    window.greenroom
      .openCallRoom({ interviewId: id })
      .then((room) => current && setCallRoom(room))
      .catch((error: unknown) => current && setRoomError(errorMessage(error)))
    return () => {
      current = false
    }
  }, [id])

  const renew = async () => {
    setRenewing(true)
    try {
      setCallRoom(await window.greenroom.openCallRoom({ interviewId: id, renew: true }))
      setRoomError(null)
      setGeneration((n) => n + 1)
    } catch (error) {
      setRoomError(errorMessage(error))
    } finally {
      setRenewing(false)
    }
  }

  return (
    <Box className="greenroom-call-page">
      <QueryState query={detail}>
        {(loaded) =>
          roomError ? (
            <Center h="100%" p="xl">
              <Alert color="red" title="The call room could not be opened" icon={<IconAlertTriangle />} maw={560}>
                <Stack gap="sm" align="flex-start">
                  <Text size="sm">{roomError}</Text>
                  <Group>
                    <Button variant="light" color="red" onClick={() => void renew()} loading={renewing}>
                      Try again
                    </Button>
                    <Button component={Link} to="/settings" variant="default">
                      Settings
                    </Button>
                    <Button component={Link} to={`/interviews/${id}`} variant="subtle">
                      Back to the interview
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            </Center>
          ) : callRoom ? (
            <Room
              key={`${callRoom.room}-${generation}`}
              detail={loaded}
              prep={prep.data}
              callRoom={callRoom}
              onRenew={() => void renew()}
              renewing={renewing}
            />
          ) : (
            <Center h="100%">
              <Loader aria-label="Opening the call room" />
            </Center>
          )
        }
      </QueryState>
    </Box>
  )
}
