import { IconMessages } from '@tabler/icons-react'
import { PageHeader } from '../../components/PageHeader'
import { Placeholder } from '../../components/Placeholder'

export function InterviewsPage() {
  return (
    <>
      <PageHeader
        title="Interviews"
        description="Every client conversation from invitation to hire, with its job post, proposal, notes and outcome."
      />
      <Placeholder
        icon={<IconMessages size={32} aria-hidden />}
        title="No interviews yet"
        description="Accepted invitations become interviews here, grouped by where they stand: scheduled, done, offer, hired."
      />
    </>
  )
}
