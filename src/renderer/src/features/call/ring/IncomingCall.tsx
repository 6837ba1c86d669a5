import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPhone, IconPhoneOff } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useNavigate } from 'react-router'
import type { WaitingGuest } from '@shared/call'
import { errorMessage } from '@renderer/hooks/useQuery'
import { useRingTone } from './ring-tone'

/** What the call page reads from the navigation that Accept makes: let the ringing guest in at once. */
export interface AnswerCallState {
  answer: true
}

export function isAnswerCallState(state: unknown): state is AnswerCallState {
  return typeof state === 'object' && state !== null && (state as { answer?: unknown }).answer === true
}

/** Guests waiting in a call room whose page is closed, as main tells them. */
function useWaitingGuests(): WaitingGuest[] {
  const [waiting, setWaiting] = useState<WaitingGuest[]>([])
  useEffect(() => {
    let current = true
    window.greenroom
      .listWaitingGuests()
      .then((list) => current && setWaiting(list))
      .catch(() => undefined)
    const stop = window.greenroom.on('callWaiting', ({ waiting: list }) => setWaiting(list))
    return () => {
      current = false
      stop()
    }
  }, [])
  return waiting
}

/** The window title says so too, for a host looking at another window. */
function useTitleWhileRinging(text: string | null): void {
  useEffect(() => {
    if (!text) return
    const before = document.title
    document.title = text
    return () => {
      document.title = before
    }
  }, [text])
}

/**
 * The ring on whatever page is open: a guest asks to join while the call page is closed.
 * Accept opens the call page, which lets them in; Decline tells them the host can't talk now.
 */
export function IncomingCall() {
  const waiting = useWaitingGuests()
  const navigate = useNavigate()
  const [declining, setDeclining] = useState(false)
  const guest = waiting[0] ?? null
  useRingTone(guest !== null)
  useTitleWhileRinging(guest ? `${guest.guestName} is asking to join · Greenroom` : null)
  if (!guest) return null

  const accept = () => {
    const state: AnswerCallState = { answer: true }
    navigate(`/interviews/${guest.interviewId}/call`, { state })
  }
  const decline = async () => {
    setDeclining(true)
    try {
      await window.greenroom.declineWaitingGuest({ interviewId: guest.interviewId })
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not answer', message: errorMessage(error) })
    } finally {
      setDeclining(false)
    }
  }

  return (
    <Paper
      className="greenroom-incoming-call"
      p="lg"
      radius="md"
      shadow="xl"
      withBorder
      role="alertdialog"
      aria-label={`${guest.guestName} is asking to join`}
      aria-describedby="greenroom-incoming-call-what"
    >
      <Stack gap="sm" align="center">
        <IconPhone size={36} className="greenroom-ringing" aria-hidden />
        <Title order={2} size="h4" ta="center">
          {guest.guestName} is asking to join
        </Title>
        <Text size="sm" c="dimmed" ta="center" id="greenroom-incoming-call-what">
          Your call: {guest.interviewTitle}
        </Text>
        <Group>
          <Button color="green" leftSection={<IconPhone size={18} />} onClick={accept} autoFocus>
            Accept
          </Button>
          <Button color="red" leftSection={<IconPhoneOff size={18} />} onClick={() => void decline()} loading={declining}>
            Decline
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
