import { Button, Card, Group, Stack, Tabs, Text, ThemeIcon, Title } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconInbox, IconPlus, IconSparkles } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { Link, useNavigate } from 'react-router'
import type { InboxItem } from '@shared/pipeline'
import { PageHeader } from '@renderer/components/PageHeader'
import { Placeholder } from '@renderer/components/Placeholder'
import { QueryState } from '@renderer/components/QueryState'
import { useSettings } from '@renderer/hooks/settings-context'
import { useQuery } from '@renderer/hooks/useQuery'
import { DemoDataButton } from '@renderer/components/DemoDataButton'
import { AcceptModal, ArchiveModal, DeclineModal } from './AnswerModals'
import { InvitationCard, type Answer } from './InvitationCard'
import { NewInvitationModal } from './NewInvitationModal'

type Tab = 'waiting' | 'answered'

export function InboxPage() {
  const { settings } = useSettings()
  const navigate = useNavigate()
  const [tab, setTab] = useState<Tab>('waiting')
  const [adding, setAdding] = useState(false)
  const [selected, setSelected] = useState(0)
  const [answering, setAnswering] = useState<{ item: InboxItem; answer: Answer } | null>(null)
  const cards = useRef<(HTMLDivElement | null)[]>([])
  const inbox = useQuery(
    () => window.greenroom.listInvitations({ statuses: tab === 'waiting' ? ['pending'] : ['accepted', 'declined', 'archived'] }),
    [tab]
  )
  const pendingCount = useQuery(() => window.greenroom.listInvitations({ statuses: ['pending'] }).then((items) => items.length), [])
  const items = inbox.data ?? []
  const isNewUser = settings !== null && settings.userName === ''

  useEffect(() => setSelected((index) => Math.min(index, Math.max(0, items.length - 1))), [items.length])

  const move = (step: number) => {
    if (items.length === 0) return
    const next = Math.min(items.length - 1, Math.max(0, selected + step))
    setSelected(next)
    cards.current[next]?.focus()
  }
  const answerSelected = (answer: Answer) => {
    const item = items[selected]
    if (item && item.invitation.status === 'pending' && !answering && !adding) setAnswering({ item, answer })
  }
  useHotkeys([
    ['j', () => move(1)],
    ['ArrowDown', () => move(1)],
    ['k', () => move(-1)],
    ['ArrowUp', () => move(-1)],
    ['a', () => answerSelected('accept')],
    ['d', () => answerSelected('decline')],
    ['e', () => answerSelected('archive')],
    ['n', () => setAdding(true)]
  ])

  function answered(item: InboxItem): void {
    setAnswering(null)
    const { status, interviewId } = item.invitation
    notifications.show({
      message:
        status === 'accepted' ? (
          <Group gap="xs">
            Accepted. The interview is in your pipeline.
            <Button size="compact-xs" variant="light" onClick={() => navigate(`/interviews/${interviewId}`)}>
              Open it
            </Button>
          </Group>
        ) : status === 'declined' ? (
          'Declined, with your reasons recorded.'
        ) : (
          'Archived.'
        )
    })
  }

  return (
    <>
      <PageHeader
        title="Inbox"
        description="Interview invitations waiting for your answer. Clients see how fast you respond, so the oldest come first."
        actions={
          <Button leftSection={<IconPlus size={18} />} onClick={() => setAdding(true)} aria-keyshortcuts="N">
            Add invitation
          </Button>
        }
      />
      <Stack gap="lg">
        {isNewUser && (
          <Card withBorder radius="lg" padding="lg">
            <Group wrap="nowrap" align="flex-start" gap="md">
              <ThemeIcon size={44} radius="xl" variant="light">
                <IconSparkles size={24} aria-hidden />
              </ThemeIcon>
              <Stack gap={6} style={{ flex: 1 }}>
                <Title order={2} size="h4">
                  Welcome to Greenroom
                </Title>
                <Text size="sm" c="dimmed">
                  Tell Greenroom your name, your time zone and when you work. It uses them to show every client's time beside yours and to
                  warn you before you agree to a call at 3 a.m.
                </Text>
                <Group mt={4}>
                  <Button component={Link} to="/settings">
                    Set up your profile
                  </Button>
                </Group>
              </Stack>
            </Group>
          </Card>
        )}
        <Tabs value={tab} onChange={(value) => value && setTab(value as Tab)}>
          <Tabs.List>
            <Tabs.Tab value="waiting">Waiting{pendingCount.data ? ` (${pendingCount.data})` : ''}</Tabs.Tab>
            <Tabs.Tab value="answered">Answered</Tabs.Tab>
          </Tabs.List>
        </Tabs>
        <QueryState query={inbox}>
          {(loaded) =>
            loaded.length === 0 ? (
              <Placeholder
                icon={<IconInbox size={32} aria-hidden />}
                title={tab === 'waiting' ? 'No invitations waiting' : 'Nothing answered yet'}
                description={
                  tab === 'waiting'
                    ? 'When a client invites you to an interview, add it here to see how long it has waited. Accept, decline with a reason, or archive it in a keystroke.'
                    : 'Invitations you accept, decline or archive are kept here with how fast you answered.'
                }
                actions={
                  tab === 'waiting' && (
                    <Group>
                      <Button leftSection={<IconPlus size={18} />} onClick={() => setAdding(true)}>
                        Add invitation
                      </Button>
                      <DemoDataButton />
                    </Group>
                  )
                }
              />
            ) : (
              <Stack gap="sm">
                {tab === 'waiting' && (
                  <Text size="xs" c="dimmed">
                    J/K or arrows to move · A accept · D decline · E archive · N add
                  </Text>
                )}
                {loaded.map((item, index) => (
                  <InvitationCard
                    key={item.invitation.id}
                    ref={(element) => {
                      cards.current[index] = element
                    }}
                    item={item}
                    selected={index === selected}
                    onSelect={() => setSelected(index)}
                    onAnswer={(answer) => setAnswering({ item, answer })}
                  />
                ))}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
      <NewInvitationModal opened={adding} onClose={() => setAdding(false)} />
      {answering?.answer === 'accept' && (
        <AcceptModal item={answering.item} userName={settings?.userName ?? ''} onDone={answered} onClose={() => setAnswering(null)} />
      )}
      {answering?.answer === 'decline' && <DeclineModal item={answering.item} onDone={answered} onClose={() => setAnswering(null)} />}
      {answering?.answer === 'archive' && <ArchiveModal item={answering.item} onDone={answered} onClose={() => setAnswering(null)} />}
    </>
  )
}
