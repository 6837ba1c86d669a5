import { IconCalendarEvent } from '@tabler/icons-react'
import { PageHeader } from '../../components/PageHeader'
import { Placeholder } from '../../components/Placeholder'
import { useSettings } from '../../hooks/settings-context'
import { describeWorkingHours } from '../settings/working-hours-text'

export function CalendarPage() {
  const { settings } = useSettings()
  return (
    <>
      <PageHeader
        title="Calendar"
        description="Your interviews by day and week, in your time zone with the client's beside it."
      />
      <Placeholder
        icon={<IconCalendarEvent size={32} aria-hidden />}
        title="Nothing scheduled"
        description={
          settings
            ? `Scheduled calls show here in ${settings.timeZone}. You take calls ${describeWorkingHours(settings.workingHours)}, ${settings.defaultCallMinutes} minutes unless agreed otherwise.`
            : 'Scheduled calls show here in your time zone.'
        }
      />
    </>
  )
}
