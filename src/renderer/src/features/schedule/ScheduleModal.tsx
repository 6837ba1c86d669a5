import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { DateTime } from 'luxon'
import { useState } from 'react'
import type { InterviewDetail } from '@shared/pipeline'
import { cityOf, describeInBothZones, fromWallClock } from '@shared/schedule'
import { useSettings } from '@renderer/hooks/settings-context'
import { errorMessage } from '@renderer/hooks/useQuery'
import { timeZoneOptions } from '@renderer/components/time-zones'
import { TimeSelect } from '@renderer/components/TimeSelect'
import { useHourCycle } from '@renderer/hooks/useHourCycle'
import { DurationPicker, durationProblem } from './DurationPicker'
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
  const agreed = existing ? DateTime.fromISO(existing.startsAt).setZone(existing.timeZone) : null
  const [date, setDate] = useState(agreed?.toFormat('yyyy-LL-dd') ?? '')
  const [time, setTime] = useState(agreed?.toFormat('HH:mm') ?? '')
  const cycle = useHourCycle()
  const local = date && time ? `${date}T${time}` : ''
  const [duration, setDuration] = useState(existing?.durationMinutes ?? settings?.defaultCallMinutes ?? 15)
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  const parsed = local ? fromWallClock(local, zone, cycle) : null
  const start = parsed && 'start' in parsed ? parsed.start : null
  const lengthProblem = durationProblem(duration)
  // Said beside the button rather than leaving it silently grey.
  const blocked = !start ? (parsed && 'error' in parsed ? parsed.error : 'Enter the date and time the client proposed.') : lengthProblem

  // A length the picker refuses is not checked: its reason shows instead.
  const check = useSlotCheck(lengthProblem ? null : start, duration, detail.interview.id)

  async function save(): Promise<void> {
    if (!start) return
    setSaving(true)
    setFailure(null)
    try {
      await window.greenroom.scheduleInterview({
        id: detail.interview.id,
        startsAt: start,
        timeZone: zone,
        durationMinutes: duration,
        note: ''
      })
      notifications.show({ message: `Scheduled: ${describeInBothZones(start, userZone, detail.client.timeZone, cycle)}` })
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
          <Select
            label="Time zone of the proposed time"
            searchable
            allowDeselect={false}
            limit={60}
            data={timeZoneOptions()}
            value={zone}
            onChange={(value) => value && setZone(value)}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput type="date" label={`Date in ${cityOf(zone)}`} value={date} onChange={(event) => setDate(event.currentTarget.value)} />
          <TimeSelect
            label={`Time in ${cityOf(zone)}`}
            placeholder="Type or pick a time"
            stepMinutes={5}
            value={time}
            onChange={setTime}
            error={parsed && 'error' in parsed ? parsed.error : undefined}
          />
        </Group>
        <DurationPicker value={duration} onChange={setDuration} />
        {start && (
          <Text fw={600} aria-label="Time in both zones">
            {describeInBothZones(start, userZone, zone === userZone ? detail.client.timeZone : zone, cycle)}, {duration} min
          </Text>
        )}
        <SlotWarnings check={check} />
        <Group justify="flex-end" mt="sm">
          {blocked && (
            <Text size="sm" c="dimmed" id="schedule-blocked" mr="auto">
              {blocked}
            </Text>
          )}
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={blocked !== null}
            aria-describedby={blocked ? 'schedule-blocked' : undefined}
            loading={saving}
            onClick={() => void save()}
          >
            {existing ? 'Move call' : 'Schedule call'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
