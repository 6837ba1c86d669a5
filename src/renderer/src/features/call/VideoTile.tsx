import { Avatar, Box, Center, Stack, Text } from '@mantine/core'
import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react'

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('')
}

/** A video with a name on it; the person's initials when no picture comes. */
export function VideoTile({
  stream,
  label,
  name,
  muted,
  mirrored,
  showVideo,
  fit = 'cover',
  badge,
  style,
  sinkId,
  onSinkError
}: {
  stream: MediaStream | null
  /** The video's accessible name, e.g. "Video from Maya Chen". */
  label: string
  name: string
  muted: boolean
  mirrored?: boolean
  showVideo: boolean
  fit?: 'cover' | 'contain'
  badge?: ReactNode
  style?: CSSProperties
  /** The speaker the sound plays on (an audiooutput device id); the system's default when absent. */
  sinkId?: string | null
  onSinkError?: (error: unknown) => void
}) {
  const video = useRef<HTMLVideoElement>(null)
  useEffect(() => {
    const element = video.current
    if (!element) return
    if (element.srcObject !== stream) element.srcObject = stream
    if (stream) void element.play().catch(() => undefined)
  }, [stream])
  useEffect(() => {
    const element = video.current as (HTMLVideoElement & { setSinkId?: (id: string) => Promise<void> }) | null
    if (!element || sinkId == null || !element.setSinkId) return
    element.setSinkId(sinkId).catch((error: unknown) => onSinkError?.(error))
  }, [sinkId, onSinkError])
  return (
    <Box className="greenroom-video-tile" style={style}>
      <video
        ref={video}
        aria-label={label}
        autoPlay
        playsInline
        muted={muted}
        style={{
          width: '100%',
          height: '100%',
          objectFit: fit,
          transform: mirrored ? 'scaleX(-1)' : undefined,
          visibility: showVideo && stream ? 'visible' : 'hidden',
          display: 'block'
        }}
      />
      {!(showVideo && stream) && (
        <Center pos="absolute" inset={0}>
          <Stack align="center" gap={6}>
            <Avatar size="lg" radius="xl" color="greenroom" variant="filled">
              {initials(name) || '?'}
            </Avatar>
          </Stack>
        </Center>
      )}
      <Text className="greenroom-video-name" size="xs" fw={600}>
        {name}
        {badge}
      </Text>
    </Box>
  )
}
