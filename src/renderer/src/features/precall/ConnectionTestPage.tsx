import { IconWifi } from '@tabler/icons-react'
import { PageHeader } from '../../components/PageHeader'
import { Placeholder } from '../../components/Placeholder'

export function ConnectionTestPage() {
  return (
    <>
      <PageHeader
        title="Connection test"
        description="Camera, microphone, speakers and network, checked with a real call on this computer."
      />
      <Placeholder
        icon={<IconWifi size={32} aria-hidden />}
        title="No tests run yet"
        description="Past results will be listed here with their time, so you know your setup held up before the call that matters."
      />
    </>
  )
}
