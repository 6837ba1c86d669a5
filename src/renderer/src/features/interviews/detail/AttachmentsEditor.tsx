import { ActionIcon, Anchor, Button, Group, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core'
import { IconPaperclip, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import type { Proposal } from '@shared/pipeline'
import { useSave } from '@renderer/hooks/useSave'

const isWebLink = (reference: string) => /^https?:\/\//i.test(reference)

/** What went with the proposal, by reference: a link, or where the file lives. */
export function AttachmentsEditor({ proposal }: { proposal: Proposal }) {
  const [name, setName] = useState('')
  const [reference, setReference] = useState('')
  const { busy, run } = useSave()
  const save = (attachments: Proposal['attachments'], message: string) =>
    run(() => window.greenroom.updateProposalAttachments({ id: proposal.id, attachments }), message)

  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Attachments
      </Title>
      {proposal.attachments.length === 0 && (
        <Text size="sm" c="dimmed">
          None recorded.
        </Text>
      )}
      {proposal.attachments.map((attachment, index) => (
        <Group key={`${attachment.name}-${index}`} gap="xs" wrap="nowrap">
          <IconPaperclip size={14} aria-hidden />
          {isWebLink(attachment.reference) ? (
            <Anchor href={attachment.reference} target="_blank" rel="noreferrer" size="sm">
              {attachment.name}
            </Anchor>
          ) : (
            <Text size="sm">
              {attachment.name}{' '}
              <Text span c="dimmed">
                ({attachment.reference})
              </Text>
            </Text>
          )}
          <Tooltip label="Remove attachment">
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={`Remove ${attachment.name}`}
              onClick={() =>
                save(
                  proposal.attachments.filter((_, other) => other !== index),
                  'Attachment removed'
                )
              }
            >
              <IconX size={14} />
            </ActionIcon>
          </Tooltip>
        </Group>
      ))}
      <Group align="flex-end" gap="xs">
        <TextInput
          label="Attachment name"
          placeholder="Case study.pdf"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <TextInput
          label="Link or file location"
          placeholder="https://… or ~/Portfolio/…"
          value={reference}
          onChange={(event) => setReference(event.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button
          variant="default"
          disabled={!name.trim() || !reference.trim()}
          loading={busy}
          onClick={async () => {
            if (await save([...proposal.attachments, { name: name.trim(), reference: reference.trim() }], 'Attachment added')) {
              setName('')
              setReference('')
            }
          }}
        >
          Add
        </Button>
      </Group>
    </Stack>
  )
}
