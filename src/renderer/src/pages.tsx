import { Center, Loader } from '@mantine/core'
import { lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react'
import { retryingImport } from './retrying-import'

/**
 * Every page is its own chunk, loaded the first time it is opened: the shell (navigation,
 * header, reminders) starts without the code of charts, the call, the connection test or
 * the notes editor. Pages are named exports, so each loader picks its page by name. A load
 * cut short (the network changed, the app was busy) is tried again before the page says so.
 */
export function lazyNamed<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name
): LazyExoticComponent<ComponentType> {
  // With its code come what the shell's first load leaves out: Luxon (pointed at the host's clock) and the pages' styles.
  const loadWithPageRuntime = () =>
    Promise.all([import('./luxon-host-clock'), import('./page-styles'), load()]).then(([, , module]) => module)
  return lazy(() => retryingImport(loadWithPageRuntime).then((module) => ({ default: module[name] })))
}

export const InboxPage = lazyNamed(() => import('./features/inbox/InboxPage'), 'InboxPage')
export const InterviewsPage = lazyNamed(() => import('./features/interviews/InterviewsPage'), 'InterviewsPage')
export const InterviewPage = lazyNamed(() => import('./features/interviews/InterviewPage'), 'InterviewPage')
export const DashboardPage = lazyNamed(() => import('./features/dashboard/DashboardPage'), 'DashboardPage')
export const CalendarPage = lazyNamed(() => import('./features/schedule/CalendarPage'), 'CalendarPage')
export const SamplesPage = lazyNamed(() => import('./features/samples/SamplesPage'), 'SamplesPage')
export const ConnectionTestPage = lazyNamed(() => import('./features/precall/ConnectionTestPage'), 'ConnectionTestPage')
export const SettingsPage = lazyNamed(() => import('./features/settings/SettingsPage'), 'SettingsPage')
export const PrepRoomPage = lazyNamed(() => import('./features/prep/PrepRoomPage'), 'PrepRoomPage')
export const SearchPage = lazyNamed(() => import('./features/search/SearchPage'), 'SearchPage')
export const CallRoomPage = lazyNamed(() => import('./features/call/CallRoomPage'), 'CallRoomPage')
export const CompanionPage = lazyNamed(() => import('./features/companion/CompanionPage'), 'CompanionPage')

/**
 * What shows while a page's chunk loads: nothing for the usual few milliseconds, then a
 * small spinner fading in (see .page-loading in app.css), in the page's own space so
 * nothing around it moves.
 */
export function PageLoading({ wholeWindow = false }: { wholeWindow?: boolean }) {
  return (
    <Center className="page-loading" h={wholeWindow ? '100%' : undefined} mih={wholeWindow ? undefined : 240} aria-busy>
      <Loader size="sm" aria-label="Loading this page" />
    </Center>
  )
}

/** A page outside the app's frame (the call, the companion) loads in the whole window. */
export function WholeWindowPage({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading wholeWindow />}>{children}</Suspense>
}
