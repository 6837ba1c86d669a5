import { Button } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDatabaseImport } from '@tabler/icons-react'
import { useState } from 'react'
import { errorMessage, useQuery } from '@renderer/hooks/useQuery'

/** Offered only while the database is empty, so a new user can see the app at work. */
export function DemoDataButton() {
  const clients = useQuery(() => window.greenroom.listClients(), [])
  const [busy, setBusy] = useState(false)
  if (!clients.data || clients.data.length > 0) return null
  return (
    <Button
      variant="default"
      leftSection={<IconDatabaseImport size={18} />}
      loading={busy}
      onClick={async () => {
        setBusy(true)
        try {
          const summary = await window.greenroom.loadDemoData()
          notifications.show({
            message: `Demo data loaded: ${summary.clients} clients, ${summary.interviews} interviews, ${summary.invitations} invitations`
          })
        } catch (error) {
          notifications.show({ color: 'red', message: errorMessage(error) })
        } finally {
          setBusy(false)
        }
      }}
    >
      Load demo data
    </Button>
  )
}
