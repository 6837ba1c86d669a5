import { Modal, Stack, TagsInput, Textarea } from '@mantine/core'
import { getHotkeyHandler } from '@mantine/hooks'
import { useMemo, useState } from 'react'
import { holdsStarterPrompt, questionFieldsSchema, type Question, type QuestionFields } from '@shared/prep'
import { fieldErrors } from '@renderer/components/validation'
import { useSubmit } from '@renderer/hooks/useSubmit'
import { ModalFooter } from '@renderer/components/ModalFooter'

/** A question for the bank with its prepared answer; new or edited. */
export function QuestionModal({
  question,
  tags,
  onClose,
  onSaved
}: {
  question?: Question
  tags: string[]
  onClose: () => void
  onSaved?: (question: Question) => void
}) {
  const [fields, setFields] = useState<QuestionFields>({
    question: question?.question ?? '',
    answer: question?.answer ?? '',
    tags: question?.tags ?? []
  })
  const errors = useMemo(() => fieldErrors(questionFieldsSchema, fields) as Record<string, string>, [fields])
  const ready = Object.keys(errors).length === 0
  const {
    busy,
    failure,
    submit: save
  } = useSubmit(async () => {
    const saved = question
      ? await window.greenroom.updateQuestion({ id: question.id, fields })
      : await window.greenroom.createQuestion(fields)
    onSaved?.(saved)
    onClose()
  })
  const submit = async () => {
    if (ready) await save()
  }
  return (
    <Modal opened onClose={onClose} title={question ? 'Edit question' : 'New question'} size="lg">
      <Stack gap="sm" onKeyDown={getHotkeyHandler([['mod+Enter', () => void submit()]])}>
        <Textarea
          label="Question"
          placeholder="e.g. Why should we pick you over cheaper freelancers?"
          autosize
          minRows={1}
          value={fields.question}
          onChange={(event) => setFields({ ...fields, question: event.currentTarget.value })}
          error={fields.question ? errors.question : undefined}
          data-autofocus
        />
        <Textarea
          label="Prepared answer"
          description={
            holdsStarterPrompt(fields)
              ? 'Replace the prompt with the points you want to make; short is easier to recall under pressure.'
              : 'The points you want to make; short is easier to recall under pressure.'
          }
          autosize
          minRows={4}
          maxRows={14}
          value={fields.answer}
          onChange={(event) => setFields({ ...fields, answer: event.currentTarget.value })}
          error={errors.answer}
        />
        <TagsInput
          label="Tags"
          placeholder="Type a tag and press Enter"
          data={tags}
          value={fields.tags}
          onChange={(value) => setFields({ ...fields, tags: value })}
          error={errors.tags}
          clearable
        />
        <ModalFooter
          failure={failure}
          onCancel={onClose}
          onSubmit={() => void submit()}
          ready={ready}
          busy={busy}
          submitLabel={question ? 'Save question' : 'Add question'}
        />
      </Stack>
    </Modal>
  )
}
