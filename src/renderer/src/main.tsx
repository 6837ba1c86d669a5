// Only the Mantine styles the shell draws first, in the order of Mantine's own styles.css; pages load
// the rest with their code (page-styles.ts). Layer files, so app.css wins whichever arrives last.
import '@mantine/core/styles/baseline.layer.css'
import '@mantine/core/styles/default-css-variables.layer.css'
import '@mantine/core/styles/global.layer.css'
import '@mantine/core/styles/UnstyledButton.layer.css'
import '@mantine/core/styles/Paper.layer.css'
import '@mantine/core/styles/Loader.layer.css'
import '@mantine/core/styles/CloseButton.layer.css'
import '@mantine/core/styles/Group.layer.css'
import '@mantine/core/styles/Alert.layer.css'
import '@mantine/core/styles/Text.layer.css'
import '@mantine/core/styles/AppShell.layer.css'
import '@mantine/core/styles/Button.layer.css'
import '@mantine/core/styles/Center.layer.css'
import '@mantine/core/styles/Code.layer.css'
import '@mantine/core/styles/Image.layer.css'
import '@mantine/core/styles/Kbd.layer.css'
import '@mantine/core/styles/NavLink.layer.css'
import '@mantine/core/styles/Notification.layer.css'
import '@mantine/core/styles/Tooltip.layer.css'
import '@mantine/core/styles/Stack.layer.css'
import '@mantine/core/styles/Title.layer.css'
import '@mantine/notifications/styles.layer.css'
import './app.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { requestStartupData, settingsWithin } from './startup'

const root = document.getElementById('root')
if (!root) throw new Error('The page has no #root element')
const startup = requestStartupData(window.greenroom)
// The answers usually come in a few milliseconds: one render with them beats a spinner drawn, then replaced.
void settingsWithin(startup, 250).then((settings) =>
  createRoot(root).render(
    <StrictMode>
      <App startup={startup} settings={settings} />
    </StrictMode>
  )
)
