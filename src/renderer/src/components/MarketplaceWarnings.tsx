import { Alert, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useMemo } from 'react'
import { BUILTIN_CALL_WARNING, contactDetailsWarning, findContactDetails } from '@shared/marketplace-rules'

/** Shown where the user is about to hold an Upwork client's call in Greenroom before a contract. */
export function BuiltinCallWarning() {
  return (
    <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="Upwork’s rules before a contract" p="sm">
      <Text size="sm">{BUILTIN_CALL_WARNING}</Text>
    </Alert>
  )
}

/**
 * Under a message to paste: says which contact details it holds and why that matters on
 * Upwork. A warning, never a block. `callLink`, the call's own link (the client's Zoom or
 * Upwork's integration), is no contact detail of the user's.
 */
export function ContactDetailsWarning({ text, applies, callLink = '' }: { text: string; applies: boolean; callLink?: string }) {
  const warning = useMemo(
    () =>
      applies ? contactDetailsWarning(findContactDetails(text).filter((detail) => callLink === '' || detail.text !== callLink)) : null,
    [text, applies, callLink]
  )
  if (!warning) return null
  return (
    <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="Contact details in this message" p="sm" role="alert">
      <Text size="sm">{warning}</Text>
    </Alert>
  )
}
