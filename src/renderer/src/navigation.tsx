import {
  IconCalendarEvent,
  IconChartBar,
  IconFolders,
  IconInbox,
  IconMessages,
  IconSettings,
  IconWifi,
  type Icon
} from '@tabler/icons-react'
import type { ComponentType } from 'react'
import { CalendarPage, ConnectionTestPage, DashboardPage, InboxPage, InterviewsPage, SamplesPage, SettingsPage } from './pages'

export interface Destination {
  path: string
  label: string
  icon: Icon
  /** The digit that, with Ctrl (⌘ on macOS), jumps here. */
  digit: number
  /** Loaded when first opened (see pages.tsx). */
  page: ComponentType
}

export const destinations: Destination[] = [
  { path: '/inbox', label: 'Inbox', icon: IconInbox, digit: 1, page: InboxPage },
  { path: '/interviews', label: 'Interviews', icon: IconMessages, digit: 2, page: InterviewsPage },
  { path: '/dashboard', label: 'Dashboard', icon: IconChartBar, digit: 3, page: DashboardPage },
  { path: '/calendar', label: 'Calendar', icon: IconCalendarEvent, digit: 4, page: CalendarPage },
  { path: '/samples', label: 'Samples', icon: IconFolders, digit: 5, page: SamplesPage },
  { path: '/connection-test', label: 'Connection test', icon: IconWifi, digit: 6, page: ConnectionTestPage },
  { path: '/settings', label: 'Settings', icon: IconSettings, digit: 7, page: SettingsPage }
]
