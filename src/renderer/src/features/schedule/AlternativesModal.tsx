import { Button, Checkbox, CopyButton, Group, Modal, ScrollArea, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import type { InterviewDetail } from '../../../../shared/pipeline'
import { alternativesMessage, describeInBothZones } from '../../../../shared/schedule'
import { QueryState } from '../../components/QueryState'
import { useSettings } from '../../hooks/settings-context'
import { useQuery } from '../../hooks/useQuery'
import { upworkRulesApply } from '../../../../shared/marketplace-rules'
import { ContactDetailsWarning } from '../companion/MarketplaceWarnings'
import { DurationPicker } from './DurationPicker'

/** Free slots from your working hours and calendar, and a message offering the ones you pick. */
export function AlternativesModal({ detail, onClose }: { detail: InterviewDetail; onClose: () => void }) {
  const { settings } = useSettings()
  const userZone = settings?.timeZone ?? 'UTC'
  const [duration, setDuration] = useState(detail.interview.schedule?.durationMinutes ?? settings?.defaultCallMinutes ?? 15)
  const [chosen, setChosen] = useState<string[]>([])
  const slots = useQuery(() => window.greenroom.suggestSlots({ durationMinutes: Math.max(5, duration), days: 7, interviewId: detail.interview.id }), [duration])
  const picked = (slots.data ?? []).filter((slot) => chosen.includes(slot.start))
  const message = alternativesMessage({
    slots: picked,
    clientName: detail.client.name,
    clientZone: detail.client.timeZone,
    userZone,
    userName: settings?.userName ?? '',
    durationMinutes: duration
  })

  return (
    <Modal opened onClose={onClose} title="Offer times" size="lg">
      <Stack gap="sm">
        <DurationPicker value={duration} onChange={setDuration} />
        <QueryState query={slots}>
          {(found) =>
            found.length === 0 ? (
              <Text c="dimmed" size="sm">
                No free slot of this length in your working hours over the next week.
              </Text>
            ) : (
              <ScrollArea.Autosize mah={220}>
                <Checkbox.Group label="Pick the times to offer" value={chosen} onChange={setChosen}>
                  <Stack gap={6} mt={6}>
                    {found.map((slot) => (
                      <Checkbox key={slot.start} value={slot.start} label={describeInBothZones(slot.start, userZone, detail.client.timeZone)} />
                    ))}
                  </Stack>
                </Checkbox.Group>
              </ScrollArea.Autosize>
            )
          }
        </QueryState>
        <Textarea label="Message to paste" autosize minRows={6} readOnly value={picked.length ? message : ''} placeholder="Pick one or more times above." />
        {picked.length > 0 && <ContactDetailsWarning text={message} applies={upworkRulesApply(detail)} callLink={detail.interview.channelLink} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <CopyButton value={message}>
            {({ copied, copy }) => (
              <Button disabled={picked.length === 0} onClick={copy} color={copied ? 'teal' : undefined}>
                {copied ? 'Copied' : 'Copy message'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Modal>
  )
}
