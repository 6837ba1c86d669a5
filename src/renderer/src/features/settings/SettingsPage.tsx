import { Button, Group, Input, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconCheck, IconDeviceFloppy } from '@tabler/icons-react'
import { DateTime } from 'luxon'
import { useEffect, useMemo, useState } from 'react'
import { CALL_LENGTH_PRESETS, settingsSchema, type Settings } from '@shared/settings'
import { PageHeader } from '@renderer/components/PageHeader'
import { fieldErrors } from '@renderer/components/validation'
import { useSettings } from '@renderer/hooks/settings-context'
import { DataSection } from './DataSection'
import { CallsSection } from './CallsSection'
import { IceServersField, TurnSecretField } from './IceServersField'
import { RemindersSection } from './RemindersSection'
import { SettingsSection } from './SettingsSection'
import { systemTimeZone, timeZoneOptions } from '@renderer/components/time-zones'
import { useAppInfo } from '@renderer/hooks/useAppInfo'
import { formatClock, resolveHourCycle, systemHourCycle } from '@shared/time-format'
import { WorkingHoursFields } from '@renderer/components/WorkingHoursFields'

export function SettingsPage() {
  const { settings, save } = useSettings()
  const appInfo = useAppInfo()
  const [draft, setDraft] = useState<Settings | null>(settings)
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)

  // Take in changes saved elsewhere (another window) while nothing is being edited here.
  const dirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify(settings), [draft, settings])
  useEffect(() => {
    if (!dirty) setDraft(settings)
  }, [dirty, settings])

  const errors = useMemo(() => (draft ? fieldErrors(settingsSchema, draft) : {}), [draft])
  const valid = Object.keys(errors).length === 0
  const zones = useMemo(() => timeZoneOptions(), [])
  const ownZone = systemTimeZone()

  async function submit(): Promise<void> {
    if (!draft || !dirty || !valid || saving) return
    setSaving(true)
    setSaveError(null)
    try {
      const saved = await save(draft)
      setDraft(saved)
      notifications.show({ message: 'Settings saved', color: 'greenroom', icon: <IconCheck size={18} /> })
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error))
    } finally {
      setSaving(false)
    }
  }

  useHotkeys([['mod+s', () => void submit()]], [])

  if (!draft) return null
  const update = (patch: Partial<Settings>): void => setDraft({ ...draft, ...patch })
  const hours = draft.workingHours
  const isPreset = (CALL_LENGTH_PRESETS as readonly number[]).includes(draft.defaultCallMinutes)
  const zoneNow = DateTime.now().setZone(draft.timeZone)
  // The draft's clock, so the choice shows at once, before it is saved.
  const cycle = resolveHourCycle(draft.timeFormat, navigator.language)

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <PageHeader
        title="Settings"
        description="How Greenroom shows times, plans calls and looks. Saved on this computer."
        actions={
          <Group gap="sm" wrap="nowrap">
            <Button variant="default" disabled={!dirty || saving} onClick={() => setDraft(settings)}>
              Discard changes
            </Button>
            <Button
              type="submit"
              leftSection={<IconDeviceFloppy size={18} aria-hidden />}
              disabled={!dirty || !valid}
              loading={saving}
              aria-keyshortcuts="Control+S"
            >
              Save
            </Button>
          </Group>
        }
      />
      <Stack gap="lg">
        {saveError && (
          <Text c="red" role="alert">
            {saveError}
          </Text>
        )}
        <SettingsSection title="You" description="Your name appears in messages Greenroom drafts for clients.">
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput
              label="Your name"
              placeholder="e.g. Ana Souza"
              value={draft.userName}
              error={errors.userName}
              onChange={(event) => update({ userName: event.currentTarget.value })}
            />
            <Stack gap={4}>
              <Select
                label="Your time zone"
                searchable
                data={zones}
                value={draft.timeZone}
                error={errors.timeZone}
                nothingFoundMessage="No zone by that name"
                limit={60}
                allowDeselect={false}
                onChange={(zone) => zone && update({ timeZone: zone })}
              />
              <Group gap="xs">
                <Text size="xs" c="dimmed">
                  It is {zoneNow.toFormat('ccc')} {formatClock(zoneNow, cycle)} there now.
                </Text>
                {draft.timeZone !== ownZone && (
                  <Button variant="subtle" size="compact-xs" onClick={() => update({ timeZone: ownZone })}>
                    Use this computer’s zone ({ownZone})
                  </Button>
                )}
              </Group>
            </Stack>
          </SimpleGrid>
        </SettingsSection>

        <SettingsSection
          title="Working hours"
          description="Greenroom warns you when a client proposes a time outside these hours, and offers slots inside them."
        >
          <WorkingHoursFields
            value={hours}
            cycle={cycle}
            errors={{ days: errors['workingHours.days'], start: errors['workingHours.start'], end: errors['workingHours.end'] }}
            onChange={(workingHours) => update({ workingHours })}
          />
        </SettingsSection>

        <SettingsSection
          title="Call length"
          description="Interview calls are unpaid: a fixed length keeps them focused. This is the length new interviews start with."
        >
          <Input.Wrapper label="Default call length" error={errors.defaultCallMinutes}>
            <Group gap="md" mt={6} align="center">
              <SegmentedControl
                aria-label="Default call length"
                value={isPreset ? String(draft.defaultCallMinutes) : 'custom'}
                data={[
                  ...CALL_LENGTH_PRESETS.map((minutes) => ({ value: String(minutes), label: `${minutes} min` })),
                  { value: 'custom', label: 'Custom' }
                ]}
                onChange={(value) => update({ defaultCallMinutes: value === 'custom' ? 45 : Number(value) })}
              />
              {!isPreset && (
                <NumberInput
                  aria-label="Custom call length in minutes"
                  suffix=" min"
                  min={5}
                  max={240}
                  step={5}
                  w={120}
                  value={draft.defaultCallMinutes}
                  onChange={(value) => update({ defaultCallMinutes: typeof value === 'number' ? value : Number.NaN })}
                />
              )}
            </Group>
          </Input.Wrapper>
          <NumberInput
            label="Free time around each call"
            description="Greenroom warns when a proposed time comes closer than this to another call, and leaves it out of suggested slots."
            suffix=" min"
            min={0}
            max={120}
            step={5}
            w={320}
            value={draft.bufferMinutes}
            error={errors.bufferMinutes}
            onChange={(value) => update({ bufferMinutes: typeof value === 'number' ? value : Number.NaN })}
          />
        </SettingsSection>

        <RemindersSection draft={draft} errors={errors} update={update} appInfo={appInfo} />

        <SettingsSection
          title="Call servers"
          description="STUN and TURN servers for calls across networks, as your call service or network admin gives them. The connection test uses them too."
        >
          <IceServersField value={draft.iceServers} onChange={(iceServers) => update({ iceServers })} errors={errors} />
          <TurnSecretField draft={draft} error={errors.turnSecret} onChange={(turnSecret) => update({ turnSecret })} />
        </SettingsSection>

        <SettingsSection
          title="Call rooms"
          description="Where call rooms are made. Each interview gets its own room and invite link; the client opens it in any modern browser."
        >
          <CallsSection value={draft.signaling} onChange={(signaling) => update({ signaling })} errors={errors} />
        </SettingsSection>

        <SettingsSection title="Appearance" description="Follow your system’s light or dark mode and clock, or pick your own.">
          <SegmentedControl
            aria-label="Theme"
            w="fit-content"
            value={draft.theme}
            data={[
              { value: 'system', label: 'System' },
              { value: 'light', label: 'Light' },
              { value: 'dark', label: 'Dark' }
            ]}
            onChange={(value) => update({ theme: value as Settings['theme'] })}
          />
          <Select
            label="Time format"
            description={`Every time in Greenroom, and in the messages it writes, uses this clock. Now: ${formatClock(zoneNow, cycle)}.`}
            maw={420}
            allowDeselect={false}
            value={draft.timeFormat}
            data={[
              { value: 'system', label: `From your system (${systemHourCycle(navigator.language) === '12h' ? '12-hour' : '24-hour'})` },
              { value: '24h', label: '24-hour (16:30)' },
              { value: '12h', label: '12-hour (4:30 PM)' }
            ]}
            onChange={(value) => value && update({ timeFormat: value as Settings['timeFormat'] })}
          />
        </SettingsSection>

        <DataSection appInfo={appInfo} />
      </Stack>
    </form>
  )
}
