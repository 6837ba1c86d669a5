import { Alert, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useMemo } from 'react'
import { BUILTIN_CALL_WARNING, contactDetailsWarning, findContactDetails } from '../../../../shared/marketplace-rules'

/** Shown where the user is about to hold an Upwork client's call in Greenroom before a contract. */
export function BuiltinCallWarning() {
  return (
    <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="Upwork’s rules before a contract" p="sm">
      <Text size="sm">{BUILTIN_CALL_WARNING}</Text>
    </Alert>
  )
}

/** Under a message to paste: says which contact details it holds and why that matters on Upwork. A warning, never a block. */
export function ContactDetailsWarning({ text, applies }: { text: string; applies: boolean }) {
  const warning = useMemo(() => (applies ? contactDetailsWarning(findContactDetails(text)) : null), [text, applies])
  if (!warning) return null
  return (
    <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="Contact details in this message" p="sm" role="alert">
      <Text size="sm">{warning}</Text>
    </Alert>
  )
}
