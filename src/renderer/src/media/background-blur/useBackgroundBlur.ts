import { useEffect, useRef, useState } from 'react'
import { createBackgroundBlur } from './background-blur'

export interface BackgroundBlurState {
  /** The track to send or show: the blurred one while blur runs, the camera's own otherwise. */
  track: MediaStreamTrack | null
  /** True while the blurred track is in use. */
  active: boolean
  /** True while the model loads (the first time takes a second or two). */
  starting: boolean
  /** Plain words for the user when blur could not start or turned itself off. */
  notice: string | null
}

/**
 * The call's and the guest page's way in: the camera track and the switch in, the track to use
 * out. When the computer cannot keep up, blur turns itself off, onTurnedOff tells the caller
 * (to flip its switch) and the camera's own track comes back.
 */
export function useBackgroundBlur(camera: MediaStreamTrack | null, enabled: boolean, onTurnedOff?: () => void): BackgroundBlurState {
  const [state, setState] = useState<BackgroundBlurState>({ track: camera, active: false, starting: false, notice: null })
  const turnedOff = useRef(onTurnedOff)
  turnedOff.current = onTurnedOff

  useEffect(() => {
    if (!camera || !enabled) {
      setState((previous) => ({ track: camera, active: false, starting: false, notice: enabled ? null : previous.notice }))
      return
    }
    let cancelled = false
    let stop: (() => void) | null = null
    setState({ track: camera, active: false, starting: true, notice: null })
    createBackgroundBlur(camera, {
      onTooSlow: (message) => {
        if (cancelled) return
        setState({ track: camera, active: false, starting: false, notice: message })
        turnedOff.current?.()
      }
    }).then(
      (blur) => {
        if (cancelled) return blur.stop()
        stop = blur.stop
        setState({ track: blur.track, active: true, starting: false, notice: null })
      },
      () => {
        if (cancelled) return
        setState({
          track: camera,
          active: false,
          starting: false,
          notice: 'Background blur could not start on this computer. Your camera shows as usual.'
        })
        turnedOff.current?.()
      }
    )
    return () => {
      cancelled = true
      stop?.()
    }
  }, [camera, enabled])

  return state
}
