import { createBackgroundBlur } from '@renderer/media/background-blur/background-blur'
import { createNoiseSuppressor } from '@renderer/media/noise-suppression/noise-suppressor'
import { CallProcessing, type ProcessedCall, type ProcessingMakers } from './call-processing'

const appMakers: ProcessingMakers = { suppressNoise: createNoiseSuppressor, blurBackground: createBackgroundBlur }

const perCall = new WeakMap<ProcessedCall, CallProcessing>()

/**
 * The processing of one call, made and plugged in the first time it is asked for: the page that
 * makes the call asks before opening the devices, its switches (pre-join and in-call) ask later.
 */
export function processingFor(call: ProcessedCall): CallProcessing {
  let processing = perCall.get(call)
  if (!processing) {
    processing = new CallProcessing(call, appMakers)
    perCall.set(call, processing)
    void processing.start()
  }
  return processing
}
