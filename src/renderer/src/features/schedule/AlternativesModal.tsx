import { Alert, Button, Checkbox, CopyButton, Group, Modal, ScrollArea, Stack, Text, Textarea } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useState } from 'react'
import type { InterviewDetail } from '@shared/pipeline'
import { alternativesMessage, cityOf, describeInBothZones, type OfferedSlot } from '@shared/schedule'
import { callMinutesSchema } from '@shared/settings'
import { formatClockText } from '@shared/time-format'
import { QueryState } from '@renderer/components/QueryState'
import { useSettings } from '@renderer/hooks/settings-context'
import { useHourCycle } from '@renderer/hooks/useHourCycle'
import { useQuery } from '@renderer/hooks/useQuery'
import { upworkRulesApply } from '@shared/marketplace-rules'
import { ContactDetailsWarning } from '@renderer/components/MarketplaceWarnings'
import { formatMinutes } from '@renderer/components/time'
import { DurationPicker } from './DurationPicker'

const DAYS_AHEAD = 7

/** How a slot sits in both working days, in plain words: "Late in your day", "1 h after Sydney's day ends". */
function fitText(slot: OfferedSlot, clientCity: string): { text: string; color: string } {
  if (slot.fit === 'good') return { text: 'Good for both of you', color: 'teal' }
  if (slot.fit === 'edge') {
    const theirs = slot.client !== null && slot.client.edgeMinutes <= slot.user.edgeMinutes
    const side = theirs ? slot.client! : slot.user
    const when = side.nearer === 'start' ? 'Early' : 'Late'
    return { text: theirs ? `${when} in ${clientCity}’s day` : `${when} in your day`, color: 'yellow' }
  }
  const outside = (minutes: number, nearer: 'start' | 'end', whose: string) =>
    `${formatMinutes(minutes)} ${nearer === 'start' ? 'before' : 'after'} ${whose} working day ${nearer === 'start' ? 'starts' : 'ends'}`
  const parts = [
    slot.user.outsideMinutes > 0 ? outside(slot.user.outsideMinutes, slot.user.nearer, 'your') : '',
    slot.client && slot.client.outsideMinutes > 0 ? outside(slot.client.outsideMinutes, slot.client.nearer, `${clientCity}’s`) : ''
  ].filter(Boolean)
  return { text: `Outside working hours: ${parts.join('; ')}`, color: 'orange' }
}

/** Free slots in both working days (yours and the client's), best first, and a message offering the ones you pick. */
export function AlternativesModal({ detail, onClose }: { detail: InterviewDetail; onClose: () => void }) {
  const { settings } = useSettings()
  const cycle = useHourCycle()
  const userZone = settings?.timeZone ?? 'UTC'
  const { client } = detail
  const clientCity = client.timeZone ? cityOf(client.timeZone) : client.name
  const [duration, setDuration] = useState(detail.interview.schedule?.durationMinutes ?? settings?.defaultCallMinutes ?? 15)
  const [chosen, setChosen] = useState<string[]>([])
  const validLength = callMinutesSchema.safeParse(duration).success
  const offer = useQuery(
    () =>
      validLength
        ? window.greenroom.suggestSlots({ durationMinutes: duration, days: DAYS_AHEAD, interviewId: detail.interview.id })
        : Promise.resolve({ overlap: true, slots: [] }),
    [duration, validLength]
  )
  const picked = (offer.data?.slots ?? []).filter((slot) => chosen.includes(slot.start))
  const message = alternativesMessage({
    slots: picked,
    clientName: client.name,
    clientZone: client.timeZone,
    userZone,
    userName: settings?.userName ?? '',
    durationMinutes: duration,
    cycle
  })
  const hours = client.workingHours
  const clientHours = `${formatClockText(hours.start, cycle)}–${formatClockText(hours.end, cycle)}`

  return (
    <Modal opened onClose={onClose} title="Offer times" size="lg">
      <Stack gap="sm">
        <DurationPicker value={duration} onChange={setDuration} />
        <Text size="sm" c="dimmed">
          {client.timeZone
            ? `Times inside your working hours and ${client.name}’s (${clientHours} in ${clientCity}, change them under Edit client), over the next ${DAYS_AHEAD} days, best first.`
            : `${client.name} has no time zone yet, so these follow your working hours only. Add their zone under Edit client to offer times in both working days.`}
        </Text>
        <QueryState query={offer}>
          {({ overlap, slots }) => (
            <>
              {!overlap && (
                <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="Your working days don’t overlap">
                  Over the next {DAYS_AHEAD} days your working hours and {client.name}’s never meet. These are the least bad times, each
                  marked with how far it falls outside someone’s hours.
                </Alert>
              )}
              {!validLength ? null : slots.length === 0 ? (
                <Text c="dimmed" size="sm">
                  No free slot of this length over the next {DAYS_AHEAD} days: your calendar is full. Try a shorter call.
                </Text>
              ) : (
                <ScrollArea.Autosize mah={260}>
                  <Checkbox.Group label="Pick the times to offer" value={chosen} onChange={setChosen}>
                    <Stack gap={6} mt={6}>
                      {slots.map((slot) => {
                        const fit = fitText(slot, clientCity)
                        return (
                          <Checkbox
                            key={slot.start}
                            value={slot.start}
                            label={describeInBothZones(slot.start, userZone, client.timeZone, cycle)}
                            description={
                              <Text span size="xs" c={`var(--mantine-color-${fit.color}-light-color)`} fw={500}>
                                {fit.text}
                              </Text>
                            }
                          />
                        )
                      })}
                    </Stack>
                  </Checkbox.Group>
                </ScrollArea.Autosize>
              )}
            </>
          )}
        </QueryState>
        <Textarea
          label="Message to paste"
          autosize
          minRows={6}
          readOnly
          value={picked.length ? message : ''}
          placeholder="Pick one or more times above."
        />
        {picked.length > 0 && (
          <ContactDetailsWarning text={message} applies={upworkRulesApply(detail)} callLink={detail.interview.channelLink} />
        )}
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
