import { Box, Button, ScrollArea, Stack, Tabs, Text } from '@mantine/core'
import { IconScreenShare } from '@tabler/icons-react'
import { useState } from 'react'
import type { InterviewDetail } from '@shared/pipeline'
import type { PrepRoom, Sample } from '@shared/prep'
import { ChecklistPanel } from '@renderer/features/prep/ChecklistPanel'
import { NotesEditor } from '@renderer/features/prep/notes/NotesEditor'
import { QuestionsPanel } from '@renderer/features/prep/QuestionsPanel'
import { SampleCard } from '@renderer/features/samples/SampleCard'
import { openSample } from '@renderer/features/samples/open-sample'
import { useAppInfo } from '@renderer/hooks/useAppInfo'
import { QuestionsTab } from '@renderer/features/prep/QuestionsTab'

/**
 * Beside the video: the interview's notes (the prep room's document, saved as you type),
 * the checklist, the likely questions and the samples, each a tab away.
 */
export function NotesPane({
  detail,
  room,
  zone,
  live,
  onShareSample,
  editorHeight = 'calc(100vh - 260px)',
  listHeight = 'calc(100vh - 190px)'
}: {
  detail: InterviewDetail
  room: PrepRoom
  zone: string
  live: boolean
  /** Opens the sample, then asks which window to share: two clicks to show it. Left out beside another app's call, where Open is enough. */
  onShareSample?: (sample: Sample) => Promise<void>
  editorHeight?: string
  listHeight?: string
}) {
  const [tab, setTab] = useState('notes')
  const [initialNotes] = useState(room.notes)
  const info = useAppInfo()
  return (
    <Tabs value={tab} onChange={(value) => value && setTab(value)} keepMounted className="greenroom-notes-pane" aria-label="Notes and prep">
      <Tabs.List>
        <Tabs.Tab value="notes">Notes</Tabs.Tab>
        <Tabs.Tab value="checklist">Checklist</Tabs.Tab>
        <QuestionsTab room={room} />
        <Tabs.Tab value="samples">Samples{room.samples.length ? ` (${room.samples.length})` : ''}</Tabs.Tab>
      </Tabs.List>
      <Box className="greenroom-notes-pane-body">
        <Tabs.Panel value="notes" h="100%">
          <NotesEditor
            label="Call notes"
            draftKey={detail.interview.id}
            initialValue={initialNotes.body}
            version={initialNotes.updatedAt}
            height={editorHeight}
            placeholder={'What they need, what you promised, what to send after…'}
            onSave={async (body) => (await window.greenroom.savePrepNotes({ interviewId: detail.interview.id, body })).updatedAt}
          />
        </Tabs.Panel>
        <Tabs.Panel value="checklist">
          <ScrollArea.Autosize mah={listHeight}>
            <ChecklistPanel room={room} zone={zone} />
          </ScrollArea.Autosize>
        </Tabs.Panel>
        <Tabs.Panel value="questions">
          <ScrollArea.Autosize mah={listHeight}>
            <QuestionsPanel room={room} />
          </ScrollArea.Autosize>
        </Tabs.Panel>
        <Tabs.Panel value="samples">
          <ScrollArea.Autosize mah={listHeight}>
            <Stack gap="sm">
              {room.samples.length === 0 && (
                <Text size="sm" c="dimmed">
                  No samples attached to this interview. Attach them in the prep room to have them here.
                </Text>
              )}
              {room.samples.map((sample) => (
                <SampleCard
                  key={sample.id}
                  sample={sample}
                  mode={info?.mode}
                  extra={
                    onShareSample && (
                      <Button
                        size="compact-sm"
                        variant="filled"
                        leftSection={<IconScreenShare size={14} />}
                        disabled={!live || !sample.available}
                        onClick={() => void onShareSample(sample)}
                        aria-label={`Open and share “${sample.title}”`}
                        title={live ? 'Opens it, then pick its window to share' : 'Share once the call is on'}
                      >
                        Share
                      </Button>
                    )
                  }
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Tabs.Panel>
      </Box>
    </Tabs>
  )
}

export { openSample }
