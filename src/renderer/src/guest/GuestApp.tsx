import { Alert, Box, Button, Center, Container, Group, Image, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconAlertTriangle, IconPhone, IconPhoneCall } from '@tabler/icons-react'
import { useEffect, useMemo, useState } from 'react'
import { MAX_NAME_LENGTH, parseInviteUrl } from '@shared/signaling'
import { browserCallPlatform } from '@renderer/features/call/engine/browser-platform'
import { CallRunner } from '@renderer/features/call/engine/call-runner'
import { useRememberCall, useResumableCall } from '@renderer/features/call/remembered-call'
import { CallStage, StageMessage, useLeaveWarning } from '@renderer/features/call/CallStage'
import { DeviceCheck } from '@renderer/features/call/DeviceCheck'
import { useCallState } from '@renderer/features/call/useCallState'
import { processingFor } from '@renderer/features/call/processing/processing-for'
import { ConnectionCheck, DeviceProblems, useRoomAbout } from './GuestChecks'
import { inviteHeadline } from './invite-text'
import { isLiveCall } from '@shared/call'

const NAME_KEY = 'greenroom:guest-name'
function BadLink() {
  return (
    <Container size="sm" py="xl">
      <Alert color="red" title="This invite link is incomplete" icon={<IconAlertTriangle />}>
        The link should end with <code>/join/</code>, the room, then <code>#</code> and a long key. Copy the whole link from the message you
        received, or ask for a new one.
      </Alert>
    </Container>
  )
}

/** The screen-share picker of the guest's own browser. */
function requestScreen(): Promise<MediaStream | null> {
  return navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 15 } }, audio: false })
}

function Guest({ link }: { link: NonNullable<ReturnType<typeof parseInviteUrl>> }) {
  const [name, setName] = useState(() => localStorage.getItem(NAME_KEY) ?? '')
  const resume = useResumableCall(link.room)
  const [session] = useState(
    () =>
      new CallRunner({
        role: 'guest',
        name: 'Guest',
        signalUrl: link.signalUrl,
        room: link.room,
        token: link.token,
        iceServers: [],
        platform: browserCallPlatform,
        resume
      })
  )
  const state = useCallState(session)
  const about = useRoomAbout(link)
  const invite = about.status === 'ready' ? about.about.call : null
  useEffect(() => {
    if (invite?.hostName) document.title = `Call with ${invite.hostName} · Greenroom`
  }, [invite?.hostName])
  const live = isLiveCall(state.phase)
  useLeaveWarning(live)
  useRememberCall(link.room, state)

  useEffect(() => {
    const savedName = localStorage.getItem(NAME_KEY)?.trim()
    // Noise suppression goes in before the microphone opens, so the first sound sent is already cleaned.
    processingFor(session)
    // Reloaded mid-call: back in at once, under the name given before.
    void session.prepare().then(() => resume && savedName && session.join(savedName))
    return () => session.dispose()
  }, [session, resume])

  const trimmed = name.trim()
  const nameError = trimmed.length > MAX_NAME_LENGTH ? `Keep it under ${MAX_NAME_LENGTH} characters` : null
  const join = () => {
    if (!trimmed || nameError) return
    localStorage.setItem(NAME_KEY, trimmed)
    session.join(trimmed)
  }
  const host = state.peerName ?? invite?.hostName ?? 'the host'
  const deviceTrouble = state.deviceProblems.camera !== null || state.deviceProblems.microphone !== null

  if (state.phase === 'failed') {
    // Nothing to control: a refused or dead room released the camera and microphone already.
    return (
      <Container size={620} py="xl">
        <Alert color="red" title="This call can’t be joined" icon={<IconAlertTriangle />}>
          {state.reason}
        </Alert>
      </Container>
    )
  }

  if ((state.phase === 'preparing' || state.phase === 'ready') && !resume) {
    return (
      <Container size={620} py="xl">
        <Paper withBorder radius="lg" p="xl" shadow="sm">
          <form
            onSubmit={(event) => {
              event.preventDefault()
              join()
            }}
          >
            <Stack gap="md">
              <Group gap="sm">
                <Image src="./greenroom.svg" alt="" w={28} h={28} />
                <Title order={1} size="h3">
                  Join the call
                </Title>
              </Group>
              {invite && (
                <Text size="lg" fw={500}>
                  {inviteHeadline(invite, { now: new Date() })}
                </Text>
              )}
              {about.status === 'refused' && (
                <Alert color="red" icon={<IconAlertTriangle size={18} />}>
                  {about.message}
                </Alert>
              )}
              <Text size="sm" c="dimmed">
                Check your camera and microphone, then join. Nothing to install; nothing is recorded.
              </Text>
              {state.phase === 'preparing' ? (
                <Center h={200}>
                  <Loader aria-label="Opening your camera and microphone" />
                </Center>
              ) : (
                <DeviceCheck session={session} state={state} />
              )}
              {state.phase === 'ready' && <DeviceProblems problems={state.deviceProblems} onRetry={() => void session.prepare()} />}
              {state.notice && !deviceTrouble && (
                <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
                  {state.notice}
                </Alert>
              )}
              {about.status === 'ready' && <ConnectionCheck iceServers={about.about.iceServers} />}
              <TextInput
                label="Your name"
                description="The host sees it when you ask to join"
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                error={nameError}
                required
                autoComplete="name"
                maxLength={MAX_NAME_LENGTH + 1}
              />
              <Button
                type="submit"
                size="md"
                leftSection={<IconPhone size={18} />}
                disabled={!trimmed || !!nameError || state.phase === 'preparing'}
              >
                Join call
              </Button>
            </Stack>
          </form>
        </Paper>
      </Container>
    )
  }

  let lobby = null
  switch (state.phase) {
    case 'waiting':
      lobby = state.hostTold ? (
        <StageMessage title={`${host === 'the host' ? 'The host' : host} has been told you are here`}>
          <IconPhoneCall size={40} className="greenroom-ringing" aria-hidden />
          <Text>Their Greenroom is ringing. Please keep this page open: the call starts as soon as they answer.</Text>
        </StageMessage>
      ) : (
        <StageMessage title={state.signaling === 'joined' ? 'Waiting for the host' : 'Connecting…'}>
          <Text>
            {state.signaling === 'joined'
              ? 'The host has not opened the call yet. You will ring as soon as they do.'
              : 'Reaching the call server…'}
          </Text>
        </StageMessage>
      )
      break
    case 'ringing':
      lobby = (
        <StageMessage title={`Asking ${host} to let you in…`}>
          <IconPhoneCall size={40} className="greenroom-ringing" aria-hidden />
        </StageMessage>
      )
      break
    case 'declined':
      lobby = (
        <StageMessage title={`${host === 'the host' ? 'The host' : host} can’t take the call right now`}>
          {state.reason && <Text>“{state.reason}”</Text>}
          <Button onClick={() => session.ring()} leftSection={<IconPhone size={16} />}>
            Ring again
          </Button>
        </StageMessage>
      )
      break
    case 'ended':
      lobby = (
        <StageMessage title={state.connectedAt === null ? 'The call could not connect' : 'The call has ended'}>
          <Text>{state.reason}</Text>
          <Text size="sm" c="gray.5">
            You can close this tab. Thank you!
          </Text>
          <Button variant="default" onClick={() => session.ring()} leftSection={<IconPhone size={16} />} disabled={!state.peerPresent}>
            Call again
          </Button>
        </StageMessage>
      )
      break
    case 'preparing':
    case 'ready':
      lobby = <Loader color="gray" aria-label="Back to the call" />
      break
  }

  return (
    <Box h="100vh" p={{ base: 0, sm: 'sm' }}>
      <CallStage
        session={session}
        state={state}
        selfName={trimmed}
        peerFallbackName="Host"
        targetMinutes={null}
        requestScreen={requestScreen}
        lobby={lobby}
      />
    </Box>
  )
}

/** The guest's page: the call view alone, talking only to the signaling server it came from. */
export function GuestApp() {
  const link = useMemo(() => parseInviteUrl(window.location.href), [])
  return link ? <Guest link={link} /> : <BadLink />
}
