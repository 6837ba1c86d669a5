import { Anchor, Badge, Group, type MantineSpacing } from '@mantine/core'
import type { Job } from '@shared/pipeline'
import { formatMoney } from './time'

/** A job post's budget, skills and a link to the post itself. */
export function JobFacts({ job, gap = 'xs', mb }: { job: Job; gap?: MantineSpacing; mb?: MantineSpacing }) {
  return (
    <Group gap={gap} mb={mb}>
      <Badge variant="light">{formatMoney(job.budget, job.budgetType)}</Badge>
      {job.skills.map((skill) => (
        <Badge key={skill} variant="outline" color="gray">
          {skill}
        </Badge>
      ))}
      {job.url && (
        <Anchor href={job.url} target="_blank" rel="noreferrer" size="sm">
          Open the post
        </Anchor>
      )}
    </Group>
  )
}
