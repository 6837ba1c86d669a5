import { Alert, Code, NumberInput, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import type { SignalingInfo } from '../../../../shared/call'
import type { SignalingSettings } from '../../../../shared/settings'

/** Where call rooms are made: the app's own server (this computer or the local network), or a server of your own. */
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
  }, [value.mode, value.listen, value.port])
  const set = (patch: Partial<SignalingSettings>) => onChange({ ...value, ...patch })
  // What this page sends as its Origin when it joins a call (file:// in the desktop app).
  const pageOrigin = window.location.origin
  const lanUrl = info?.lanAddresses[0] ? `http://${info.lanAddresses[0]}:${value.port || '…'}` : null
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
      {value.mode === 'embedded' ? (
        <>
          <SegmentedControl
            aria-label="Who can reach it"
            w="fit-content"
            value={value.listen}
            onChange={(listen) => set({ listen: listen as SignalingSettings['listen'] })}
            data={[
              { value: 'loopback', label: 'This computer only' },
              { value: 'lan', label: 'My local network' }
            ]}
          />
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
          {value.listen === 'lan' ? (
            <Alert color="blue" icon={<IconInfoCircle size={18} />}>
              <Text size="sm">
                Guests on your network reach calls at {lanUrl ? <Code>{info?.running && info.baseUrl ? info.baseUrl : lanUrl}</Code> : 'this computer’s address'}
                {info?.lanAddresses && info.lanAddresses.length > 1 && <> (also {info.lanAddresses.slice(1).join(', ')})</>}. Your firewall may ask to let
                Greenroom accept connections. For guests elsewhere on the internet, run a server of your own.
              </Text>
            </Alert>
          ) : (
            <Text size="sm" c="dimmed">
              Invite links open on this computer only (127.0.0.1): good for trying a call out. Choose your local network or a server of yours to
              call someone else.
            </Text>
          )}
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
        </>
      )}
    </Stack>
  )
}
