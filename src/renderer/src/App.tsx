import { Alert, Button, Center, Loader, MantineProvider, Stack, useMantineColorScheme } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { createHashRouter, Navigate, RouterProvider } from 'react-router'
import { syncWithHostClock } from './clock'
import { AppLayout } from './components/AppLayout'
import { SettingsProvider, useSettings } from './hooks/settings-context'
import { InterviewPage } from './features/interviews/InterviewPage'
import { PrepRoomPage } from './features/prep/PrepRoomPage'
import { CallRoomPage } from './features/call/CallRoomPage'
import { CompanionPage } from './features/companion/CompanionPage'
import { SearchPage } from './features/search/SearchPage'
import { destinations } from './navigation'
import { cssVariablesResolver, theme } from './theme'

const router = createHashRouter([
  // The call takes the whole window: no navigation around it.
  { path: '/interviews/:id/call', element: <CallRoomPage /> },
  // Beside another app's call the companion is the whole (narrow) window too.
  { path: '/interviews/:id/companion', element: <CompanionPage /> },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/inbox" replace /> },
      ...destinations.map((destination) => ({ path: destination.path.slice(1), element: <destination.page /> })),
      { path: 'interviews/:id', element: <InterviewPage /> },
      // Fixed with the team: reminders and the tray open this address.
      { path: 'interviews/:id/prep', element: <PrepRoomPage /> },
      { path: 'search', element: <SearchPage /> },
      { path: '*', element: <Navigate to="/inbox" replace /> }
    ]
  }
])

/** Applies the theme preference from Settings; "system" follows the OS live. */
function ColorSchemeFromSettings() {
  const { settings } = useSettings()
  const { setColorScheme } = useMantineColorScheme()
  const preference = settings?.theme
  useEffect(() => {
    if (preference) setColorScheme(preference === 'system' ? 'auto' : preference)
  }, [preference, setColorScheme])
  return null
}

/** True once the page follows the host's clock, so no relative time is first drawn wrong. */
function useHostClock(): boolean {
  const [synced, setSynced] = useState(false)
  useEffect(() => {
    void syncWithHostClock(() => window.greenroom.getClock()).then(() => setSynced(true))
  }, [])
  return synced
}

function Shell() {
  const { settings, loadError, reload } = useSettings()
  const clockSynced = useHostClock()

  useEffect(() => {
    if (!settings || !clockSynced) return
    // The benchmark measures cold start up to here: the shell painted with real data.
    requestAnimationFrame(() => performance.mark('greenroom:interactive'))
  }, [settings !== null, clockSynced]) // eslint-disable-line react-hooks/exhaustive-deps

  if (loadError) {
    return (
      <Center h="100%" p="xl">
        <Alert color="red" title="Greenroom could not load its data" icon={<IconAlertTriangle />} maw={520}>
          <Stack gap="sm" align="flex-start">
            {loadError}
            <Button variant="light" color="red" onClick={reload}>
              Try again
            </Button>
          </Stack>
        </Alert>
      </Center>
    )
  }
  if (!settings || !clockSynced) {
    return (
      <Center h="100%" aria-busy>
        <Loader aria-label="Loading Greenroom" />
      </Center>
    )
  }
  return <RouterProvider router={router} />
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <Notifications position="bottom-right" />
      <SettingsProvider>
        <ColorSchemeFromSettings />
        <Shell />
      </SettingsProvider>
    </MantineProvider>
  )
}
