import { Anchor, Button, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { getHotkeyHandler } from '@mantine/hooks'
import { IconExternalLink } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { researchFieldsSchema, type Research, type ResearchFields } from '@shared/prep'
import { fieldErrors } from '@renderer/components/validation'
import { useSave } from '@renderer/hooks/useSave'

function fieldsOf(research: Research): ResearchFields {
  const { website, mission, whatTheyDo, aboutNotes, people, notes } = research
  return { website, mission, whatTheyDo, aboutNotes, people, notes }
}

function aboutPageOf(website: string): string | null {
  try {
    return new URL('/about', website).toString()
  } catch {
    return null
  }
}

/** What the company is and does, from its website; kept with the client, so every interview with them shares it. */
export function ResearchPanel({ research, clientLabel }: { research: Research; clientLabel: string }) {
  const [fields, setFields] = useState<ResearchFields>(() => fieldsOf(research))
  const { busy, run } = useSave()
  const errors = useMemo(() => fieldErrors(researchFieldsSchema, fields) as Record<string, string>, [fields])
  const changed = JSON.stringify(fields) !== JSON.stringify(fieldsOf(research))
  const set = (key: keyof ResearchFields) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value
    setFields((current) => ({ ...current, [key]: value }))
  }
  const save = () => {
    if (changed && Object.keys(errors).length === 0)
      void run(() => window.greenroom.saveResearch({ clientId: research.clientId, fields }), 'Research saved')
  }
  const validWebsite = research.website && !errors.website && fields.website === research.website
  const about = validWebsite ? aboutPageOf(research.website) : null
  const area = (key: keyof ResearchFields, label: string, placeholder: string, rows = 3) => (
    <Textarea
      label={label}
      placeholder={placeholder}
      autosize
      minRows={rows}
      maxRows={12}
      value={fields[key]}
      onChange={set(key)}
      error={errors[key]}
    />
  )
  return (
    <Stack gap="sm" onKeyDown={getHotkeyHandler([['mod+S', save]])}>
      <Text size="sm" c="dimmed">
        Shared by every interview with {clientLabel}. Read their home and about pages, then write down what you would want to mention.
      </Text>
      <Group align="flex-end" gap="sm">
        <TextInput
          style={{ flex: 1 }}
          label="Website"
          placeholder="https://…"
          value={fields.website}
          onChange={set('website')}
          error={errors.website}
        />
        {validWebsite && (
          <Group gap="xs" pb={errors.website ? 22 : 0}>
            <Button
              component="a"
              href={research.website}
              target="_blank"
              rel="noreferrer"
              variant="light"
              leftSection={<IconExternalLink size={16} />}
            >
              Open home page
            </Button>
            {about && (
              <Anchor href={about} target="_blank" rel="noreferrer" size="sm">
                About page
              </Anchor>
            )}
          </Group>
        )}
      </Group>
      <Text size="xs" c="dimmed" mt={-6}>
        Links open in your system browser.
      </Text>
      <SimpleGrid cols={2} spacing="sm">
        {area('mission', 'Mission', 'What they say they are here to do, in their words')}
        {area('whatTheyDo', 'What they do', 'Products, customers, how they make money')}
        {area('aboutNotes', 'About-page notes', 'History, values, size, anything to bring up')}
        {area('people', 'People', 'Who you will meet: names, roles, what they care about')}
      </SimpleGrid>
      {area('notes', 'Free notes', 'Anything else: news, reviews, their app, competitors', 3)}
      <Group>
        <Button onClick={save} disabled={!changed || Object.keys(errors).length > 0} loading={busy}>
          Save research
        </Button>
        {changed && (
          <Button variant="default" onClick={() => setFields(fieldsOf(research))}>
            Discard changes
          </Button>
        )}
        <Text size="xs" c="dimmed">
          {changed ? 'Unsaved changes · Ctrl+S saves' : research.updatedAt ? 'All saved' : ''}
        </Text>
      </Group>
    </Stack>
  )
}
