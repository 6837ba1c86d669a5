import { Badge, Button, Group, NumberInput, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { DateTime } from 'luxon'
import { useRef, useState } from 'react'
import { OFFER_OPEN_STATUSES, type InterviewDetail, type Offer } from '@shared/pipeline'
import { formatDate, formatMoney } from '@renderer/components/time'
import { useSave } from '@renderer/hooks/useSave'

const OFFER_COLOR = { pending: 'yellow', accepted: 'greenroom', declined: 'red' } as const

export function OffersSection({ detail, zone }: { detail: InterviewDetail; zone: string }) {
  const [priceType, setPriceType] = useState<Offer['priceType']>(detail.job?.budgetType ?? 'fixed')
  const [amount, setAmount] = useState<number | null>(null)
  const [deadline, setDeadline] = useState('')
  const [note, setNote] = useState('')
  const { busy, run } = useSave()
  // Set at once, unlike `busy`: a double click or a second Enter in flight records nothing more.
  const recording = useRef(false)
  const open = OFFER_OPEN_STATUSES.includes(detail.interview.status)

  async function record(): Promise<void> {
    if (recording.current || amount === null) return
    recording.current = true
    const fields = {
      priceType,
      amount,
      note,
      deadline: deadline ? DateTime.fromISO(deadline, { zone }).endOf('day').toUTC().toISO() : null
    }
    const saved = await run(() => window.greenroom.createOffer({ interviewId: detail.interview.id, fields }), 'Offer recorded')
    if (saved) {
      setAmount(null)
      setDeadline('')
      setNote('')
    }
    recording.current = false
  }

  return (
    <Stack gap="md" maw={760}>
      {detail.offers.length === 0 && (
        <Text c="dimmed" size="sm">
          No offer yet.
        </Text>
      )}
      {detail.offers.map((offer) => (
        <Paper key={offer.id} withBorder radius="md" p="sm">
          <Group justify="space-between">
            <Stack gap={2}>
              <Text fw={600}>{formatMoney(offer.amount, offer.priceType)}</Text>
              <Text size="xs" c="dimmed">
                Received {formatDate(offer.createdAt, zone)}
                {offer.deadline && ` · deadline ${formatDate(offer.deadline, zone)}`}
                {offer.note && ` · ${offer.note}`}
              </Text>
            </Stack>
            {offer.status === 'pending' ? (
              <Group gap="xs">
                <Button
                  size="xs"
                  loading={busy}
                  onClick={() => run(() => window.greenroom.decideOffer({ id: offer.id, accepted: true }), 'Offer accepted: you are hired')}
                >
                  Accept offer
                </Button>
                <Button
                  size="xs"
                  color="red"
                  variant="light"
                  loading={busy}
                  onClick={() => run(() => window.greenroom.decideOffer({ id: offer.id, accepted: false }), 'Offer declined')}
                >
                  Decline
                </Button>
              </Group>
            ) : (
              <Badge color={OFFER_COLOR[offer.status]} variant="light">
                {offer.status === 'accepted' ? 'Accepted' : 'Declined'}
              </Badge>
            )}
          </Group>
        </Paper>
      ))}
      {open && (
        <Paper
          withBorder
          radius="md"
          p="sm"
          component="form"
          aria-label="Record an offer"
          onSubmit={(event: React.FormEvent) => {
            event.preventDefault()
            void record()
          }}
        >
          <Stack gap="xs">
            <Text fw={600} size="sm">
              Record an offer
            </Text>
            <Group align="flex-end" grow>
              <SegmentedControl
                aria-label="Offer type"
                value={priceType}
                data={[
                  { value: 'fixed', label: 'Fixed' },
                  { value: 'hourly', label: 'Hourly' }
                ]}
                onChange={(value) => setPriceType(value as Offer['priceType'])}
              />
              <NumberInput
                label="Amount"
                prefix="$"
                min={0}
                placeholder={detail.proposal ? String(detail.proposal.terms.amount) : undefined}
                value={amount ?? ''}
                onChange={(value) => setAmount(typeof value === 'number' ? value : null)}
              />
              <TextInput type="date" label="Deadline" value={deadline} onChange={(event) => setDeadline(event.currentTarget.value)} />
            </Group>
            <TextInput label="Note" value={note} onChange={(event) => setNote(event.currentTarget.value)} />
            <Group>
              <Button type="submit" size="xs" loading={busy} disabled={amount === null}>
                Record offer
              </Button>
              {amount === null && (
                <Text size="xs" c="dimmed">
                  Type the amount the client offered.
                </Text>
              )}
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  )
}
