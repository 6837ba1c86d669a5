import { ActionIcon, Alert, Button, Group, PasswordInput, Stack, Text, TextInput, Tooltip } from '@mantine/core'
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { guestRelayNote } from '@shared/guest-ice'
import type { IceServer, Settings } from '@shared/settings'

/** The STUN and TURN servers calls and the connection test use; an empty list means local only. */
export function IceServersField({
  value,
  onChange,
  errors
}: {
  value: IceServer[]
  onChange: (servers: IceServer[]) => void
  errors: Partial<Record<string, string>>
}) {
  const update = (index: number, patch: Partial<IceServer>) =>
    onChange(value.map((server, other) => (other === index ? { ...server, ...patch } : server)))
  // A new, empty row is not a mistake yet: its address is checked once typed in or left.
  const [left, setLeft] = useState<ReadonlySet<number>>(new Set())
  const addressError = (index: number) =>
    value[index]!.url.trim() !== '' || left.has(index) ? errors[`iceServers.${index}.url`] : undefined
  const remove = (index: number) => {
    onChange(value.filter((_, other) => other !== index))
    setLeft(new Set([...left].filter((other) => other !== index).map((other) => (other > index ? other - 1 : other))))
  }
  return (
    <Stack gap="xs">
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          No servers: calls and tests use direct connections only, which work on the same network.
        </Text>
      )}
      {value.map((server, index) => (
        <Group key={index} align="flex-start" gap="xs" wrap="nowrap">
          <TextInput
            label={index === 0 ? 'Server address' : undefined}
            aria-label={`Server ${index + 1} address`}
            placeholder="turn:turn.example.com:3478"
            value={server.url}
            error={addressError(index)}
            onChange={(event) => update(index, { url: event.currentTarget.value })}
            onBlur={() => setLeft(new Set([...left, index]))}
            style={{ flex: 2 }}
          />
          <TextInput
            label={index === 0 ? 'User name' : undefined}
            aria-label={`Server ${index + 1} user name`}
            value={server.username}
            onChange={(event) => update(index, { username: event.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <PasswordInput
            label={index === 0 ? 'Password' : undefined}
            aria-label={`Server ${index + 1} password`}
            value={server.credential}
            onChange={(event) => update(index, { credential: event.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <Tooltip label="Remove server">
            <ActionIcon
              variant="subtle"
              color="red"
              mt={index === 0 ? 28 : 4}
              aria-label={`Remove server ${index + 1}`}
              onClick={() => remove(index)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      ))}
      <Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} />}
          disabled={value.length >= 10}
          onClick={() => onChange([...value, { url: '', username: '', credential: '' }])}
        >
          Add server
        </Button>
      </Group>
    </Stack>
  )
}

/**
 * The TURN server's shared secret, from which the app's own call server mints each call's
 * TURN passwords, and why a guest gets no relay when that cannot happen.
 */
export function TurnSecretField({
  draft,
  error,
  onChange
}: {
  draft: Settings
  error: string | undefined
  onChange: (secret: string) => void
}) {
  const note = guestRelayNote(draft)
  return (
    <Stack gap="xs">
      {draft.signaling.mode === 'embedded' && (
        <PasswordInput
          label="TURN shared secret"
          description="Your TURN server’s static-auth-secret (coturn). Leave the TURN server’s user name empty above: each call then gets a password of its own, valid only while its invite link lives. The secret stays on this computer."
          maw={520}
          value={draft.turnSecret}
          error={error}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      )}
      {note && (
        <Alert color="yellow" icon={<IconInfoCircle size={18} />} p="xs">
          <Text size="sm">{note}</Text>
        </Alert>
      )}
    </Stack>
  )
}
