import { Image, Modal, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core'
import type { ScreenSource } from '@shared/call'

/** The desktop app's picker: whole screens and single windows, each with a thumbnail. */
export function ScreenPicker({ sources, onPick }: { sources: ScreenSource[] | null; onPick: (id: string | null) => void }) {
  const screens = (sources ?? []).filter((source) => source.kind === 'screen')
  const windows = (sources ?? []).filter((source) => source.kind === 'window')
  const grid = (items: ScreenSource[]) => (
    <SimpleGrid cols={3} spacing="sm">
      {items.map((source) => (
        <UnstyledButton
          key={source.id}
          onClick={() => onPick(source.id)}
          aria-label={`Share ${source.kind === 'screen' ? 'screen' : 'window'} “${source.name}”`}
          p={6}
          style={{ borderRadius: 'var(--mantine-radius-md)', border: '1px solid var(--mantine-color-default-border)' }}
        >
          <Stack gap={4}>
            {source.thumbnail ? (
              <Image src={source.thumbnail} alt="" radius="sm" h={96} fit="contain" bg="dark.7" />
            ) : (
              <Text h={96} c="dimmed" size="xs" ta="center" style={{ display: 'grid', placeItems: 'center' }}>
                No preview
              </Text>
            )}
            <Text size="xs" truncate>
              {source.name}
            </Text>
          </Stack>
        </UnstyledButton>
      ))}
    </SimpleGrid>
  )
  return (
    <Modal opened={sources !== null} onClose={() => onPick(null)} title="Share your screen" size="xl">
      <Stack gap="md">
        <Title order={3} size="h5">
          Whole screens
        </Title>
        {screens.length ? (
          grid(screens)
        ) : (
          <Text size="sm" c="dimmed">
            No screen found.
          </Text>
        )}
        <Title order={3} size="h5">
          Single windows
        </Title>
        {windows.length ? (
          grid(windows)
        ) : (
          <Text size="sm" c="dimmed">
            No window to share: open the app or file first.
          </Text>
        )}
      </Stack>
    </Modal>
  )
}
