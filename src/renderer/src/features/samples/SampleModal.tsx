import { FileInput, Modal, SegmentedControl, Stack, TagsInput, Text, TextInput } from '@mantine/core'
import { IconUpload } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import {
  formatBytes,
  MAX_SAMPLE_BYTES,
  SAMPLE_EXTENSIONS,
  sampleFieldsSchema,
  sampleFileProblem,
  type Sample,
  type SampleFields
} from '@shared/prep'
import { fieldErrors } from '@renderer/components/validation'
import { useSubmit } from '@renderer/hooks/useSubmit'
import { readAsBase64 } from './open-sample'
import { ModalFooter } from '@renderer/components/ModalFooter'

const ACCEPT = SAMPLE_EXTENSIONS.map((extension) => `.${extension}`).join(',')

function titleFromFileName(name: string): string {
  return name
    .replace(/\.[^.]+$/, '')
    .replace(/[-_]+/g, ' ')
    .trim()
}

/** Adds a sample (a file copied in, or a link) or edits one; `onSaved` gets the result. */
export function SampleModal({
  sample,
  tags,
  onClose,
  onSaved
}: {
  sample?: Sample
  tags: string[]
  onClose: () => void
  onSaved?: (sample: Sample) => void
}) {
  const [kind, setKind] = useState<'file' | 'link'>(sample?.kind ?? 'file')
  const [fields, setFields] = useState<SampleFields>({ title: sample?.title ?? '', tags: sample?.tags ?? [], proves: sample?.proves ?? '' })
  const [file, setFile] = useState<File | null>(null)
  const [url, setUrl] = useState('')
  const errors = useMemo(() => fieldErrors(sampleFieldsSchema, fields) as Record<string, string>, [fields])
  const fileProblem = file ? sampleFileProblem(file.name, file.size) : null
  const urlProblem = url && !/^https?:\/\/\S+$/i.test(url.trim()) ? 'Links start with http:// or https://' : null
  const editing = sample !== undefined
  const ready =
    Object.keys(errors).length === 0 && (editing || (kind === 'file' ? file !== null && !fileProblem : url.trim() !== '' && !urlProblem))

  const {
    busy,
    failure,
    submit: save
  } = useSubmit(async () => {
    const saved = editing
      ? await window.greenroom.updateSample({ id: sample.id, fields })
      : kind === 'file'
        ? await window.greenroom.addSampleFile({ ...fields, fileName: file!.name, dataBase64: await readAsBase64(file!) })
        : await window.greenroom.addSampleLink({ ...fields, url: url.trim() })
    onSaved?.(saved)
    onClose()
  })
  const submit = async () => {
    if (ready) await save()
  }

  return (
    <Modal opened onClose={onClose} title={editing ? 'Edit sample' : 'Add a sample'} size="lg">
      <Stack gap="sm">
        {!editing && (
          <SegmentedControl
            aria-label="Kind of sample"
            value={kind}
            onChange={(value) => setKind(value as 'file' | 'link')}
            data={[
              { value: 'file', label: 'A file' },
              { value: 'link', label: 'A link' }
            ]}
          />
        )}
        {!editing && kind === 'file' && (
          <FileInput
            label="File"
            placeholder="Pick a file"
            leftSection={<IconUpload size={16} />}
            accept={ACCEPT}
            value={file}
            onChange={(picked) => {
              setFile(picked)
              if (picked && !fields.title) setFields((current) => ({ ...current, title: titleFromFileName(picked.name) }))
            }}
            error={fileProblem}
            description={`PDF, images, video, office documents or text, up to ${formatBytes(MAX_SAMPLE_BYTES)}. Greenroom keeps its own copy in its data folder.`}
            clearable
          />
        )}
        {!editing && kind === 'link' && (
          <TextInput
            label="Link"
            placeholder="https://…"
            value={url}
            onChange={(event) => setUrl(event.currentTarget.value)}
            error={urlProblem}
            description="A live site, a Dribbble shot, a video, a repository."
          />
        )}
        {editing && (
          <Text size="sm" c="dimmed">
            {sample.kind === 'file' ? `File: ${sample.fileName} (${formatBytes(sample.sizeBytes)})` : `Link: ${sample.url}`}
          </Text>
        )}
        <TextInput
          label="Title"
          value={fields.title}
          onChange={(event) => setFields({ ...fields, title: event.currentTarget.value })}
          error={fields.title ? errors.title : undefined}
          data-autofocus={editing || undefined}
        />
        <TextInput
          label="What it proves"
          placeholder="e.g. I can ship a Stripe checkout in a week"
          value={fields.proves}
          onChange={(event) => setFields({ ...fields, proves: event.currentTarget.value })}
          error={errors.proves}
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
          submitLabel={editing ? 'Save sample' : 'Add sample'}
        />
      </Stack>
    </Modal>
  )
}
