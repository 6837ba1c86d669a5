/** What the page tells the noise worklet over its port. */
export type NoiseWorkletMessage = { type: 'enabled'; on: boolean } | { type: 'stop' }

export const NOISE_WORKLET_NAME = 'greenroom-noise-suppressor'
