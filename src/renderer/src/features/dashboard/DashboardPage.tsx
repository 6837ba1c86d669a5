import '@mantine/charts/styles.layer.css'
import { BarChart, FunnelChart } from '@mantine/charts'
import { ColorSwatch, Group, Paper, RingProgress, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconChartBar } from '@tabler/icons-react'
import { DateTime } from 'luxon'
import { useState } from 'react'
import type { Dashboard } from '@shared/pipeline'
import { PageHeader } from '@renderer/components/PageHeader'
import { Placeholder } from '@renderer/components/Placeholder'
import { QueryState } from '@renderer/components/QueryState'
import { formatMinutes } from '@renderer/components/time'
import { useSettings } from '@renderer/hooks/settings-context'
import { useQuery } from '@renderer/hooks/useQuery'
import { DemoDataButton } from '@renderer/components/DemoDataButton'

const PERIODS = { '7': '7 days', '30': '30 days', '90': '90 days', '365': '12 months' } as const
type Period = keyof typeof PERIODS

function Figure({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Paper withBorder radius="lg" p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} aria-label={label}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Paper>
  )
}

function Figures({ dashboard }: { dashboard: Dashboard }) {
  const rate = dashboard.responseRate
  const { funnel } = dashboard
  const stages = [
    { name: 'Invitations', value: funnel.invitations, color: 'gray.5' },
    { name: 'Interviews', value: funnel.interviews, color: 'blue.5' },
    { name: 'Offers', value: funnel.offers, color: 'yellow.6' },
    { name: 'Hires', value: funnel.hires, color: 'greenroom.6' }
  ]
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Paper withBorder radius="lg" p="md">
          <Group gap="md" wrap="nowrap">
            <RingProgress
              size={84}
              thickness={9}
              roundCaps
              sections={[{ value: (rate ?? 0) * 100, color: rate !== null && rate < 0.9 ? 'orange' : 'greenroom' }]}
            />
            <div>
              <Text size="sm" c="dimmed">
                Response rate
              </Text>
              <Text fz={28} fw={700} aria-label="Response rate">
                {rate === null ? '—' : `${Math.round(rate * 100)}%`}
              </Text>
              <Text size="xs" c="dimmed">
                {dashboard.answeredWithin24h} of {dashboard.eligibleInvitations} answered within 24 h
              </Text>
            </div>
          </Group>
        </Paper>
        <Figure
          label="Median response time"
          value={dashboard.medianResponseMinutes === null ? '—' : formatMinutes(dashboard.medianResponseMinutes)}
          hint="from invitation to your answer"
        />
        <Figure label="Interviews" value={String(funnel.interviews)} hint={`${funnel.hires} hired`} />
        <Figure label="No-shows" value={String(dashboard.noShows)} hint="clients who did not join" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder radius="lg" p="md">
          <Title order={2} size="h5" mb="sm">
            Funnel
          </Title>
          <Group align="center" wrap="nowrap">
            <FunnelChart h={220} w={260} withLabels labelsPosition="right" data={stages} />
            <Stack gap={6} aria-label="Funnel stages">
              {stages.map((stage) => (
                <Group key={stage.name} gap={8} wrap="nowrap">
                  <ColorSwatch color={`var(--mantine-color-${stage.color.replace('.', '-')})`} size={12} />
                  <Text size="sm">
                    {stage.name}: <b>{stage.value}</b>
                  </Text>
                </Group>
              ))}
            </Stack>
          </Group>
        </Paper>
        <Paper withBorder radius="lg" p="md">
          <Title order={2} size="h5" mb="sm">
            Invitations per week
          </Title>
          {dashboard.weekly.length === 0 ? (
            <Text c="dimmed" size="sm">
              No invitations in this period.
            </Text>
          ) : (
            <BarChart
              h={240}
              data={dashboard.weekly.map((week) => ({ week: DateTime.fromISO(week.weekStart).toFormat('d LLL'), ...week }))}
              dataKey="week"
              withLegend
              series={[
                { name: 'invitations', label: 'Received', color: 'gray.5' },
                { name: 'answeredWithin24h', label: 'Answered within 24 h', color: 'greenroom.6' }
              ]}
            />
          )}
        </Paper>
      </SimpleGrid>
    </Stack>
  )
}

export function DashboardPage() {
  const { settings } = useSettings()
  const zone = settings?.timeZone ?? 'UTC'
  const [period, setPeriod] = useState<Period>('30')
  const dashboard = useQuery(() => {
    const to = DateTime.now().setZone(zone).endOf('day')
    const from = to.minus({ days: Number(period) }).startOf('day')
    return window.greenroom.getDashboard({ from: from.toUTC().toISO()!, to: to.toUTC().toISO()!, timeZone: zone })
  }, [period, zone])

  return (
    <>
      <PageHeader
        title="Dashboard"
        description="How fast you answer, how often interviews turn into work, and who did not show up."
        actions={
          <SegmentedControl
            aria-label="Period"
            value={period}
            data={Object.entries(PERIODS).map(([value, label]) => ({ value, label }))}
            onChange={(value) => setPeriod(value as Period)}
          />
        }
      />
      <QueryState query={dashboard}>
        {(loaded) =>
          loaded.funnel.invitations === 0 && loaded.funnel.interviews === 0 ? (
            <Placeholder
              icon={<IconChartBar size={32} aria-hidden />}
              title="Nothing to count yet"
              description={`No invitations or interviews in the last ${PERIODS[period]}. Figures appear as soon as you answer your first invitation.`}
              actions={<DemoDataButton />}
            />
          ) : (
            <Figures dashboard={loaded} />
          )
        }
      </QueryState>
    </>
  )
}
