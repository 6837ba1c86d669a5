import { Box, CloseButton, Group, Loader, Menu, Switch, Text } from '@mantine/core'
import { IconCheck } from '@tabler/icons-react'
import { useSyncExternalStore } from 'react'
import type { CallProcessing, ProcessedCall, ProcessingState } from './call-processing'
import { processingFor } from './processing-for'

/** The call's processing switches and their state, for whichever control shows them. */
export function useCallProcessing(call: ProcessedCall): { processing: CallProcessing; state: ProcessingState } {
  const processing = processingFor(call)
  const state = useSyncExternalStore(processing.subscribe, () => processing.current)
  return { processing, state }
}

export const NOISE_SWITCH_LABEL = 'Reduce background noise'
export const BLUR_SWITCH_LABEL = 'Blur my background'

/** The two switches as items of the call's settings menu (a tick while on). */
export function ProcessingMenuItems({ call }: { call: ProcessedCall }) {
  const { processing, state } = useCallProcessing(call)
  return (
    <>
      <Menu.Divider />
      <Menu.Label>Sound and picture</Menu.Label>
      {/* Mantine's items are menuitems only: the state is in the name, as the tick shows it. */}
      <Menu.Item
        aria-label={`${NOISE_SWITCH_LABEL}: ${state.noiseSuppression ? 'on' : 'off'}`}
        leftSection={state.noiseSuppression ? <IconCheck size={14} /> : <Box w={14} />}
        onClick={() => processing.setNoiseSuppression(!state.noiseSuppression)}
      >
        {NOISE_SWITCH_LABEL}
      </Menu.Item>
      <Menu.Item
        aria-label={`${BLUR_SWITCH_LABEL}: ${state.blur ? 'on' : 'off'}`}
        leftSection={state.blur ? <IconCheck size={14} /> : <Box w={14} />}
        rightSection={state.blurStarting ? <Loader size={12} aria-label="Starting background blur" /> : null}
        onClick={() => void processing.setBlur(!state.blur)}
      >
        {BLUR_SWITCH_LABEL}
      </Menu.Item>
    </>
  )
}

/** The two switches on a page of their own (the guest's checks before joining). */
export function ProcessingSwitches({ call }: { call: ProcessedCall }) {
  const { processing, state } = useCallProcessing(call)
  return (
    <Group gap="xl">
      <Switch
        label={NOISE_SWITCH_LABEL}
        checked={state.noiseSuppression}
        onChange={(event) => processing.setNoiseSuppression(event.currentTarget.checked)}
      />
      <Switch
        label={BLUR_SWITCH_LABEL}
        description={state.blurStarting ? 'Starting…' : undefined}
        checked={state.blur}
        onChange={(event) => void processing.setBlur(event.currentTarget.checked)}
      />
    </Group>
  )
}

/** Why blur or noise reduction is off when the user did not switch it off, until they close it. */
export function ProcessingNotice({ call, c = 'orange' }: { call: ProcessedCall; c?: string }) {
  const { processing, state } = useCallProcessing(call)
  if (!state.notice) return null
  return (
    <Group gap={6} justify="center" wrap="nowrap" pb="xs" px="sm" role="alert">
      <Text size="sm" c={c} ta="center">
        {state.notice}
      </Text>
      <CloseButton size="sm" c={c} aria-label="Close this message" onClick={() => processing.dismissNotice()} />
    </Group>
  )
}
