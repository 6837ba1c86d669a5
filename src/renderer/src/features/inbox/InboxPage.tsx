import { Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconInbox, IconSparkles } from '@tabler/icons-react'
import { Link } from 'react-router'
import { PageHeader } from '../../components/PageHeader'
import { Placeholder } from '../../components/Placeholder'
import { useSettings } from '../../hooks/settings-context'

export function InboxPage() {
  const { settings } = useSettings()
  const isNewUser = settings !== null && settings.userName === ''
  return (
    <>
      <PageHeader
        title="Inbox"
        description="Interview invitations waiting for your answer. Clients see how fast you respond, so the oldest come first."
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
                  Tell Greenroom your name, your time zone and when you work. It uses them to show every
                  client's time beside yours and to warn you before you agree to a call at 3 a.m.
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
        <Placeholder
          icon={<IconInbox size={32} aria-hidden />}
          title="No invitations yet"
          description="When a client invites you to an interview, it lands here with how long it has waited. Accept, decline with a reason, or archive it in a keystroke."
        />
      </Stack>
    </>
  )
}
