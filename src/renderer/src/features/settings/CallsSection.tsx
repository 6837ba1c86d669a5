import { Alert, Code, NumberInput, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import type { SignalingInfo } from '@shared/call'
import type { SignalingSettings } from '@shared/settings'
import { ServerCheck } from './ServerCheck'

/** Where call rooms are made: the app's own server (this computer only), or a server of your own. */
export function CallsSection({
  value,
  onChange,
  errors
}: {
  value: SignalingSettings
  onChange: (value: SignalingSettings) => void
  errors: Partial<Record<string, string>>
}) {
  const [info, setInfo] = useState<SignalingInfo | null>(null)
  useEffect(() => {
    window.greenroom
      .getSignalingInfo()
      .then(setInfo)
      .catch(() => setInfo(null))
  }, [value.mode, value.port])
  const set = (patch: Partial<SignalingSettings>) => onChange({ ...value, ...patch })
  // What this page sends as its Origin when it joins a call (app://greenroom in the desktop app).
  const pageOrigin = window.location.origin
  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label="Call server"
        w="fit-content"
        value={value.mode}
        onChange={(mode) => set({ mode: mode as SignalingSettings['mode'] })}
        data={[
          { value: 'embedded', label: 'Greenroom’s own' },
          { value: 'remote', label: 'A server of mine' }
        ]}
      />
      {info?.retiredLocalNetwork && (
        <Alert color="yellow" icon={<IconInfoCircle size={18} />} title="“My local network” is gone">
          <Text size="sm">
            Browsers refuse the camera and microphone on its plain links, so guests could not join. Invite links now open on this computer
            only. To call a client on another computer, set up a server of your own (the README’s “Calling clients over the internet”) and
            choose it as the call server above. Saving Settings hides this note.
          </Text>
        </Alert>
      )}
      {value.mode === 'embedded' ? (
        <>
          <NumberInput
            label="Port"
            description="0 picks a free one and keeps it while invite links are alive"
            w={220}
            min={0}
            max={65535}
            allowDecimal={false}
            value={value.port}
            onChange={(port) => set({ port: typeof port === 'number' ? port : 0 })}
            error={errors['signaling.port']}
          />
          <Text size="sm" c="dimmed">
            Invite links open on this computer only (127.0.0.1): good for trying a call out. To call a client on another computer, run a
            server of your own (the README’s “Calling clients over the internet”) and choose it as the call server above.
          </Text>
        </>
      ) : (
        <>
          <TextInput
            label="Server address"
            description="Where you run `npm run signal`, e.g. https://signal.example.com"
            placeholder="https://signal.example.com"
            value={value.remoteUrl}
            onChange={(event) => set({ remoteUrl: event.currentTarget.value })}
            error={errors['signaling.remoteUrl']}
          />
          <PasswordInput
            label="Admin secret"
            description="The secret the server printed or was started with"
            value={value.adminSecret}
            onChange={(event) => set({ adminSecret: event.currentTarget.value })}
            error={errors['signaling.adminSecret']}
          />
          {pageOrigin.startsWith('http') && (
            <Text size="sm" c="dimmed">
              The server lets in only its own call page, the desktop app and the pages it was told of: start it with{' '}
              <Code style={{ whiteSpace: 'nowrap' }}>--allow-origin {pageOrigin}</Code> and start Greenroom with the same --port each time.
            </Text>
          )}
          <ServerCheck
            url={value.remoteUrl.trim()}
            adminSecret={value.adminSecret.trim()}
            disabled={Boolean(errors['signaling.remoteUrl'] || errors['signaling.adminSecret'])}
          />
        </>
      )}
    </Stack>
  )
}
