import { Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconInfoCircle } from '@tabler/icons-react'
import { VERDICT_LABELS, type Finding, type Verdict } from '@shared/precall'

const LOOK: Record<Verdict, { color: string; icon: typeof IconCircleCheck; summary: string }> = {
  ready: { color: 'greenroom', icon: IconCircleCheck, summary: 'Camera, microphone and connection are fine for a call.' },
  usable: { color: 'yellow', icon: IconAlertTriangle, summary: 'The call will work, but fix these first if you can.' },
  not_ready: { color: 'red', icon: IconCircleX, summary: 'Fix these before the call.' }
}

export function VerdictBanner({ verdict, findings, provisional }: { verdict: Verdict; findings: Finding[]; provisional: boolean }) {
  const look = LOOK[verdict]
  const problems = findings.filter((finding) => finding.severity !== 'info')
  const notes = findings.filter((finding) => finding.severity === 'info')
  return (
    <Paper
      withBorder
      radius="lg"
      p="lg"
      style={{ borderColor: `var(--mantine-color-${look.color}-6)`, borderWidth: 2 }}
      role="status"
      aria-live="polite"
    >
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ThemeIcon color={look.color} size={48} radius="xl" variant="light">
          <look.icon size={30} />
        </ThemeIcon>
        <Stack gap={6} style={{ flex: 1 }}>
          <Title order={2} size="h3" aria-label="Verdict">
            {VERDICT_LABELS[verdict]}
          </Title>
          <Text size="sm" c="dimmed">
            {provisional ? 'First verdict; the test call is still measuring.' : look.summary}
          </Text>
          {problems.length > 0 && (
            <List spacing="xs" mt="xs" aria-label="What to fix">
              {problems.map((finding, index) => (
                <List.Item
                  key={index}
                  icon={
                    <ThemeIcon color={finding.severity === 'fail' ? 'red' : 'yellow'} size={18} radius="xl" variant="light">
                      <IconAlertTriangle size={12} />
                    </ThemeIcon>
                  }
                >
                  <Text size="sm" fw={600}>
                    {finding.cause}
                  </Text>
                  <Text size="sm">{finding.fix}</Text>
                </List.Item>
              ))}
            </List>
          )}
          {notes.map((finding, index) => (
            <Group key={index} gap={6} wrap="nowrap">
              <IconInfoCircle size={16} color="var(--mantine-color-dimmed)" />
              <Text size="xs" c="dimmed">
                {finding.cause} {finding.fix}
              </Text>
            </Group>
          ))}
        </Stack>
      </Group>
    </Paper>
  )
}
