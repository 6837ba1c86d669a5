import { Alert, Button, FileButton, Group, List, Modal, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFileImport, IconInfoCircle } from '@tabler/icons-react'
import { DateTime } from 'luxon'
import { useState } from 'react'
import {
  MAX_INVITATION_CHARACTERS,
  readInvitation,
  readInvitationIcs,
  withPastWarning,
  type InvitationDetails,
  type InvitationReading
} from '@shared/invitations'
import {
  CHANNELS,
  interviewFieldsSchema,
  LINKED_CHANNELS,
  type Channel,
  type InterviewDetail,
  type InterviewFields
} from '@shared/pipeline'
import { cityOf, describeInBothZones, fromWallClock } from '@shared/schedule'
import { DateTimeField } from '@renderer/components/DateTimeField'
import { useSettings } from '@renderer/hooks/settings-context'
import { useHourCycle } from '@renderer/hooks/useHourCycle'
import { errorMessage } from '@renderer/hooks/useQuery'
import { timeZoneOptions } from '@renderer/components/time-zones'
import { DurationPicker } from './DurationPicker'
import { SlotWarnings, useSlotCheck } from './SlotWarnings'

const WALL_CLOCK = "yyyy-LL-dd'T'HH:mm"

/** What the confirmation starts from: a wall-clock time in a zone, and the rest the invitation said. */
interface Draft {
  local: string
  zone: string
  details: InvitationDetails
  notes: string[]
}

type Step =
  { step: 'paste' } | { step: 'zone'; reading: Extract<InvitationReading, { kind: 'needs_zone' }> } | { step: 'confirm'; draft: Draft }

function fieldsOf(detail: InterviewDetail): InterviewFields {
  const { title, scenario, type, sampleTask, channel, channelLink, outcomeNotes } = detail.interview
  return { title, scenario, type, sampleTask, channel, channelLink, outcomeNotes }
}

/** Every zone the runtime lists, plus the one shown if the list lacks it (an Etc/GMT-1 read from "GMT+1"). */
function zoneOptions(zone: string) {
  const options = timeZoneOptions()
  return options.some((option) => option.value === zone) ? options : [{ value: zone, label: zone.replaceAll('_', ' ') }, ...options]
}

/**
 * Schedule from an invitation: paste its text or open its .ics file, see what Greenroom
 * read (the time in both zones, the length, channel and link), correct it, confirm.
 * A time without a zone asks which zone it is in; anything unreadable says why.
 */
export function PasteInvitationModal({ detail, onClose }: { detail: InterviewDetail; onClose: () => void }) {
  const { settings } = useSettings()
  const userZone = settings?.timeZone ?? 'UTC'
  const clientZone = detail.client.timeZone
  const [step, setStep] = useState<Step>({ step: 'paste' })
  const [text, setText] = useState('')
  const [refusal, setRefusal] = useState<{ reason: string; notes: string[] } | null>(null)

  function take(reading: InvitationReading): void {
    setRefusal(null)
    if (reading.kind === 'refused') return setRefusal({ reason: reading.reason, notes: reading.notes })
    if (reading.kind === 'needs_zone') return setStep({ step: 'zone', reading })
    const { startsAt, timeZone, ...details } = reading.found
    // A file in UTC fixes the instant, not a zone anyone agreed in: show it in the client's.
    const zone = timeZone === 'UTC' && clientZone ? clientZone : timeZone
    const notes =
      zone === timeZone
        ? reading.notes
        : [
            ...reading.notes.filter((note) => note !== 'The file gives the time in UTC'),
            `The file gives the time in UTC; shown in ${cityOf(zone)} time, the client’s`
          ]
    setStep({ step: 'confirm', draft: { local: DateTime.fromISO(startsAt).setZone(zone).toFormat(WALL_CLOCK), zone, details, notes } })
  }

  const now = () => DateTime.now().toUTC().toISO()!

  async function openFile(file: File | null): Promise<void> {
    if (!file) return
    if (file.size > MAX_INVITATION_CHARACTERS) return setRefusal({ reason: `“${file.name}” is too large to be an invitation`, notes: [] })
    const at = now()
    take(withPastWarning(readInvitationIcs(await file.text()), at))
  }

  const title = step.step === 'confirm' ? 'Check the call and confirm' : step.step === 'zone' ? 'Which time zone?' : 'Paste an invitation'
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      {step.step === 'paste' && (
        <Stack gap="sm">
          <Text size="sm">
            Paste the invitation the client sent from Zoom, Google Meet, Microsoft Teams or Calendly, or open the calendar file (.ics) that
            came with it. Greenroom finds the time, the length and the join link, and shows them to you before anything is saved.
          </Text>
          <Textarea
            label="Invitation text"
            placeholder={
              'Topic: Intro call\nTime: Dec 3, 2026 11:00 AM Eastern Time (US and Canada)\nJoin Zoom Meeting\nhttps://zoom.us/j/…'
            }
            autosize
            minRows={6}
            maxRows={14}
            maxLength={MAX_INVITATION_CHARACTERS}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            data-autofocus
          />
          {refusal && (
            <Alert color="red" title="Greenroom could not read this" role="alert">
              <Text size="sm">{refusal.reason}</Text>
              {refusal.notes.length > 0 && (
                <List size="sm" mt={4}>
                  {refusal.notes.map((note) => (
                    <List.Item key={note}>{note}</List.Item>
                  ))}
                </List>
              )}
              <Text size="sm" mt={4}>
                Nothing was scheduled. You can also enter the time yourself with Schedule….
              </Text>
            </Alert>
          )}
          <Group justify="space-between">
            <FileButton accept=".ics,text/calendar" onChange={(file) => void openFile(file)}>
              {(props) => (
                <Button {...props} variant="default" leftSection={<IconFileImport size={18} />}>
                  Open an .ics file…
                </Button>
              )}
            </FileButton>
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button disabled={!text.trim()} onClick={() => take(readInvitation(text, { now: now() }))}>
                Read invitation
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
      {step.step === 'zone' && (
        <ZoneQuestion
          reading={step.reading}
          userZone={userZone}
          clientZone={clientZone}
          onBack={() => setStep({ step: 'paste' })}
          onChoose={(zone) =>
            setStep({
              step: 'confirm',
              draft: { local: step.reading.wallClock, zone, details: step.reading.details, notes: step.reading.notes }
            })
          }
        />
      )}
      {step.step === 'confirm' && (
        <Confirmation detail={detail} draft={step.draft} onBack={() => setStep({ step: 'paste' })} onDone={onClose} />
      )}
    </Modal>
  )
}

/** A time without a zone: the user says which zone it is in; nothing is picked for them. */
function ZoneQuestion({
  reading,
  userZone,
  clientZone,
  onBack,
  onChoose
}: {
  reading: Extract<InvitationReading, { kind: 'needs_zone' }>
  userZone: string
  clientZone: string | null
  onBack: () => void
  onChoose: (zone: string) => void
}) {
  const [choice, setChoice] = useState<string | null>(null)
  const [other, setOther] = useState<string | null>(null)
  const day = DateTime.fromISO(reading.wallClock, { zone: 'utc' }).toFormat('cccc d LLLL yyyy')
  const zone = choice === 'other' ? other : choice
  return (
    <Stack gap="sm">
      <Text size="sm">
        The invitation says {day}, {reading.wallClock.slice(11)}.
      </Text>
      <Radio.Group label={reading.question} value={choice} onChange={setChoice}>
        <Stack gap="xs" mt="xs">
          {clientZone && clientZone !== userZone && <Radio value={clientZone} label={`The client’s zone (${cityOf(clientZone)})`} />}
          <Radio value={userZone} label={`Your zone (${cityOf(userZone)})`} />
          <Radio value="other" label="Another zone" />
        </Stack>
      </Radio.Group>
      {choice === 'other' && (
        <Select label="Zone of the time" searchable limit={60} data={timeZoneOptions()} value={other} onChange={setOther} />
      )}
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={onBack}>
          Back
        </Button>
        <Button disabled={!zone} onClick={() => zone && onChoose(zone)}>
          Continue
        </Button>
      </Group>
    </Stack>
  )
}

/** What was read, correctable, with the usual warnings; Confirm saves the channel and link and schedules. */
function Confirmation({
  detail,
  draft,
  onBack,
  onDone
}: {
  detail: InterviewDetail
  draft: Draft
  onBack: () => void
  onDone: () => void
}) {
  const { settings } = useSettings()
  const userZone = settings?.timeZone ?? 'UTC'
  const [zone, setZone] = useState(draft.zone)
  const cycle = useHourCycle()
  const [local, setLocal] = useState(draft.local)
  const usualLength = settings?.defaultCallMinutes ?? 15
  const [duration, setDuration] = useState(draft.details.durationMinutes ?? usualLength)
  const [channel, setChannel] = useState<Channel>(draft.details.channel ?? detail.interview.channel)
  // A link the invitation lacks is kept from the interview only if the channel stays the same.
  const [link, setLink] = useState(
    draft.details.link ?? (!draft.details.channel || draft.details.channel === detail.interview.channel ? detail.interview.channelLink : '')
  )
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  const parsed = local ? fromWallClock(local, zone, cycle) : null
  const start = parsed && 'start' in parsed ? parsed.start : null
  const check = useSlotCheck(start, duration, detail.interview.id)
  const linked = LINKED_CHANNELS.includes(channel)
  const fields = interviewFieldsSchema.safeParse({ ...fieldsOf(detail), channel, channelLink: linked ? link.trim() : '' })
  const linkError = fields.success ? undefined : fields.error.issues.find((issue) => issue.path[0] === 'channelLink')?.message
  const shownZone = zone === userZone ? detail.client.timeZone : zone
  const notes = draft.notes.map((note) =>
    note === 'The invitation does not say how long the call is'
      ? `${note}: your usual length (${usualLength} min) is set; change it below if needed`
      : note
  )

  async function confirm(): Promise<void> {
    if (!start || !fields.success) return
    setSaving(true)
    setFailure(null)
    try {
      const saved = fieldsOf(detail)
      if (saved.channel !== fields.data.channel || saved.channelLink !== fields.data.channelLink) {
        await window.greenroom.updateInterview({ id: detail.interview.id, fields: fields.data })
      }
      await window.greenroom.scheduleInterview({
        id: detail.interview.id,
        startsAt: start,
        timeZone: zone,
        durationMinutes: duration,
        note: 'From the client’s invitation'
      })
      notifications.show({ message: `Scheduled: ${describeInBothZones(start, userZone, shownZone, cycle)}` })
      onDone()
    } catch (error) {
      setFailure(errorMessage(error))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Stack gap="sm">
      {draft.details.title && (
        <Text size="sm" c="dimmed">
          Invitation: “{draft.details.title}”
        </Text>
      )}
      {start && (
        <Text fw={600} size="lg" aria-label="Time in both zones">
          {describeInBothZones(start, userZone, shownZone, cycle)}, {duration} min
        </Text>
      )}
      {notes.length > 0 && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} title="Check before you confirm">
          <List size="sm">
            {notes.map((note) => (
              <List.Item key={note}>{note}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group grow align="flex-start">
        <Select
          label="Time zone of the invitation"
          searchable
          allowDeselect={false}
          limit={60}
          data={zoneOptions(zone)}
          value={zone}
          onChange={(value) => value && setZone(value)}
        />
        <DateTimeField
          label={`Date and time in ${cityOf(zone)}`}
          value={local}
          error={parsed && 'error' in parsed ? parsed.error : undefined}
          onChange={setLocal}
        />
      </Group>
      <DurationPicker value={duration} onChange={setDuration} />
      <Group grow align="flex-start">
        <Select
          label="Channel"
          allowDeselect={false}
          data={Object.entries(CHANNELS).map(([value, label]) => ({ value, label }))}
          value={channel}
          onChange={(value) => value && setChannel(value as Channel)}
        />
        {linked && (
          <TextInput
            label={`${CHANNELS[channel]} link`}
            placeholder="https://"
            value={link}
            error={linkError}
            onChange={(event) => setLink(event.currentTarget.value)}
          />
        )}
      </Group>
      <SlotWarnings check={check} />
      {failure && (
        <Text size="sm" c="red" role="alert">
          {failure}
        </Text>
      )}
      <Group justify="space-between" mt="sm">
        <Button variant="subtle" onClick={onBack}>
          Back
        </Button>
        <Group gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button disabled={!start || duration < 5 || !fields.success} loading={saving} onClick={() => void confirm()}>
            Confirm and schedule
          </Button>
        </Group>
      </Group>
    </Stack>
  )
}
