import { Button, Group, MultiSelect, SimpleGrid, Stack, Tabs, Text, TextInput } from '@mantine/core'
import { IconFolders, IconPlus, IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import type { Sample } from '@shared/prep'
import { PageHeader } from '@renderer/components/PageHeader'
import { Placeholder } from '@renderer/components/Placeholder'
import { QueryState } from '@renderer/components/QueryState'
import { useQuery } from '@renderer/hooks/useQuery'
import { useSave } from '@renderer/hooks/useSave'
import { useAppInfo } from '@renderer/hooks/useAppInfo'
import { ConfirmDelete } from './ConfirmDelete'
import { matchesQuery, QuestionBank, tagsOf } from './QuestionBank'
import { SampleCard } from './SampleCard'
import { SampleModal } from './SampleModal'

function SampleLibrary() {
  const samples = useQuery(() => window.greenroom.listSamples(), [])
  const info = useAppInfo()
  const [query, setQuery] = useState('')
  const [tags, setTags] = useState<string[]>([])
  const [editing, setEditing] = useState<Sample | 'new' | null>(null)
  const [deleting, setDeleting] = useState<Sample | null>(null)
  const { run } = useSave()
  return (
    <QueryState query={samples}>
      {(loaded) => {
        const shown = loaded.filter(
          (sample) =>
            matchesQuery(`${sample.title} ${sample.proves} ${sample.fileName} ${sample.url}`, query) &&
            tags.every((tag) => sample.tags.includes(tag))
        )
        return (
          <Stack gap="sm">
            {loaded.length === 0 ? (
              <Placeholder
                icon={<IconFolders size={32} aria-hidden />}
                title="No samples yet"
                description="Add portfolio pieces and case studies, as files or links, each with what it proves. Attach them to an interview and open them in one click from its prep room."
                actions={
                  <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                    Add a sample
                  </Button>
                }
              />
            ) : (
              <>
                <Group justify="space-between" align="flex-end">
                  <Group gap="sm" align="flex-end">
                    <TextInput
                      leftSection={<IconSearch size={16} />}
                      placeholder="Find by words"
                      aria-label="Find samples"
                      value={query}
                      onChange={(event) => setQuery(event.currentTarget.value)}
                      w={260}
                    />
                    {tagsOf(loaded).length > 0 && (
                      <MultiSelect
                        aria-label="Filter by tags"
                        placeholder={tags.length ? undefined : 'Filter by tags'}
                        data={tagsOf(loaded)}
                        value={tags}
                        onChange={setTags}
                        clearable
                        w={260}
                      />
                    )}
                  </Group>
                  <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                    Add a sample
                  </Button>
                </Group>
                {shown.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    No sample matches these words or tags.
                  </Text>
                ) : (
                  <SimpleGrid cols={1} spacing="xs">
                    {shown.map((sample) => (
                      <SampleCard
                        key={sample.id}
                        sample={sample}
                        mode={info?.mode}
                        onEdit={() => setEditing(sample)}
                        onDelete={() => setDeleting(sample)}
                      />
                    ))}
                  </SimpleGrid>
                )}
              </>
            )}
            {editing && (
              <SampleModal sample={editing === 'new' ? undefined : editing} tags={tagsOf(loaded)} onClose={() => setEditing(null)} />
            )}
            {deleting && (
              <ConfirmDelete
                title="Delete this sample?"
                body={`“${deleting.title}” leaves the library and every interview it is attached to${deleting.kind === 'file' ? ', and Greenroom deletes its copy of the file (your original stays where it was)' : ''}.`}
                action="Delete sample"
                onConfirm={() => run(() => window.greenroom.deleteSample({ id: deleting.id }), 'Sample deleted')}
                onClose={() => setDeleting(null)}
              />
            )}
          </Stack>
        )
      }}
    </QueryState>
  )
}

/** The samples library and the question bank, both reused by every interview's prep room. */
export function SamplesPage() {
  const [params, setParams] = useSearchParams()
  const tab = params.get('tab') === 'questions' ? 'questions' : 'samples'
  return (
    <>
      <PageHeader
        title="Samples"
        description="Portfolio pieces and case studies to walk a client through, each with what it proves, and the questions you prepare answers for."
      />
      <Tabs value={tab} onChange={(value) => setParams(value === 'questions' ? { tab: 'questions' } : {}, { replace: true })}>
        <Tabs.List mb="md">
          <Tabs.Tab value="samples">Portfolio samples</Tabs.Tab>
          <Tabs.Tab value="questions">Question bank</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="samples">
          <SampleLibrary />
        </Tabs.Panel>
        <Tabs.Panel value="questions">
          <QuestionBank />
        </Tabs.Panel>
      </Tabs>
    </>
  )
}
