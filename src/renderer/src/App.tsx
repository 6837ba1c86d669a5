import { Alert, Button, Center, Loader, MantineProvider, Stack, useMantineColorScheme } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { createHashRouter, Navigate, RouterProvider } from 'react-router'
import { AppLayout } from './AppLayout'
import { SettingsProvider, useSettings } from './hooks/settings-context'
import { destinations } from './navigation'
import { PageError } from './PageError'
import type { Settings } from '@shared/settings'
import type { StartupRequests } from './startup'
import { CallRoomPage, CompanionPage, InterviewPage, PrepRoomPage, SearchPage, WholeWindowPage } from './pages'
import { cssVariablesResolver, theme } from './theme'

// The app opens on the Inbox: the address says so before the router first reads it, rather than
// the shell drawing "/" and then being redirected (a second render before the first frame).
if (['', '#', '#/'].includes(window.location.hash)) window.history.replaceState(window.history.state, '', '#/inbox')

const router = createHashRouter([
  // The call takes the whole window: no navigation around it.
  {
    path: '/interviews/:id/call',
    errorElement: <PageError />,
    element: (
      <WholeWindowPage>
        <CallRoomPage />
      </WholeWindowPage>
    )
  },
  // Beside another app's call the companion is the whole (narrow) window too.
  {
    path: '/interviews/:id/companion',
    errorElement: <PageError />,
    element: (
      <WholeWindowPage>
        <CompanionPage />
      </WholeWindowPage>
    )
  },
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <PageError />,
    children: [
      {
        // A page that fails shows why in its own space; the navigation around it stays.
        errorElement: <PageError />,
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

/**
 * Mantine's notifications host, mounted once the shell's first frame is drawn: it draws nothing
 * until a notification comes, and its portal mounts in two renders. A notification shown
 * before then waits in Mantine's store and appears as it mounts.
 */
function NotificationsAfterFirstFrame() {
  const [mounted, setMounted] = useState(false)
  useEffect(() => {
    const frame = requestAnimationFrame(() => setMounted(true))
    return () => cancelAnimationFrame(frame)
  }, [])
  return mounted ? <Notifications position="bottom-right" /> : null
}

/** True once the page follows the host's clock, so no relative time is first drawn wrong. */
function useHostClock(hostClock: Promise<void>, alreadySynced: boolean): boolean {
  const [synced, setSynced] = useState(alreadySynced)
  useEffect(() => {
    void hostClock.then(() => setSynced(true))
  }, [hostClock])
  return synced
}

function Shell({ hostClock, clockSynced: alreadySynced }: { hostClock: Promise<void>; clockSynced: boolean }) {
  const { settings, loadError, reload } = useSettings()
  const clockSynced = useHostClock(hostClock, alreadySynced)

  const ready = settings !== null && clockSynced
  useEffect(() => {
    if (!ready) return
    // The benchmark measures cold start up to here: the shell painted with real data.
    requestAnimationFrame(() => performance.mark('greenroom:interactive'))
  }, [ready])

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

/**
 * The app, given the settings and clock requests main.tsx started before React's first render,
 * and the settings if both had come by then.
 */
export function App({ startup, settings = null }: { startup: StartupRequests; settings?: Settings | null }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <NotificationsAfterFirstFrame />
      <SettingsProvider firstLoad={startup.settings} loaded={settings}>
        <ColorSchemeFromSettings />
        <Shell hostClock={startup.hostClock} clockSynced={settings !== null} />
      </SettingsProvider>
    </MantineProvider>
  )
}
