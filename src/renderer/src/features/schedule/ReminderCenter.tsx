import { Button, Group, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconBell, IconClockExclamation, IconExternalLink } from '@tabler/icons-react'
import { useCallback, useEffect, useRef } from 'react'
import { useNavigate } from 'react-router'
import { isHeldElsewhere, isJoinOpen } from '@shared/join-window'
import type { ReminderAlert } from '@shared/reminders'
import { reminderPath, reminderText } from '@shared/reminder-text'
import { useSettings } from '@renderer/hooks/settings-context'
import { errorMessage } from '@renderer/hooks/useQuery'
import { now } from '@renderer/clock'
import { joinCall } from '@renderer/features/companion/join'
import { useAppInfo } from '@renderer/hooks/useAppInfo'
import { useHourCycle } from '@renderer/hooks/useHourCycle'
import { reminderToastId } from './reminder-toasts'

const FIRED_TOAST_MS = 60_000

/**
 * Shows reminders in the app as they ring (and, in browser mode with the window hidden,
 * as a web notification), and follows main's requests to show a page.
 */
export function ReminderCenter() {
  const navigate = useNavigate()
  const { settings } = useSettings()
  const appInfo = useAppInfo()
  const zone = settings?.timeZone ?? 'UTC'
  const cycle = useHourCycle()
  const browserMode = appInfo?.mode === 'browser'

  const show = useCallback(
    (alerts: ReminderAlert[], at: Date) => {
      for (const alert of alerts) {
        const { title, body } = reminderText(alert, zone, at, cycle)
        const path = reminderPath(alert)
        const id = reminderToastId(alert)
        const open = () => {
          notifications.hide(id)
          navigate(path)
        }
        // A call held in another app, near enough: the reminder's first offer is Join.
        const joinable =
          alert.kind === 'before_call' && isHeldElsewhere(alert.interview.channel) && isJoinOpen(alert.interview.schedule, at)
        const join = () => {
          notifications.hide(id)
          joinCall(alert.interview.id, navigate).catch((error: unknown) =>
            notifications.show({ color: 'red', title: 'Could not join', message: errorMessage(error) })
          )
        }
        notifications.show({
          id,
          color: alert.kind === 'no_show' ? 'orange' : alert.state === 'missed' ? 'yellow' : 'green',
          icon: alert.state === 'missed' ? <IconClockExclamation size={18} /> : <IconBell size={18} />,
          title,
          autoClose: alert.state === 'missed' || alert.kind === 'no_show' ? false : FIRED_TOAST_MS,
          message: (
            <Stack gap={6}>
              <Text size="sm">{body}</Text>
              <Group gap="xs">
                {joinable && (
                  <Button size="compact-sm" color="green" leftSection={<IconExternalLink size={14} />} onClick={join}>
                    Join call
                  </Button>
                )}
                <Button size="compact-sm" variant={joinable ? 'default' : 'filled'} onClick={open}>
                  {alert.kind === 'no_show' ? 'Answer' : 'Open prep room'}
                </Button>
                <Button size="compact-sm" variant="subtle" color="gray" onClick={() => notifications.hide(id)}>
                  Dismiss
                </Button>
              </Group>
            </Stack>
          )
        })
        if (browserMode && 'Notification' in window && Notification.permission === 'granted' && document.visibilityState === 'hidden') {
          const system = new Notification(title, { body, tag: id })
          system.onclick = () => {
            window.focus()
            if (joinable) join()
            else open()
          }
        }
      }
    },
    [zone, cycle, browserMode, navigate]
  )

  // The latest way to show them; the subscription below reads it, so a settings change never
  // re-subscribes. (Re-subscribing would drop alerts taken by the call still in flight: main
  // hands each alert out once.)
  const showLatest = useRef(show)
  useEffect(() => {
    showLatest.current = show
  }, [show])

  // Subscribed once both are known, not again on every settings change.
  const ready = settings !== null && appInfo !== null
  useEffect(() => {
    if (!ready) return
    let current = true
    const take = () =>
      void window.greenroom
        .takeReminderAlerts()
        .then((alerts) => current && showLatest.current(alerts, now()))
        .catch(() => undefined)
    take()
    const stopReminders = window.greenroom.on('remindersDue', take)
    const stopNavigate = window.greenroom.on('navigate', ({ path }) => navigate(path))
    return () => {
      current = false
      stopReminders()
      stopNavigate()
    }
  }, [ready, navigate])

  return null
}
