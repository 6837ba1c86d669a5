export { createBackgroundBlur, TOO_SLOW_MESSAGE, type BackgroundBlur, type BackgroundBlurOptions } from './background-blur'
export { useBackgroundBlur, type BackgroundBlurState } from './useBackgroundBlur'
export { MIN_BLUR_FPS } from './frame-rate-watch'
