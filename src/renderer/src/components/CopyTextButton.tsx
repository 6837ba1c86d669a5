import { Button, CopyButton, type ButtonProps } from '@mantine/core'
import { IconCheck, IconCopy } from '@tabler/icons-react'

/** Copies text the user pastes elsewhere (a marketplace's message box), saying so once it did. */
export function CopyTextButton({ text, label, ...props }: { text: string; label: string } & Omit<ButtonProps, 'children'>) {
  return (
    <CopyButton value={text}>
      {({ copied, copy }) => (
        <Button
          variant="default"
          leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
          disabled={text.trim() === ''}
          {...props}
          onClick={copy}
        >
          {copied ? 'Copied' : label}
        </Button>
      )}
    </CopyButton>
  )
}
