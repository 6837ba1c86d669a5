import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import '@renderer/app.css'
import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { cssVariablesResolver, theme } from '@renderer/theme'
import { GuestApp } from './GuestApp'

const root = document.getElementById('root')
if (!root) throw new Error('The page has no #root element')
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <Notifications position="top-right" />
      <GuestApp />
    </MantineProvider>
  </StrictMode>
)
