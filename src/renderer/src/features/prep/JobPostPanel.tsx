import { ActionIcon, Anchor, Button, CopyButton, Group, Paper, ScrollArea, Stack, Text, Title, Tooltip } from '@mantine/core'
import { IconCopy, IconQuote } from '@tabler/icons-react'
import { useRef, useState } from 'react'
import { Link } from 'react-router'
import type { Job } from '@shared/pipeline'
import { JobFacts } from '@renderer/components/JobFacts'

/** "> line" for every line: the client's words as a Markdown quote. */
export function asQuote(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => `> ${line}`.trimEnd())
    .join('\n')
}

/** The job post in full beside the checklist: the client's own words, easy to quote into the notes. */
export function JobPostPanel({
  job,
  interviewId,
  onQuote,
  height
}: {
  job: Job | null
  interviewId: string
  onQuote: (quote: string) => void
  height: number
}) {
  const body = useRef<HTMLDivElement>(null)
  const [selection, setSelection] = useState('')
  const readSelection = () => {
    const current = window.getSelection()
    const inside = current && current.rangeCount > 0 && body.current?.contains(current.getRangeAt(0).commonAncestorContainer)
    setSelection(inside ? current.toString().trim() : '')
  }
  if (!job) {
    return (
      <Paper withBorder radius="lg" p="md" component="section" aria-label="Job post">
        <Title order={2} size="h4" mb="xs">
          Job post
        </Title>
        <Text size="sm" c="dimmed">
          This interview has no job post. Paste it on the{' '}
          <Anchor component={Link} to={`/interviews/${interviewId}`} size="sm">
            interview page
          </Anchor>{' '}
          so you can reread the client’s own words here.
        </Text>
      </Paper>
    )
  }
  const paragraphs = job.description.split(/\n\s*\n/).filter((part) => part.trim())
  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="job-post-title">
      <Group justify="space-between" wrap="nowrap" mb={4} align="flex-start">
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Job post
          </Text>
          <Title order={2} size="h4" id="job-post-title">
            {job.title}
          </Title>
        </div>
        <CopyButton value={job.description}>
          {({ copied, copy }) => (
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconCopy size={14} />}
              onClick={copy}
              disabled={!job.description}
              style={{ flexShrink: 0 }}
            >
              {copied ? 'Copied' : 'Copy post'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <JobFacts job={job} gap={6} mb="xs" />
      <Group gap="xs" mb={6} mih={26}>
        {selection ? (
          <Button size="compact-sm" variant="light" leftSection={<IconQuote size={14} />} onClick={() => onQuote(asQuote(selection))}>
            Quote selection in notes
          </Button>
        ) : (
          <Text size="xs" c="dimmed">
            Select words to quote them in your notes, or use the quote button beside a paragraph.
          </Text>
        )}
      </Group>
      <ScrollArea.Autosize mah={height} type="auto" offsetScrollbars>
        <div ref={body} onMouseUp={readSelection} onKeyUp={readSelection} aria-label="The client’s words" role="document">
          {paragraphs.length === 0 ? (
            <Text size="sm" c="dimmed">
              No description saved.
            </Text>
          ) : (
            <Stack gap="xs">
              {paragraphs.map((paragraph, index) => (
                <Group key={index} wrap="nowrap" align="flex-start" gap={4} className="greenroom-quotable">
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', userSelect: 'text', flex: 1 }}>
                    {paragraph.trim()}
                  </Text>
                  <Tooltip label="Quote in notes">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-label={`Quote paragraph ${index + 1} in notes`}
                      onClick={() => onQuote(asQuote(paragraph))}
                    >
                      <IconQuote size={14} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              ))}
            </Stack>
          )}
        </div>
      </ScrollArea.Autosize>
    </Paper>
  )
}
