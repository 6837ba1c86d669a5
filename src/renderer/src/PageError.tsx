import { Alert, Button, Center, Code, Group, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useNavigate, useRouteError } from 'react-router'
import { isCodeLoadFailure } from './retrying-import'

/**
 * What a page that failed shows in its own space (the navigation stays): in plain words,
 * with Reload, instead of the router's developer screen. Nothing was saved or lost by it.
 */
export function PageError() {
  const error = useRouteError()
  const navigate = useNavigate()
  const codeMissing = isCodeLoadFailure(error)
  const detail = error instanceof Error ? error.message : String(error)
  return (
    <Center p="xl">
      <Alert
        color="red"
        icon={<IconAlertTriangle />}
        title={codeMissing ? 'This page could not load' : 'This page ran into a problem'}
        variant="light"
        w="100%"
        maw={560}
        role="alert"
      >
        <Stack gap="sm">
          <Text size="sm">
            {codeMissing
              ? 'Greenroom could not load this page’s code, even after trying again: the connection to the app was interrupted. Your data is safe.'
              : 'Something on this page went wrong. Your data is safe: reloading usually fixes it.'}
          </Text>
          <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {detail}
          </Code>
          <Group gap="xs">
            <Button variant="light" color="red" onClick={() => window.location.reload()}>
              Reload
            </Button>
            <Button variant="subtle" color="gray" onClick={() => navigate('/inbox')}>
              Go to Inbox
            </Button>
          </Group>
        </Stack>
      </Alert>
    </Center>
  )
}
