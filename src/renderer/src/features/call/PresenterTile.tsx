import type { CallState } from './engine/call-runner'
import { VideoTile } from './VideoTile'

/**
 * While the other person shares their screen: their camera as a small tile in the corner
 * opposite your own, named "(them) is presenting" (their initials when their camera is off).
 */
export function PresenterTile({ state, peerName }: { state: CallState; peerName: string }) {
  return (
    <VideoTile
      stream={state.presenterStream}
      label={`Camera of ${peerName}`}
      name={`${peerName} is presenting`}
      // The sound comes with the main picture.
      muted
      showVideo={state.remote.camera && !state.remote.audioOnly && state.presenterStream !== null}
      // Bottom left, above the main picture's name label.
      style={{ left: 14, right: 'auto', bottom: 44 }}
    />
  )
}
