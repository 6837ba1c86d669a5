import { Blockquote, Button, Group, Stack, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import { jobFieldsSchema, type Job, type JobFields } from '@shared/pipeline'
import { JobFieldsForm } from '@renderer/components/JobFieldsForm'
import { fieldErrors } from '@renderer/components/validation'
import { useSave } from '@renderer/hooks/useSave'
import { JobFacts } from '@renderer/components/JobFacts'

function fieldsOf(job: Job): JobFields {
  const { title, description, url, budgetType, budget, skills, postedAt } = job
  return { title, description, url, budgetType, budget, skills, postedAt }
}

/** The job post in the client's own words, easy to reread and quote. */
export function JobSection({ job }: { job: Job | null }) {
  const [editing, setEditing] = useState<JobFields | null>(null)
  const { busy, run } = useSave()
  const errors = useMemo(() => (editing ? fieldErrors(jobFieldsSchema, editing) : {}), [editing])
  if (!job) return <Text c="dimmed">This interview has no job post attached.</Text>
  if (editing) {
    return (
      <Stack gap="sm" maw={760}>
        <JobFieldsForm value={editing} onChange={setEditing} errors={errors as Record<string, string>} />
        <Group>
          <Button
            disabled={Object.keys(errors).length > 0}
            loading={busy}
            onClick={async () =>
              (await run(() => window.greenroom.updateJob({ id: job.id, fields: editing }), 'Job post saved')) && setEditing(null)
            }
          >
            Save job post
          </Button>
          <Button variant="default" onClick={() => setEditing(null)}>
            Cancel
          </Button>
        </Group>
      </Stack>
    )
  }
  return (
    <Stack gap="sm" maw={760}>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {job.title}
        </Title>
        <Button variant="default" size="xs" onClick={() => setEditing(fieldsOf(job))}>
          Edit
        </Button>
      </Group>
      <JobFacts job={job} />
      {job.description ? (
        <Blockquote color="greenroom" p="md" style={{ whiteSpace: 'pre-wrap', userSelect: 'text' }}>
          {job.description}
        </Blockquote>
      ) : (
        <Text c="dimmed" size="sm">
          No description saved. Paste the post so you can reread it before the call.
        </Text>
      )}
    </Stack>
  )
}
