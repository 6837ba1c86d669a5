import { Group, Progress, RingProgress, Text, Tooltip } from '@mantine/core'
import type { Readiness } from '@shared/prep'

export function readinessColor(share: number): string {
  return share >= 1 ? 'greenroom' : share >= 0.5 ? 'yellow' : 'orange'
}

export function readinessLabel(readiness: Pick<Readiness, 'done' | 'total' | 'share'>): string {
  return `${Math.round(readiness.share * 100)}% ready, ${readiness.done} of ${readiness.total} prep items done`
}

/** Readiness as a ring with its share, for the prep room's header. */
export function ReadinessRing({ readiness }: { readiness: Readiness }) {
  return (
    <Group gap="xs" wrap="nowrap" role="status" aria-label={readinessLabel(readiness)}>
      <RingProgress
        size={64}
        thickness={7}
        roundCaps={readiness.share > 0}
        sections={readiness.share > 0 ? [{ value: readiness.share * 100, color: readinessColor(readiness.share) }] : []}
        label={
          <Text ta="center" size="sm" fw={700}>
            {Math.round(readiness.share * 100)}%
          </Text>
        }
      />
      <div>
        <Text size="sm" fw={600}>
          {readiness.share >= 1 ? 'Ready' : 'Readiness'}
        </Text>
        <Text size="xs" c="dimmed">
          {readiness.done} of {readiness.total} done
        </Text>
      </div>
    </Group>
  )
}

/** A compact bar for lists. */
export function ReadinessBar({ readiness }: { readiness: Pick<Readiness, 'done' | 'total' | 'share'> }) {
  return (
    <Tooltip label={readinessLabel(readiness)}>
      <Group gap={6} wrap="nowrap" aria-label={readinessLabel(readiness)} role="img">
        <Progress value={readiness.share * 100} color={readinessColor(readiness.share)} w={44} size="sm" aria-hidden />
        <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }} aria-hidden>
          {Math.round(readiness.share * 100)}%
        </Text>
      </Group>
    </Tooltip>
  )
}
