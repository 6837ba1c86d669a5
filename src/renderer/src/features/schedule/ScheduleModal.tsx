import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { DateTime } from 'luxon'
import { useState } from 'react'
import type { InterviewDetail } from '../../../../shared/pipeline'
import { cityOf, describeInBothZones, fromWallClock } from '../../../../shared/schedule'
import { useSettings } from '../../hooks/settings-context'
import { errorMessage } from '../../hooks/useQuery'
import { timeZoneOptions } from '../settings/time-zones'
import { DurationPicker } from './DurationPicker'
import { SlotWarnings, useSlotCheck } from './SlotWarnings'

/**
 * Enter the time the client proposed, in the client's zone; see it in yours at once, with
 * a warning when it falls outside your working hours or too close to another call.
 */
export function ScheduleModal({ detail, onClose }: { detail: InterviewDetail; onClose: () => void }) {
  const { settings } = useSettings()
  const userZone = settings?.timeZone ?? 'UTC'
  const existing = detail.interview.schedule
  const [zone, setZone] = useState(existing?.timeZone ?? detail.client.timeZone ?? userZone)
  const [local, setLocal] = useState(existing ? DateTime.fromISO(existing.startsAt).setZone(existing.timeZone).toFormat("yyyy-LL-dd'T'HH:mm") : '')
  const [duration, setDuration] = useState(existing?.durationMinutes ?? settings?.defaultCallMinutes ?? 15)
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  const parsed = local ? fromWallClock(local, zone) : null
  const start = parsed && 'start' in parsed ? parsed.start : null

  const check = useSlotCheck(start, duration, detail.interview.id)

  async function save(): Promise<void> {
    if (!start) return
    setSaving(true)
    setFailure(null)
    try {
      await window.greenroom.scheduleInterview({ id: detail.interview.id, startsAt: start, timeZone: zone, durationMinutes: duration, note: '' })
      notifications.show({ message: `Scheduled: ${describeInBothZones(start, userZone, detail.client.timeZone)}` })
      onClose()
    } catch (error) {
      setFailure(errorMessage(error))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal opened onClose={onClose} title={existing ? 'Move the call' : 'Schedule the call'} size="lg">
      <Stack gap="sm">
        {failure && <Alert color="red">{failure}</Alert>}
        <Group grow align="flex-start">
          <Select label="Time zone of the proposed time" searchable allowDeselect={false} limit={60} data={timeZoneOptions()} value={zone} onChange={(value) => value && setZone(value)} />
          <TextInput
            type="datetime-local"
            label={`Date and time in ${cityOf(zone)}`}
            value={local}
            error={parsed && 'error' in parsed && local ? parsed.error : undefined}
            onChange={(event) => setLocal(event.currentTarget.value)}
          />
        </Group>
        <DurationPicker value={duration} onChange={setDuration} />
        {start && (
          <Text fw={600} aria-label="Time in both zones">
            {describeInBothZones(start, userZone, zone === userZone ? detail.client.timeZone : zone)}, {duration} min
          </Text>
        )}
        <SlotWarnings check={check} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button disabled={!start || duration < 5} loading={saving} onClick={() => void save()}>
            {existing ? 'Move call' : 'Schedule call'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
