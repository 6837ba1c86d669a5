import { Button, Group, Menu, Modal, Stack, Tooltip } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCheck, IconChevronDown, IconExternalLink, IconPhone } from '@tabler/icons-react'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { isHeldElsewhere, isJoinOpen } from '@shared/join-window'
import { upworkRulesApply } from '@shared/marketplace-rules'
import { CHANNELS, type Channel, type InterviewDetail } from '@shared/pipeline'
import { useSave } from '@renderer/hooks/useSave'
import { errorMessage } from '@renderer/hooks/useQuery'
import { useAppClock } from './app-clock'
import { joinCall } from './join'
import { BuiltinCallWarning } from '@renderer/components/MarketplaceWarnings'

/** Saves where the call is held, keeping every other field as it is. */
function saveChannel(detail: InterviewDetail, channel: Channel) {
  const { title, scenario, type, sampleTask, channelLink, outcomeNotes } = detail.interview
  return window.greenroom.updateInterview({
    id: detail.interview.id,
    fields: { title, scenario, type, sampleTask, channelLink, outcomeNotes, channel }
  })
}

/**
 * The call's button: Join call for a call held elsewhere (strongest while the call is near),
 * Start call for Greenroom's own; beside it, where the call is held, one click to change.
 */
export function CallButton({ detail }: { detail: InterviewDetail }) {
  const navigate = useNavigate()
  const appNow = useAppClock()
  const { busy, run } = useSave()
  const [joining, setJoining] = useState(false)
  const [confirmBuiltin, setConfirmBuiltin] = useState(false)
  const { interview } = detail
  const elsewhere = isHeldElsewhere(interview.channel)
  const near = interview.schedule === null || isJoinOpen(interview.schedule, appNow)

  const choose = (channel: Channel) => {
    if (channel === interview.channel) return
    if (channel === 'builtin' && upworkRulesApply(detail)) {
      setConfirmBuiltin(true)
      return
    }
    void run(() => saveChannel(detail, channel), `The call is now held in: ${CHANNELS[channel]}`)
  }

  const join = async () => {
    setJoining(true)
    try {
      await joinCall(interview.id, navigate)
      if (!interview.channelLink) {
        notifications.show({
          color: 'yellow',
          title: 'No call link saved',
          message:
            'The companion is open. Add the call’s link (or the client’s message room) on the interview’s Overview tab to open it from here next time.'
        })
      }
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not join', message: errorMessage(error) })
    } finally {
      setJoining(false)
    }
  }

  const main = elsewhere ? (
    <Tooltip
      label={
        interview.channelLink
          ? `Opens the ${CHANNELS[interview.channel]} link and the companion beside it`
          : 'Opens the companion beside the call'
      }
      withArrow
    >
      <Button
        color="green"
        variant={near ? 'filled' : 'light'}
        leftSection={<IconExternalLink size={18} />}
        onClick={() => void join()}
        loading={joining}
      >
        Join call
      </Button>
    </Tooltip>
  ) : (
    <Button component={Link} to={`/interviews/${interview.id}/call`} color="green" variant="light" leftSection={<IconPhone size={18} />}>
      Start call
    </Button>
  )

  return (
    <>
      <Group gap={0} wrap="nowrap">
        {main}
        <Menu position="bottom-end" withArrow>
          <Menu.Target>
            <Button
              color="green"
              variant="subtle"
              px={6}
              loading={busy}
              aria-label={`Where the call is held: ${CHANNELS[interview.channel]}. Change`}
            >
              <IconChevronDown size={16} />
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>Where the call is held</Menu.Label>
            {(Object.keys(CHANNELS) as Channel[]).map((channel) => (
              <Menu.Item
                key={channel}
                leftSection={
                  channel === interview.channel ? <IconCheck size={14} /> : <span style={{ width: 14, display: 'inline-block' }} />
                }
                onClick={() => choose(channel)}
                aria-current={channel === interview.channel ? 'true' : undefined}
              >
                {CHANNELS[channel]}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Modal opened={confirmBuiltin} onClose={() => setConfirmBuiltin(false)} title="Hold this call in Greenroom?">
        <Stack gap="md">
          <BuiltinCallWarning />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmBuiltin(false)} data-autofocus>
              Keep {CHANNELS[interview.channel]}
            </Button>
            <Button
              color="yellow"
              onClick={async () => {
                setConfirmBuiltin(false)
                await run(() => saveChannel(detail, 'builtin'), 'The call is now held in: Greenroom call')
              }}
            >
              Use a Greenroom call anyway
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}
