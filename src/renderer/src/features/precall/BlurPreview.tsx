import { Alert, Group, Paper, Stack, Switch, Text, ThemeIcon } from '@mantine/core'
import { IconBlur } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { useBackgroundBlur } from '@renderer/media/background-blur/useBackgroundBlur'

/** Try background blur before a call: the camera with and without it, as the client would see it. */
export function BlurPreview({ cameraId, disabled }: { cameraId: string | null; disabled?: boolean }) {
  const [showing, setShowing] = useState(false)
  const [blur, setBlur] = useState(true)
  const [camera, setCamera] = useState<MediaStreamTrack | null>(null)
  const [error, setError] = useState<string | null>(null)
  const video = useRef<HTMLVideoElement>(null)
  const blurred = useBackgroundBlur(camera, blur, () => setBlur(false))

  // The camera is open only while the preview is shown.
  useEffect(() => {
    if (!showing || disabled) return
    let opened: MediaStreamTrack | null = null
    let cancelled = false
    navigator.mediaDevices
      .getUserMedia({
        video: cameraId ? { deviceId: { exact: cameraId } } : { width: { ideal: 1280 }, height: { ideal: 720 } },
        audio: false
      })
      .then((stream) => {
        opened = stream.getVideoTracks()[0]!
        if (cancelled) return opened.stop()
        setError(null)
        setCamera(opened)
      })
      .catch(() => !cancelled && setError('The camera did not open. Check that no other app is using it, and that Greenroom may use it.'))
    return () => {
      cancelled = true
      opened?.stop()
      setCamera(null)
    }
  }, [showing, disabled, cameraId])

  useEffect(() => {
    if (video.current) video.current.srcObject = blurred.track ? new MediaStream([blurred.track]) : null
  }, [blurred.track])

  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-label="Background blur">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <ThemeIcon variant="light" radius="xl" size="md">
              <IconBlur size={16} />
            </ThemeIcon>
            <div>
              <Text fw={600}>Background blur</Text>
              <Text size="sm" c="dimmed" role="status" aria-live="polite">
                {!showing
                  ? 'See how your background looks blurred before a call.'
                  : blurred.starting
                    ? 'Starting background blur…'
                    : blurred.active
                      ? 'Your background is blurred.'
                      : 'Your camera as it is.'}
              </Text>
            </div>
          </Group>
          <Stack gap={6}>
            <Switch
              label="Show my camera"
              checked={showing}
              disabled={disabled}
              onChange={(event) => setShowing(event.currentTarget.checked)}
            />
            <Switch
              label="Blur my background"
              checked={blur}
              disabled={disabled}
              onChange={(event) => setBlur(event.currentTarget.checked)}
            />
          </Stack>
        </Group>
        {(blurred.notice || error) && (
          <Alert color="yellow" variant="light" role="alert">
            {error ?? blurred.notice}
          </Alert>
        )}
        {showing && camera && (
          <video
            ref={video}
            autoPlay
            muted
            playsInline
            aria-label={blurred.active ? 'Camera preview, background blurred' : 'Camera preview'}
            style={{ width: 320, maxWidth: '100%', borderRadius: 12, background: '#000', aspectRatio: '16 / 9', objectFit: 'cover' }}
          />
        )}
      </Stack>
    </Paper>
  )
}
