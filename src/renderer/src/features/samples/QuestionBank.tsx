import { Accordion, ActionIcon, Badge, Box, Button, Group, List, Paper, Stack, Text, TextInput, Tooltip } from '@mantine/core'
import { IconPencil, IconPlus, IconQuestionMark, IconSearch, IconSparkles, IconTrash } from '@tabler/icons-react'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { holdsStarterPrompt, STARTER_QUESTIONS, type Question } from '@shared/prep'
import { Placeholder } from '@renderer/components/Placeholder'
import { QueryState } from '@renderer/components/QueryState'
import { useQuery } from '@renderer/hooks/useQuery'
import { useSave } from '@renderer/hooks/useSave'
import { ConfirmDelete } from './ConfirmDelete'
import { QuestionModal } from './QuestionModal'
import { TagBadges } from '@renderer/components/TagBadges'

export function matchesQuery(text: string, query: string): boolean {
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.toLowerCase().includes(word))
}

/** Whether the bank holds every starter question already (by wording, as adding them checks). */
const hasEveryStarter = (questions: Question[]) => {
  const wordings = new Set(questions.map((question) => question.question.toLowerCase()))
  return STARTER_QUESTIONS.every((starter) => wordings.has(starter.question.toLowerCase()))
}

export const tagsOf = (items: { tags: string[] }[]) => [...new Set(items.flatMap((item) => item.tags))].sort()

/** Reusable questions with prepared answers and tags; interviews pick the likely ones. */
export function QuestionBank() {
  const questions = useQuery(() => window.greenroom.listQuestions(), [])
  const [query, setQuery] = useState('')
  const [editing, setEditing] = useState<Question | 'new' | null>(null)
  const [deleting, setDeleting] = useState<Question | null>(null)
  const { busy, run } = useSave()
  const starters = async () => {
    let added = 0
    const saved = await run(async () => {
      added = (await window.greenroom.addStarterQuestions()).length
    })
    if (saved)
      notifications.show({
        message:
          added > 0
            ? `${added} common questions added: open one to write your own answer`
            : 'Your bank already has all the common questions'
      })
  }
  return (
    <QueryState query={questions}>
      {(loaded) => {
        const shown = loaded.filter((question) => matchesQuery(`${question.question} ${question.answer} ${question.tags.join(' ')}`, query))
        return (
          <Stack gap="sm">
            {loaded.length === 0 ? (
              <Placeholder
                icon={<IconQuestionMark size={32} aria-hidden />}
                title="No questions in your bank yet"
                description={`Start with the ${STARTER_QUESTIONS.length} questions clients ask most, each with a prompt for your answer, and make them your own. Pick the likely ones for each interview; mark the ones that went badly and Greenroom reminds you to follow up.`}
                actions={
                  <>
                    <Button leftSection={<IconSparkles size={16} />} loading={busy} onClick={() => void starters()}>
                      Add the {STARTER_QUESTIONS.length} common questions
                    </Button>
                    <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                      Write my own
                    </Button>
                  </>
                }
              >
                <Box maw={460} mx="auto" my="xs" ta="left">
                  <List size="sm" c="dimmed" aria-label="Common questions" spacing={2} withPadding>
                    {STARTER_QUESTIONS.slice(0, 5).map((starter) => (
                      <List.Item key={starter.question}>{starter.question}</List.Item>
                    ))}
                    <List.Item>
                      …and {STARTER_QUESTIONS.length - 5} more: your rate, a lower budget, updates, scope changes, and what to ask them.
                    </List.Item>
                  </List>
                </Box>
              </Placeholder>
            ) : (
              <>
                <Group justify="space-between">
                  <TextInput
                    leftSection={<IconSearch size={16} />}
                    placeholder="Find by words or tag"
                    aria-label="Find questions"
                    value={query}
                    onChange={(event) => setQuery(event.currentTarget.value)}
                    w={320}
                  />
                  <Group gap="xs">
                    {!hasEveryStarter(loaded) && (
                      <Button variant="default" leftSection={<IconSparkles size={16} />} loading={busy} onClick={() => void starters()}>
                        Add common questions
                      </Button>
                    )}
                    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                      New question
                    </Button>
                  </Group>
                </Group>
                {shown.length === 0 ? (
                  <Text c="dimmed" size="sm">
                    No question matches “{query}”.
                  </Text>
                ) : (
                  <Paper withBorder radius="lg">
                    <Accordion variant="default" chevronPosition="left">
                      {shown.map((question) => (
                        <Accordion.Item key={question.id} value={question.id}>
                          <Group wrap="nowrap" gap={0} pr="sm">
                            <Accordion.Control>
                              <Group gap="xs">
                                <Text size="sm" fw={500}>
                                  {question.question}
                                </Text>
                                <TagBadges tags={question.tags} />
                                {holdsStarterPrompt(question) && (
                                  <Badge size="xs" variant="outline" color="yellow">
                                    Write your answer
                                  </Badge>
                                )}
                              </Group>
                            </Accordion.Control>
                            <Tooltip label="Edit">
                              <ActionIcon
                                variant="subtle"
                                color="gray"
                                aria-label={`Edit “${question.question}”`}
                                onClick={() => setEditing(question)}
                              >
                                <IconPencil size={16} />
                              </ActionIcon>
                            </Tooltip>
                            <Tooltip label="Delete">
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                aria-label={`Delete “${question.question}”`}
                                onClick={() => setDeleting(question)}
                              >
                                <IconTrash size={16} />
                              </ActionIcon>
                            </Tooltip>
                          </Group>
                          <Accordion.Panel>
                            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={question.answer ? undefined : 'dimmed'}>
                              {question.answer || 'No prepared answer yet.'}
                            </Text>
                          </Accordion.Panel>
                        </Accordion.Item>
                      ))}
                    </Accordion>
                  </Paper>
                )}
              </>
            )}
            {editing && (
              <QuestionModal question={editing === 'new' ? undefined : editing} tags={tagsOf(loaded)} onClose={() => setEditing(null)} />
            )}
            {deleting && (
              <ConfirmDelete
                title="Delete this question?"
                body={`“${deleting.question}” leaves the bank and every interview it was picked for. Follow-ups it left stay.`}
                action="Delete question"
                onConfirm={() => run(() => window.greenroom.deleteQuestion({ id: deleting.id }), 'Question deleted')}
                onClose={() => setDeleting(null)}
              />
            )}
          </Stack>
        )
      }}
    </QueryState>
  )
}
