import { ActionIcon, Anchor, Box, Button, Group, Modal, Paper, Stack, Switch, Text, Title, Tooltip } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArrowLeft, IconExternalLink, IconMinus, IconPhoneOff, IconPlayerPlay, IconPlus, IconUserOff } from '@tabler/icons-react'
import { DateTime } from 'luxon'
import { useEffect, useMemo, useState } from 'react'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import type { CallRecord } from '@shared/call'
import { CHANNELS, type InterviewDetail } from '@shared/pipeline'
import type { PrepRoom } from '@shared/prep'
import { QueryState } from '@renderer/components/QueryState'
import { useSettings } from '@renderer/hooks/settings-context'
import { errorMessage, useQuery } from '@renderer/hooks/useQuery'
import { AfterCall } from '@renderer/features/call/AfterCall'
import { TimerBadge, useTimeWarnings } from '@renderer/features/call/call-timer'
import { NotesPane } from '@renderer/features/call/NotesPane'
import { timerStage } from '@renderer/features/call/quality'
import { useElapsedSeconds } from '@renderer/features/call/useCallState'
import { CallClockContext } from '@renderer/hooks/CallClockContext'
import { hideReminderToasts } from '@renderer/features/schedule/reminder-toasts'
import { formatClock } from '@shared/time-format'
import { useHourCycle } from '@renderer/hooks/useHourCycle'
import { now } from '@renderer/clock'
import { useAppClock } from './app-clock'
import { useCompanionTimer } from './useCompanionTimer'

/** Your time and the client's, side by side: what "in five minutes" means for both. */
function BothClocks({ now, zone, clientZone, clientName }: { now: Date; zone: string; clientZone: string | null; clientName: string }) {
  const cycle = useHourCycle()
  const mine = formatClock(DateTime.fromJSDate(now).setZone(zone), cycle)
  const theirs = clientZone ? DateTime.fromJSDate(now).setZone(clientZone) : null
  return (
    <Text size="sm" c="dimmed" aria-label="Local times">
      {mine} your time
      {theirs && ` · ${formatClock(theirs, cycle)} for ${clientName} (${clientZone?.split('/').pop()?.replaceAll('_', ' ')})`}
    </Text>
  )
}

function Companion({ detail, room }: { detail: InterviewDetail; room: PrepRoom }) {
  const cycle = useHourCycle()
  const { settings } = useSettings()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const appNow = useAppClock(1000)
  const offsetMs = appNow.getTime() - Date.now()
  const { interview, client } = detail
  const timer = useCompanionTimer(interview.id, now)
  const [sound, setSound] = useState(() => localStorage.getItem('greenroom.companion.sound') === 'on')
  const [call, setCall] = useState<CallRecord | null>(null)
  const [ending, setEnding] = useState(false)
  const [askNoShow, setAskNoShow] = useState(false)
  const targetMinutes = interview.schedule?.durationMinutes ?? settings?.defaultCallMinutes ?? null
  // The timer runs on the app's clock; this page's own clock may differ from it (browser mode's --clock-start).
  const startedRealMs = timer.startedAt ? timer.startedAt.getTime() - offsetMs : null
  const elapsed = useElapsedSeconds(startedRealMs)
  const running = timer.startedAt !== null && call === null
  useTimeWarnings({ stage: timerStage(elapsed, targetMinutes), active: running, targetMinutes, sound })

  // Join starts the timer; the address then forgets it, so a reload does not restart it.
  const joined = params.get('joined') === '1'
  useEffect(() => {
    if (!joined) return
    timer.startIfIdle()
    setParams({}, { replace: true })
  }, [joined]) // eslint-disable-line react-hooks/exhaustive-deps -- once per join; the timer and the address are acted on, not triggers

  // The companion is the reminder's answer: its toasts would only cover the narrow view.
  useEffect(() => hideReminderToasts(interview.id), [interview.id])

  // Desktop app: the window becomes a narrow one on top of the other app's call, and grows back on leaving.
  // Closing it ends nothing (the call is in the other app, the timer kept), so no "leave the call?" question.
  useEffect(() => {
    void window.greenroom.setCallWindow({ mini: true, inCall: false, layout: 'companion' }).catch(() => undefined)
  }, [])
  useEffect(
    () => () => {
      void window.greenroom.setCallWindow({ mini: false, inCall: false, layout: 'companion' }).catch(() => undefined)
    },
    []
  )

  const callClock = useMemo(
    () => ({ startedAt: running && startedRealMs !== null ? new Date(startedRealMs) : null }),
    [running, startedRealMs]
  )

  const endCall = async () => {
    if (!timer.startedAt) return
    setEnding(true)
    try {
      const endedAt = now()
      const recorded = await window.greenroom.recordCall({
        interviewId: interview.id,
        startedAt: timer.startedAt.toISOString(),
        endedAt: (endedAt < timer.startedAt ? timer.startedAt : endedAt).toISOString(),
        channel: interview.channel
      })
      timer.clear()
      setCall(recorded)
    } catch (error) {
      notifications.show({ color: 'red', title: 'The call was not recorded', message: errorMessage(error) })
    } finally {
      setEnding(false)
    }
  }

  const markNoShow = async () => {
    try {
      await window.greenroom.answerShowUp({ id: interview.id, showedUp: false })
      timer.clear()
      notifications.show({ message: `Marked as a no-show: ${client.name} has a red flag` })
      navigate(`/interviews/${interview.id}`)
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(error) })
    }
  }

  const reopenLink = async () => {
    try {
      const result = await window.greenroom.joinCall({ interviewId: interview.id })
      if (result.link && !result.opened) window.open(result.link, '_blank', 'noopener,noreferrer')
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not open the call link', message: errorMessage(error) })
    }
  }

  if (call) {
    return (
      <AfterCall
        call={call}
        onRated={setCall}
        detail={detail}
        room={room}
        reason={`Held on ${CHANNELS[call.channel]}`}
        onDone={() => navigate(`/interviews/${interview.id}`)}
      />
    )
  }

  return (
    <CallClockContext.Provider value={callClock}>
      <Stack gap="xs" className="greenroom-companion-top">
        <Group justify="space-between" wrap="nowrap">
          <Anchor component={Link} to={`/interviews/${interview.id}`} size="sm" aria-label={`Back to ${interview.title}`}>
            <Group gap={4} wrap="nowrap">
              <IconArrowLeft size={14} /> Interview
            </Group>
          </Anchor>
          {interview.channelLink && (
            <Button size="compact-xs" variant="subtle" leftSection={<IconExternalLink size={12} />} onClick={() => void reopenLink()}>
              Open {CHANNELS[interview.channel]} again
            </Button>
          )}
        </Group>
        <Stack gap={0}>
          <Title order={1} size="h4" lineClamp={1}>
            Call with {client.name}
            {client.company && (
              <Text span c="dimmed" fw={400}>
                {' '}
                · {client.company}
              </Text>
            )}
          </Title>
          <BothClocks
            now={appNow}
            zone={settings?.timeZone ?? 'UTC'}
            clientZone={client.timeZone ?? interview.clientTimeZone}
            clientName={client.name.split(' ')[0] ?? client.name}
          />
        </Stack>
        <Paper withBorder radius="md" p="xs">
          <Stack gap="xs">
            {timer.startedAt ? (
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <TimerBadge elapsed={elapsed} targetMinutes={targetMinutes} size="xl" onVideo={false} />
                <Group gap={4} wrap="nowrap">
                  <Text size="xs" c="dimmed" aria-live="polite">
                    Started {formatClock(DateTime.fromJSDate(timer.startedAt).setZone(settings?.timeZone ?? 'UTC'), cycle)}
                  </Text>
                  <Tooltip label="Started a minute earlier">
                    <ActionIcon size="sm" variant="default" aria-label="Started a minute earlier" onClick={() => timer.shift(-1)}>
                      <IconMinus size={12} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Started a minute later">
                    <ActionIcon size="sm" variant="default" aria-label="Started a minute later" onClick={() => timer.shift(1)}>
                      <IconPlus size={12} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Group>
            ) : (
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">The timer starts when you join. Already talking?</Text>
                <Button size="compact-sm" leftSection={<IconPlayerPlay size={14} />} onClick={() => timer.startIfIdle()}>
                  Start timer
                </Button>
              </Group>
            )}
            <Group justify="space-between" gap="xs">
              <Group gap="xs" wrap="nowrap">
                <Tooltip
                  label={
                    timer.startedAt
                      ? 'Puts the call on record, then rate it'
                      : 'Start the timer first: the record keeps how long the call took'
                  }
                >
                  <Button
                    color="red"
                    leftSection={<IconPhoneOff size={16} />}
                    onClick={() => void endCall()}
                    loading={ending}
                    disabled={!timer.startedAt}
                  >
                    End call
                  </Button>
                </Tooltip>
                {interview.status === 'scheduled' && (
                  <Button variant="default" leftSection={<IconUserOff size={16} />} onClick={() => setAskNoShow(true)}>
                    They didn’t show
                  </Button>
                )}
              </Group>
              <Switch
                size="xs"
                label="Sound"
                checked={sound}
                onChange={(event) => {
                  const on = event.currentTarget.checked
                  setSound(on)
                  localStorage.setItem('greenroom.companion.sound', on ? 'on' : 'off')
                }}
                aria-label="Play a sound with the time warnings"
              />
            </Group>
          </Stack>
        </Paper>
      </Stack>
      <Box className="greenroom-companion-body">
        <NotesPane
          detail={detail}
          room={room}
          zone={settings?.timeZone ?? 'UTC'}
          live={running}
          editorHeight="calc(100vh - 350px)"
          listHeight="calc(100vh - 280px)"
        />
      </Box>
      <Modal opened={askNoShow} onClose={() => setAskNoShow(false)} title={`${client.name} didn’t come?`}>
        <Text size="sm">
          The interview becomes a no-show and {client.name} gets a red flag, as when you answer Greenroom’s question after a call.
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setAskNoShow(false)} data-autofocus>
            Keep waiting
          </Button>
          <Button color="red" onClick={() => void markNoShow()}>
            Mark as no-show
          </Button>
        </Group>
      </Modal>
    </CallClockContext.Provider>
  )
}

/**
 * The companion at #/interviews/:id/companion: a narrow view to keep beside another app's
 * call (Zoom, Meet, Teams, Skype, the marketplace's), with the timer, the prep room's notes,
 * checklist, questions and samples, and End call to put the call on record.
 */
export function CompanionPage() {
  const { id = '' } = useParams()
  const detail = useQuery(() => window.greenroom.getInterview({ id }), [id])
  const room = useQuery(() => window.greenroom.getPrepRoom({ interviewId: id }), [id])
  return (
    <Box className="greenroom-companion">
      <QueryState query={detail}>
        {(loadedDetail) => (
          <QueryState query={room}>{(loadedRoom) => <Companion key={id} detail={loadedDetail} room={loadedRoom} />}</QueryState>
        )}
      </QueryState>
    </Box>
  )
}
