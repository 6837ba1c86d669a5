import { systemTimers } from '@shared/time-source'
import { now } from '@renderer/clock'
import { browserMediaPlatform } from './call-media'
import type { CallPlatform } from './call-runner'

/** The page's own world for the call runner: the app clock (the host's), real timers, the browser's devices and WebRTC. */
export const browserCallPlatform: CallPlatform = { clock: { now }, timers: systemTimers, media: browserMediaPlatform }
