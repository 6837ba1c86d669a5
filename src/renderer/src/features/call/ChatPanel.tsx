import { ActionIcon, Anchor, Box, CloseButton, Group, Indicator, Paper, ScrollArea, Stack, Text, TextInput, Tooltip } from '@mantine/core'
import { IconMessage, IconSend } from '@tabler/icons-react'
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { CHAT_TEXT_MAX } from '@shared/call'
import type { ChatMessage } from './engine/call-runner'

/** Web links in a message: shown as links, opened (outside the app) only when clicked, never fetched for a preview. */
const LINK = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/gi

/** A message's text with its web links as links; everything else (an e-mail address too) stays plain text. */
export function chatText(text: string): ReactNode[] {
  const parts: ReactNode[] = []
  let last = 0
  for (const match of text.matchAll(LINK)) {
    const start = match.index
    if (start > last) parts.push(text.slice(last, start))
    parts.push(
      // The desktop app's window-open handler sends http(s) links to the system browser.
      <Anchor key={start} href={match[0]} target="_blank" rel="noopener noreferrer" underline="always" style={{ wordBreak: 'break-all' }}>
        {match[0]}
      </Anchor>
    )
    last = start + match[0].length
  }
  if (last < text.length) parts.push(text.slice(last))
  return parts
}

/** Chat open or closed, and how many messages from the other side came while it was closed. */
export function useChatPanel(chat: ChatMessage[]) {
  const [open, setOpen] = useState(false)
  const [seen, setSeen] = useState(0)
  useEffect(() => {
    if (open) setSeen(chat.length)
  }, [open, chat.length])
  const unread = open ? 0 : chat.slice(seen).filter((message) => !message.mine).length
  return { open, unread, toggle: () => setOpen((was) => !was), close: () => setOpen(false) }
}

export function ChatToggle({ open, unread, onClick }: { open: boolean; unread: number; onClick: () => void }) {
  const label = open ? 'Close chat' : unread > 0 ? `Open chat, ${unread} unread` : 'Open chat'
  return (
    <Tooltip label={label} withArrow>
      <Indicator label={unread} size={18} color="red" disabled={unread === 0} offset={6} aria-hidden={false}>
        <ActionIcon
          size={52}
          radius="xl"
          variant={open ? 'filled' : 'default'}
          color={open ? 'blue' : 'gray'}
          aria-label={label}
          aria-pressed={open}
          onClick={onClick}
        >
          <IconMessage size={22} />
        </ActionIcon>
      </Indicator>
    </Tooltip>
  )
}

export function ChatPanel({
  chat,
  peerName,
  canSend,
  onSend,
  onClose
}: {
  chat: ChatMessage[]
  peerName: string
  canSend: boolean
  onSend: (text: string) => boolean
  onClose: () => void
}) {
  const [draft, setDraft] = useState('')
  const end = useRef<HTMLDivElement>(null)
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' })
  }, [chat.length])
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (onSend(draft)) setDraft('')
  }
  return (
    <Paper className="greenroom-chat" shadow="lg" radius="md" role="complementary" aria-label="Chat">
      <Group justify="space-between" px="sm" py={6} className="greenroom-chat-header">
        <Text fw={600} size="sm">
          Chat with {peerName}
        </Text>
        <CloseButton aria-label="Close chat" onClick={onClose} size="sm" />
      </Group>
      <ScrollArea className="greenroom-chat-messages" px="sm" type="auto">
        <Stack gap={6} py="xs" role="log" aria-label="Chat messages" aria-live="polite">
          {chat.length === 0 && (
            <Text size="sm" c="dimmed">
              Messages here are seen by both of you and saved with the interview’s notes when the call ends.
            </Text>
          )}
          {chat.map((message) => (
            <Box key={message.id} className="greenroom-chat-message" data-mine={message.mine ? 'true' : undefined}>
              <Text size="xs" c="dimmed">
                {message.mine ? 'You' : peerName}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {chatText(message.text)}
              </Text>
            </Box>
          ))}
          <div ref={end} />
        </Stack>
      </ScrollArea>
      <form onSubmit={submit}>
        <Group gap={6} p="xs" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            size="sm"
            placeholder={canSend ? 'Write a message' : 'Chat works while the call is connected'}
            aria-label="Message"
            value={draft}
            maxLength={CHAT_TEXT_MAX}
            disabled={!canSend}
            onChange={(event) => setDraft(event.currentTarget.value)}
          />
          <ActionIcon type="submit" size={36} aria-label="Send message" disabled={!canSend || !draft.trim()}>
            <IconSend size={18} />
          </ActionIcon>
        </Group>
      </form>
    </Paper>
  )
}
