import { Badge } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconClock } from '@tabler/icons-react'
import { useEffect, useRef } from 'react'
import { clockText, timerStage } from './quality'

export type TimerStage = ReturnType<typeof timerStage>

const WARNING_IDS = { ending: 'call-time-ending', over: 'call-time-over' } as const

/** A short, soft two-note chime for the time warnings, made on the spot (no sound file). */
export function playChime(): void {
  try {
    const context = new AudioContext()
    const start = context.currentTime
    for (const [index, frequency] of [660, 880].entries()) {
      const tone = context.createOscillator()
      const gain = context.createGain()
      tone.frequency.value = frequency
      gain.gain.setValueAtTime(0.0001, start + index * 0.25)
      gain.gain.exponentialRampToValueAtTime(0.2, start + index * 0.25 + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, start + index * 0.25 + 0.4)
      tone.connect(gain).connect(context.destination)
      tone.start(start + index * 0.25)
      tone.stop(start + index * 0.25 + 0.45)
    }
    window.setTimeout(() => void context.close(), 1200)
  } catch {
    // No audio output: the warning still shows.
  }
}

/**
 * The warnings two minutes before the agreed end and at it. They stay until dismissed: a
 * user mid-sentence looks away and must still find them.
 */
export function useTimeWarnings({
  stage,
  active,
  targetMinutes,
  sound
}: {
  stage: TimerStage
  active: boolean
  targetMinutes: number | null
  sound?: boolean
}) {
  const warned = useRef<TimerStage>('normal')
  useEffect(() => {
    if (!active || stage === warned.current) return
    warned.current = stage
    if (stage === 'ending') {
      notifications.show({
        id: WARNING_IDS.ending,
        color: 'yellow',
        autoClose: false,
        title: 'Two minutes left',
        message: `The agreed ${targetMinutes} minutes are nearly over: time to wrap up and agree on next steps.`
      })
    } else if (stage === 'over') {
      notifications.hide(WARNING_IDS.ending)
      notifications.show({
        id: WARNING_IDS.over,
        color: 'orange',
        autoClose: false,
        title: 'Time is up',
        message: `The agreed ${targetMinutes} minutes are over. Ask before you run on.`
      })
    }
    if (stage !== 'normal' && sound) playChime()
  }, [stage, active, targetMinutes, sound])
}

const STAGE_WORDS: Record<TimerStage, string | null> = { normal: null, ending: '2 min left', over: 'Over time' }

/** The call's time against its agreed length, saying so when it nears or passes the end. */
export function TimerBadge({
  elapsed,
  targetMinutes,
  size = 'lg',
  onVideo = true
}: {
  elapsed: number
  targetMinutes: number | null
  size?: 'lg' | 'xl'
  onVideo?: boolean
}) {
  const stage = timerStage(elapsed, targetMinutes)
  // On the call's video a dark badge reads best; on the companion's page, one that follows the theme.
  const color = stage === 'over' ? 'orange' : stage === 'ending' ? 'yellow' : onVideo ? 'dark' : 'gray'
  const words = STAGE_WORDS[stage]
  const text = targetMinutes ? `${clockText(elapsed)} / ${clockText(targetMinutes * 60)}` : clockText(elapsed)
  return (
    <Badge
      size={size}
      radius="sm"
      color={color}
      variant={stage === 'normal' && !onVideo ? 'light' : 'filled'}
      leftSection={<IconClock size={14} />}
      role="timer"
      aria-label={targetMinutes ? `Call time ${clockText(elapsed)} of ${targetMinutes} minutes` : `Call time ${clockText(elapsed)}`}
      styles={{ root: { textTransform: 'none', fontVariantNumeric: 'tabular-nums' } }}
    >
      {text}
      {words && ` · ${words}`}
    </Badge>
  )
}
