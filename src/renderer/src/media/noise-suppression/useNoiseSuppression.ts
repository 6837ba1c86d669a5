import { useEffect, useRef, useState } from 'react'
import { createNoiseSuppressor, type NoiseSuppressor } from './noise-suppressor'

export interface NoiseSuppressionState {
  /** The track to send or record: the cleaned one once ready, the microphone's own until then (or if it failed). */
  track: MediaStreamTrack | null
  /** True once the cleaned track is in use. */
  active: boolean
  /** Plain words for the user when suppression could not start; the call goes on without it. */
  error: string | null
}

/**
 * The call's and the guest page's way in: give it the microphone track and the switch, use the
 * track it returns. Switching on and off keeps the same cleaned track (no renegotiation); a new
 * microphone track builds a new suppressor and ends the old one.
 */
export function useNoiseSuppression(microphone: MediaStreamTrack | null, enabled: boolean): NoiseSuppressionState {
  const [state, setState] = useState<NoiseSuppressionState>({ track: microphone, active: false, error: null })
  const suppressor = useRef<NoiseSuppressor | null>(null)
  const enabledRef = useRef(enabled)
  enabledRef.current = enabled

  useEffect(() => {
    setState({ track: microphone, active: false, error: null })
    if (!microphone) return
    let cancelled = false
    createNoiseSuppressor(microphone, { enabled: enabledRef.current }).then(
      (made) => {
        if (cancelled) return made.stop()
        suppressor.current = made
        setState({ track: made.track, active: true, error: null })
      },
      () => {
        if (!cancelled)
          setState({
            track: microphone,
            active: false,
            error: 'Noise suppression could not start on this computer. Your microphone works as usual.'
          })
      }
    )
    return () => {
      cancelled = true
      suppressor.current?.stop()
      suppressor.current = null
    }
  }, [microphone])

  useEffect(() => {
    suppressor.current?.setEnabled(enabled)
  }, [enabled, state.active])

  return state
}
