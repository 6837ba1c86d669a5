import { Button, Chip, Group, Input, NumberInput, Switch, Text } from '@mantine/core'
import { useState } from 'react'
import type { AppInfo } from '@shared/contract'
import { leadText } from '@shared/reminder-text'
import type { Settings } from '@shared/settings'
import { SettingsSection } from './SettingsSection'

const LEAD_PRESETS = [2880, 1440, 180, 60, 30, 15, 10, 5]

type Patch = Partial<Pick<Settings, 'reminderLeadMinutes' | 'noShowMarginMinutes' | 'startAtLogin'>>

function BrowserNotifications() {
  const supported = typeof window !== 'undefined' && 'Notification' in window
  const [permission, setPermission] = useState(supported ? Notification.permission : 'denied')
  if (!supported)
    return (
      <Text size="sm" c="dimmed">
        This browser cannot show desktop notifications; reminders appear inside Greenroom.
      </Text>
    )
  if (permission === 'granted')
    return <Text size="sm">Desktop notifications are on: reminders reach you while this tab is in the background.</Text>
  if (permission === 'denied')
    return (
      <Text size="sm" c="dimmed">
        Desktop notifications are blocked in this browser’s site settings; reminders appear inside Greenroom.
      </Text>
    )
  return (
    <Group gap="sm">
      <Button variant="light" onClick={() => void Notification.requestPermission().then(setPermission)}>
        Allow desktop notifications
      </Button>
      <Text size="sm" c="dimmed">
        So reminders reach you while this tab is in the background.
      </Text>
    </Group>
  )
}

/** Lead times, the no-show margin, start at login and (browser mode) notification permission. */
export function RemindersSection({
  draft,
  errors,
  update,
  appInfo
}: {
  draft: Settings
  errors: Partial<Record<string, string>>
  update: (patch: Patch) => void
  appInfo: AppInfo | null
}) {
  const choices = [...new Set([...LEAD_PRESETS, ...draft.reminderLeadMinutes])].sort((a, b) => b - a)
  const desktop = appInfo?.mode === 'electron'
  return (
    <SettingsSection
      title="Reminders"
      description="When Greenroom reminds you of a call. Reminders ring even after a restart; any missed while Greenroom was closed are shown once when it opens."
    >
      <Input.Wrapper
        label="Remind me before each call"
        error={errors.reminderLeadMinutes}
        description={draft.reminderLeadMinutes.length === 0 ? 'No reminders: you will only get the no-show question.' : undefined}
      >
        <Chip.Group
          multiple
          value={draft.reminderLeadMinutes.map(String)}
          onChange={(values) => update({ reminderLeadMinutes: values.map(Number).sort((a, b) => b - a) })}
        >
          <Group gap="xs" mt={6}>
            {choices.map((minutes) => (
              <Chip key={minutes} value={String(minutes)}>
                {leadText(minutes)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Input.Wrapper>
      <NumberInput
        label="Ask whether the client came"
        description="Minutes after a call’s start. “No” marks the interview a no-show and flags the client."
        suffix=" min after the start"
        min={1}
        max={120}
        w={320}
        value={draft.noShowMarginMinutes}
        error={errors.noShowMarginMinutes}
        onChange={(value) => update({ noShowMarginMinutes: typeof value === 'number' ? value : Number.NaN })}
      />
      <Switch
        label="Start Greenroom when I log in"
        description={
          desktop
            ? 'It starts in the tray, so reminders ring even before you open it.'
            : 'Desktop app only: in browser mode, start Greenroom yourself.'
        }
        checked={draft.startAtLogin}
        disabled={!desktop}
        onChange={(event) => update({ startAtLogin: event.currentTarget.checked })}
      />
      {appInfo?.mode === 'browser' && <BrowserNotifications />}
    </SettingsSection>
  )
}
