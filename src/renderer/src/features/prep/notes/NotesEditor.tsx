import { DateTime } from 'luxon'
import { ActionIcon, Alert, Box, Group, Kbd, Paper, SegmentedControl, SimpleGrid, Text, Tooltip } from '@mantine/core'
import { useOs } from '@mantine/hooks'
import { IconBold, IconClockPlay, IconH2, IconItalic, IconList, IconListCheck } from '@tabler/icons-react'
import { useCallback, useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react'
import { callTimestamp } from '@shared/prep'
import { MarkdownView } from '../markdown/MarkdownView'
import { useCallClock } from '@renderer/hooks/CallClockContext'
import { useAutosave, type SaveState } from './useAutosave'
import { formatClock, type HourCycle } from '@shared/time-format'
import { useHourCycle } from '@renderer/hooks/useHourCycle'

export interface NotesEditorHandle {
  /** Inserts text at the cursor (a quote from the job post, say) and saves it. */
  insert(text: string): void
  flush(): Promise<void>
  focus(): void
}

type Mode = 'write' | 'split' | 'preview'
const MODE_KEY = 'greenroom:notes-mode'
const DRAFT_PREFIX = 'greenroom:notes-draft:'
const DRAFT_EVERY_MS = 200

interface Draft {
  base: string
  text: string
}

function readDraft(key: string): Draft | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(DRAFT_PREFIX + key) ?? 'null') as Draft | null
    return parsed && typeof parsed.text === 'string' && typeof parsed.base === 'string' ? parsed : null
  } catch {
    return null
  }
}

function statusText(state: SaveState, cycle: HourCycle): string {
  switch (state.kind) {
    case 'idle':
      return 'Saves as you type'
    case 'pending':
      return 'Typing…'
    case 'saving':
      return 'Saving…'
    case 'saved':
      return `Saved ${formatClock(DateTime.fromJSDate(state.at), cycle, { seconds: true })}`
    case 'failed':
      return `Not saved yet (${state.message}). Retrying; your text stays here.`
  }
}

/** Puts text at the cursor the way typing would, so the browser's undo still works. */
function insertAtCursor(area: HTMLTextAreaElement, text: string, selectInner?: [number, number]): void {
  area.focus()
  const start = area.selectionStart
  if (!document.execCommand('insertText', false, text)) {
    area.setRangeText(text, area.selectionStart, area.selectionEnd, 'end')
    area.dispatchEvent(new Event('input', { bubbles: true }))
  }
  if (selectInner) area.setSelectionRange(start + selectInner[0], start + selectInner[1])
}

/**
 * The Markdown notes editor with preview, autosaving as you type. Reusable: the prep room
 * and the call room embed it. It never loses a keystroke that reached the page: saves run
 * on a short pause and at once on blur, hide and quit, and a local draft covers a crash
 * in between (restored on the next open if the server copy has not moved on).
 */
export function NotesEditor({
  initialValue,
  version,
  draftKey,
  onSave,
  label = 'Notes',
  placeholder,
  height = 420,
  handleRef
}: {
  initialValue: string
  /** The saved copy's version (its updatedAt); a local draft applies only on top of it. */
  version: string | null
  /** Names the local draft, e.g. the interview's id. */
  draftKey: string
  /** Saves the text; resolves with the new version. */
  onSave: (text: string) => Promise<string | null>
  label?: string
  placeholder?: string
  height?: number | string
  handleRef?: Ref<NotesEditorHandle>
}) {
  const os = useOs({ getValueInEffect: false })
  const modifier = os === 'macos' ? '⌘' : 'Ctrl'
  const clock = useCallClock()
  const area = useRef<HTMLTextAreaElement>(null)
  const base = useRef(version ?? 'new')
  const [restored] = useState(() => {
    const draft = readDraft(draftKey)
    return draft && draft.base === (version ?? 'new') && draft.text !== initialValue ? draft.text : null
  })
  const [mode, setMode] = useState<Mode>(() => (localStorage.getItem(MODE_KEY) as Mode | null) ?? 'write')
  const [preview, setPreview] = useState(restored ?? initialValue)
  const [hint, setHint] = useState<string | null>(null)
  const cycle = useHourCycle()
  const draftTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const previewTimer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const autosave = useAutosave({
    initial: initialValue,
    save: async (text) => {
      const next = await onSave(text)
      base.current = next ?? 'new'
      if (autosave.latest.current === text) localStorage.removeItem(DRAFT_PREFIX + draftKey)
    }
  })
  const { changed, flush, latest } = autosave

  const writeDraft = useCallback(() => {
    draftTimer.current = null
    if (!autosave.isSaved()) localStorage.setItem(DRAFT_PREFIX + draftKey, JSON.stringify({ base: base.current, text: latest.current }))
  }, [autosave, draftKey, latest])

  const onInput = useCallback(() => {
    const text = area.current?.value ?? ''
    changed(text)
    if (!draftTimer.current) draftTimer.current = setTimeout(writeDraft, DRAFT_EVERY_MS)
    if (mode !== 'write') {
      if (previewTimer.current) clearTimeout(previewTimer.current)
      previewTimer.current = setTimeout(() => setPreview(latest.current), 250)
    }
  }, [changed, latest, mode, writeDraft])

  useEffect(() => {
    if (restored !== null) changed(restored)
    return () => {
      if (draftTimer.current) clearTimeout(draftTimer.current)
      if (previewTimer.current) clearTimeout(previewTimer.current)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per editor: the restored draft is applied at mount, the timers cleared at unmount
  }, [])

  useEffect(() => {
    if (!hint) return
    const timer = setTimeout(() => setHint(null), 4000)
    return () => clearTimeout(timer)
  }, [hint])

  const wrap = (before: string, after = before) => {
    const target = area.current
    if (!target) return
    const selected = target.value.slice(target.selectionStart, target.selectionEnd)
    insertAtCursor(target, `${before}${selected || 'text'}${after}`, [before.length, before.length + (selected || 'text').length])
  }
  const linePrefix = (prefix: string) => {
    const target = area.current
    if (!target) return
    const atLineStart = target.selectionStart === 0 || target.value[target.selectionStart - 1] === '\n'
    insertAtCursor(target, `${atLineStart ? '' : '\n'}${prefix}`)
  }
  const timestamp = () => {
    const target = area.current
    if (!target) return
    if (!clock.startedAt) {
      setHint('Timestamps mark the time into a running call; no call is running now.')
      return
    }
    const atLineStart = target.selectionStart === 0 || target.value[target.selectionStart - 1] === '\n'
    insertAtCursor(target, `${atLineStart ? '' : '\n'}**[${callTimestamp(clock.startedAt, new Date())}]** `)
  }

  useImperativeHandle(handleRef, () => ({
    insert: (text) => {
      const target = area.current
      if (!target) return
      target.setSelectionRange(target.value.length, target.value.length)
      const gap = target.value === '' ? '' : target.value.endsWith('\n\n') ? '' : target.value.endsWith('\n') ? '\n' : '\n\n'
      insertAtCursor(target, `${gap}${text}\n`)
    },
    flush,
    focus: () => area.current?.focus()
  }))

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const mod = os === 'macos' ? event.metaKey : event.ctrlKey
    if (!mod || event.altKey) return
    const key = event.key.toLowerCase()
    if (key === ';' || event.code === 'Semicolon') timestamp()
    else if (key === 'b') wrap('**')
    else if (key === 'i') wrap('_')
    else if (key === 's') void flush()
    else return
    event.preventDefault()
  }

  const chooseMode = (value: string) => {
    setMode(value as Mode)
    localStorage.setItem(MODE_KEY, value)
    setPreview(latest.current)
  }

  const tool = (name: string, shortcut: string | null, icon: React.ReactNode, action: () => void) => (
    <Tooltip label={shortcut ? `${name} (${shortcut})` : name}>
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={name}
        onMouseDown={(event) => event.preventDefault()}
        onClick={action}
        disabled={mode === 'preview'}
      >
        {icon}
      </ActionIcon>
    </Tooltip>
  )

  const editor = (
    <textarea
      ref={area}
      aria-label={label}
      aria-keyshortcuts={os === 'macos' ? 'Meta+;' : 'Control+;'}
      className="greenroom-notes-input"
      defaultValue={restored ?? initialValue}
      placeholder={placeholder}
      onInput={onInput}
      onBlur={() => void flush()}
      onKeyDown={onKeyDown}
      spellCheck
      style={{ height }}
    />
  )

  return (
    <Box>
      {/* Wraps in a narrow window (the companion beside a call) rather than cutting the view switch off. */}
      <Group justify="space-between" mb={6} gap={4}>
        <Group gap={2} wrap="nowrap">
          {tool('Heading', null, <IconH2 size={18} />, () => linePrefix('## '))}
          {tool('Bold', `${modifier}+B`, <IconBold size={18} />, () => wrap('**'))}
          {tool('Italic', `${modifier}+I`, <IconItalic size={18} />, () => wrap('_'))}
          {tool('Bulleted list', null, <IconList size={18} />, () => linePrefix('- '))}
          {tool('To-do item', null, <IconListCheck size={18} />, () => linePrefix('- [ ] '))}
          {tool('Insert call timestamp', `${modifier}+;`, <IconClockPlay size={18} />, timestamp)}
        </Group>
        <SegmentedControl
          size="xs"
          aria-label="Notes view"
          value={mode}
          onChange={chooseMode}
          data={[
            { value: 'write', label: 'Write' },
            { value: 'split', label: 'Side by side' },
            { value: 'preview', label: 'Preview' }
          ]}
        />
      </Group>
      {restored !== null && (
        <Alert color="yellow" variant="light" mb="xs" p="xs">
          Restored text you typed that had not reached the database yet; it is being saved now.
        </Alert>
      )}
      {/* The textarea keeps its place in the tree in every view, so switching never remounts it. */}
      <SimpleGrid cols={mode === 'split' ? 2 : 1} spacing="sm">
        <Box display={mode === 'preview' ? 'none' : undefined}>{editor}</Box>
        {mode !== 'write' && (
          <Paper withBorder p="sm" radius="md" style={{ height, overflow: 'auto' }} aria-label="Notes preview" role="region">
            <MarkdownView
              text={preview}
              empty="Nothing written yet. Markdown works: # headings, **bold**, - lists, - [ ] to-dos, > quotes."
            />
          </Paper>
        )}
      </SimpleGrid>
      <Group justify="space-between" mt={4} gap="xs">
        <Text size="xs" c={autosave.state.kind === 'failed' ? 'red' : 'dimmed'} aria-live="polite" data-testid="notes-save-state">
          {statusText(autosave.state, cycle)}
        </Text>
        <Text size="xs" c={hint ? 'orange' : 'dimmed'} aria-live="polite">
          {hint ?? (
            <>
              Markdown · <Kbd size="xs">{modifier}</Kbd> + <Kbd size="xs">;</Kbd> inserts the call time
            </>
          )}
        </Text>
      </Group>
    </Box>
  )
}
