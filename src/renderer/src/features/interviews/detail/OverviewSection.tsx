import { Button, Group, Stack } from '@mantine/core'
import { useEffect, useMemo, useRef, useState } from 'react'
import { interviewFieldsSchema, type InterviewDetail, type InterviewFields } from '@shared/pipeline'
import { fieldErrors } from '@renderer/components/validation'
import { upworkRulesApply } from '@shared/marketplace-rules'
import { InterviewFieldsForm } from '../InterviewFieldsForm'
import { useSave } from '@renderer/hooks/useSave'

function fieldsOf(detail: InterviewDetail): InterviewFields {
  const { title, scenario, type, sampleTask, channel, channelLink, outcomeNotes } = detail.interview
  return { title, scenario, type, sampleTask, channel, channelLink, outcomeNotes }
}

export function OverviewSection({ detail, zone }: { detail: InterviewDetail; zone: string }) {
  const saved = fieldsOf(detail)
  const [draft, setDraft] = useState(saved)
  const { busy, run } = useSave()
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved)
  const previous = useRef(saved)
  useEffect(() => {
    // Fields changed elsewhere (a pasted invitation sets channel and link): follow them unless the user is editing.
    const untouched = JSON.stringify(draft) === JSON.stringify(previous.current)
    if (!dirty || untouched) setDraft(fieldsOf(detail))
    previous.current = fieldsOf(detail)
  }, [detail]) // eslint-disable-line react-hooks/exhaustive-deps -- follows saved changes only; the draft is compared, not a trigger
  const errors = useMemo(() => fieldErrors(interviewFieldsSchema, draft), [draft])

  return (
    <Stack gap="sm" maw={760}>
      <InterviewFieldsForm
        value={draft}
        onChange={setDraft}
        errors={errors}
        zone={zone}
        withOutcome
        upworkRules={upworkRulesApply(detail)}
      />
      <Group>
        <Button
          disabled={!dirty || Object.keys(errors).length > 0}
          loading={busy}
          onClick={() => run(() => window.greenroom.updateInterview({ id: detail.interview.id, fields: draft }), 'Interview saved')}
        >
          Save changes
        </Button>
        <Button variant="default" disabled={!dirty} onClick={() => setDraft(saved)}>
          Discard
        </Button>
      </Group>
    </Stack>
  )
}
