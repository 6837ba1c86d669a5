import { IconFolders } from '@tabler/icons-react'
import { PageHeader } from '../../components/PageHeader'
import { Placeholder } from '../../components/Placeholder'

export function SamplesPage() {
  return (
    <>
      <PageHeader
        title="Samples"
        description="Portfolio pieces and case studies to walk a client through, each with what it proves."
      />
      <Placeholder
        icon={<IconFolders size={32} aria-hidden />}
        title="No samples yet"
        description="Samples you keep here can be attached to an interview and opened or shared from the call in two clicks."
      />
    </>
  )
}
