import { Button, CopyButton, Group, Stack, Text, Textarea } from '@mantine/core'
import { IconCopy } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import type { InterviewDetail } from '@shared/pipeline'
import { upworkRulesApply } from '@shared/marketplace-rules'
import { askClientMessage } from '@shared/prep'
import { ContactDetailsWarning } from '@renderer/components/MarketplaceWarnings'
import { useSettings } from '@renderer/hooks/settings-context'
import { useHourCycle } from '@renderer/hooks/useHourCycle'

/** A ready-to-paste message asking the client what to prepare, confirming time, length and channel. */
export function AskClientPanel({ detail }: { detail: InterviewDetail }) {
  const cycle = useHourCycle()
  const { settings } = useSettings()
  const generated = askClientMessage({
    interview: { ...detail.interview, clientTimeZone: detail.client.timeZone },
    clientName: detail.client.name,
    userName: settings?.userName ?? '',
    userZone: settings?.timeZone ?? 'UTC',
    cycle
  })
  const [message, setMessage] = useState(generated)
  useEffect(() => setMessage(generated), [generated])
  return (
    <Stack gap="sm" maw={760}>
      <Text size="sm" c="dimmed">
        Send this a day or two before the call. Clients who say what they want to see are telling you how to win; the time is written from
        their side, with yours beside it.
      </Text>
      <Textarea
        label="Message to the client"
        autosize
        minRows={9}
        value={message}
        onChange={(event) => setMessage(event.currentTarget.value)}
      />
      <ContactDetailsWarning text={message} applies={upworkRulesApply(detail)} callLink={detail.interview.channelLink} />
      <Group>
        <CopyButton value={message}>
          {({ copied, copy }) => (
            <Button leftSection={<IconCopy size={16} />} onClick={copy} color={copied ? 'teal' : undefined}>
              {copied ? 'Copied' : 'Copy message'}
            </Button>
          )}
        </CopyButton>
        {message !== generated && (
          <Button variant="default" onClick={() => setMessage(generated)}>
            Start over
          </Button>
        )}
        {!detail.interview.schedule && (
          <Text size="xs" c="dimmed">
            Schedule the call on the interview page and the message confirms its time.
          </Text>
        )}
      </Group>
    </Stack>
  )
}
