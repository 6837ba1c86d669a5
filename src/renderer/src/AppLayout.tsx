import { AppShell, Box, Button, Group, Image, Kbd, NavLink, Stack, Text, Title } from '@mantine/core'
import { useHotkeys, useOs } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { Suspense } from 'react'
import { NavLink as RouterLink, Outlet, useLocation, useNavigate } from 'react-router'
import { useSettings } from './hooks/settings-context'
import { destinations } from './navigation'
import { IncomingCall } from './features/call/ring/IncomingCall'
import { lazyNamed, PageLoading } from './pages'
import { LocalClock } from './components/LocalClock'

// Reminders and the show-up question draw nothing until one is due, so they load after the shell.
const ReminderCenter = lazyNamed(() => import('@renderer/features/schedule/ReminderCenter'), 'ReminderCenter')
const ShowUpPrompt = lazyNamed(() => import('@renderer/features/schedule/ShowUpPrompt'), 'ShowUpPrompt')

export function AppLayout() {
  const navigate = useNavigate()
  const location = useLocation()
  const { settings } = useSettings()
  // Read at once (this app never renders on a server): the default reads it in an effect and draws everything twice.
  const os = useOs({ getValueInEffect: false })
  const modifier = os === 'macos' ? '⌘' : 'Ctrl'

  useHotkeys(
    [
      ...destinations.map((destination): [string, () => void] => [`mod+${destination.digit}`, () => navigate(destination.path)]),
      ['mod+k', () => navigate('/search')]
    ],
    [] // also from inside text fields
  )

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 268, breakpoint: 0 }} padding="xl">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppShell.Header px="lg">
        <Group h="100%" justify="space-between">
          <Group gap="sm">
            <Image src="./greenroom.svg" alt="" w={28} h={28} />
            <Title order={2} size="h4" fw={700}>
              Greenroom
            </Title>
          </Group>
          <Group gap="lg">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconSearch size={14} />}
              rightSection={<Kbd size="xs">{modifier} K</Kbd>}
              onClick={() => navigate('/search')}
              aria-keyshortcuts={`${os === 'macos' ? 'Meta' : 'Control'}+K`}
              w={220}
              styles={{ inner: { justifyContent: 'space-between' } }}
            >
              Search
            </Button>
            {settings && <LocalClock timeZone={settings.timeZone} />}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main">
        <Stack gap={2} component="nav">
          {destinations.map((destination) => (
            <NavLink
              key={destination.path}
              component={RouterLink}
              to={destination.path}
              label={destination.label}
              leftSection={<destination.icon size={20} stroke={1.6} aria-hidden />}
              rightSection={
                <Kbd size="xs" aria-hidden>
                  {modifier} {destination.digit}
                </Kbd>
              }
              active={location.pathname.startsWith(destination.path)}
              aria-keyshortcuts={`${os === 'macos' ? 'Meta' : 'Control'}+${destination.digit}`}
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          ))}
        </Stack>
        <Box mt="auto" p="xs">
          <Text size="xs" c="dimmed">
            Your records and notes stay on this computer; only calls leave it.
          </Text>
        </Box>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <Suspense fallback={null}>
          <ReminderCenter />
        </Suspense>
        <IncomingCall />
        <Box maw={1040}>
          <Suspense fallback={null}>
            <ShowUpPrompt />
          </Suspense>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  )
}
