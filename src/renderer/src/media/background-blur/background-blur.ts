import { FrameRateWatch, MIN_BLUR_FPS } from './frame-rate-watch'
import { locateMediapipeFile, MEDIAPIPE_LOADER_URL } from './mediapipe-assets'

export interface BackgroundBlur {
  /** The camera with its background blurred: send or show this one instead of the camera's track. */
  readonly track: MediaStreamTrack
  /** Ends the blurred track; the camera's track is left to its owner (the model stays loaded for next time). */
  stop(): void
}

export interface BackgroundBlurOptions {
  /** Called once if blur stopped itself because this computer cannot keep up; the message is for the user. */
  onTooSlow?: (message: string) => void
  /** Frames a second blur must keep (measured over a 3 s window after a 2 s warm-up). */
  minFps?: number
}

export const TOO_SLOW_MESSAGE = `Background blur is off: this computer could not blur your background smoothly (at least ${MIN_BLUR_FPS} pictures a second). Your camera shows as usual.`

// What Chromium offers for working on a camera's frames one by one (insertable streams).
declare class MediaStreamTrackProcessor {
  constructor(init: { track: MediaStreamTrack; maxBufferSize?: number })
  readonly readable: ReadableStream<VideoFrame>
}
declare class MediaStreamTrackGenerator extends MediaStreamTrack {
  constructor(init: { kind: 'video' })
  readonly writable: WritableStream<VideoFrame>
}

interface SegmentationResults {
  image: CanvasImageSource
  segmentationMask: CanvasImageSource
}
interface SelfieSegmentationInstance {
  setOptions(options: { modelSelection?: number; selfieMode?: boolean }): void
  onResults(listener: (results: SegmentationResults) => void): void
  initialize(): Promise<void>
  send(inputs: { image: HTMLCanvasElement }): Promise<void>
}
type SelfieSegmentationClass = new (config: { locateFile: (file: string) => string }) => SelfieSegmentationInstance

let segmenter: Promise<(image: HTMLCanvasElement, draw: (results: SegmentationResults) => void) => Promise<void>> | null = null

/** MediaPipe's loader is a classic script that defines a global: it is added once, from the app's files. */
function loadSelfieSegmentation(): Promise<SelfieSegmentationClass> {
  return new Promise<SelfieSegmentationClass>((resolve, reject) => {
    const script = Object.assign(document.createElement('script'), { src: MEDIAPIPE_LOADER_URL, crossOrigin: 'anonymous' })
    script.onload = () => {
      const found = (window as unknown as { SelfieSegmentation?: SelfieSegmentationClass }).SelfieSegmentation
      if (found) resolve(found)
      else reject(new Error('MediaPipe loaded without SelfieSegmentation'))
    }
    script.onerror = () => reject(new Error('MediaPipe could not be loaded from the app'))
    document.head.append(script)
  })
}

/**
 * One segmenter for the page, made on first use and kept: MediaPipe's solutions do not
 * come back cleanly after close(). Frames go through it one at a time, each drawn by its caller.
 */
function segmentation(): Promise<(image: HTMLCanvasElement, draw: (results: SegmentationResults) => void) => Promise<void>> {
  segmenter ??= (async () => {
    const SelfieSegmentation = await loadSelfieSegmentation()
    const instance = new SelfieSegmentation({ locateFile: locateMediapipeFile })
    // Model 1 (landscape, 256×144) is the lighter one, made for video calls.
    instance.setOptions({ modelSelection: 1 })
    let drawing: (results: SegmentationResults) => void = () => undefined
    instance.onResults((results) => drawing(results))
    await instance.initialize()
    let queue = Promise.resolve()
    return (image: HTMLCanvasElement, draw: (results: SegmentationResults) => void) => {
      const turn = queue.then(async () => {
        drawing = draw
        await instance.send({ image })
      })
      queue = turn.catch(() => undefined)
      return turn
    }
  })().catch((error) => {
    segmenter = null
    throw error
  })
  return segmenter
}

// The background is blurred at a quarter of the size: the scale-up smooths it further, at a fraction of the work.
const BLUR_SCALE = 4
const BLUR_RADIUS_PX = 4
const SEGMENTATION_WIDTH = 320

/**
 * Blurs what is behind the person in a camera track. Frames come in through Chromium's
 * MediaStreamTrackProcessor, MediaPipe's selfie segmentation finds the person, and the
 * picture goes out through a MediaStreamTrackGenerator. A frame that arrives while the last
 * is still being worked on is dropped, so a slow machine gets fewer frames, never a lag.
 */
export async function createBackgroundBlur(camera: MediaStreamTrack, options: BackgroundBlurOptions = {}): Promise<BackgroundBlur> {
  if (camera.kind !== 'video') throw new Error('Background blur needs a camera track.')
  if (camera.readyState === 'ended') throw new Error('The camera track has already ended.')
  if (typeof MediaStreamTrackProcessor === 'undefined' || typeof MediaStreamTrackGenerator === 'undefined') {
    throw new Error('Background blur needs a newer Chromium.')
  }
  const segment = await segmentation()
  // MediaPipe sees a small copy (its model reads 256×144 anyway); the person is drawn from the full frame.
  const input = document.createElement('canvas')
  const inputContext = input.getContext('2d')!
  const output = document.createElement('canvas')
  const outputContext = output.getContext('2d')!
  const small = document.createElement('canvas')
  const smallContext = small.getContext('2d')!

  function composite(frame: VideoFrame, mask: CanvasImageSource): void {
    const { width, height } = output
    // Unblurred first, so the blur's soft edges never let the transparent border through.
    smallContext.filter = 'none'
    smallContext.drawImage(input, 0, 0, small.width, small.height)
    smallContext.filter = `blur(${BLUR_RADIUS_PX}px)`
    smallContext.drawImage(input, 0, 0, small.width, small.height)
    outputContext.save()
    outputContext.clearRect(0, 0, width, height)
    outputContext.drawImage(mask, 0, 0, width, height)
    // The person, sharp, where the mask is; the blurred room behind everything else.
    outputContext.globalCompositeOperation = 'source-in'
    outputContext.drawImage(frame, 0, 0, width, height)
    outputContext.globalCompositeOperation = 'destination-over'
    outputContext.drawImage(small, 0, 0, width, height)
    outputContext.restore()
  }

  const processor = new MediaStreamTrackProcessor({ track: camera, maxBufferSize: 1 })
  const generator = new MediaStreamTrackGenerator({ kind: 'video' })
  const reader = processor.readable.getReader()
  const writer = generator.writable.getWriter()
  const watch = new FrameRateWatch({ minFps: options.minFps ?? MIN_BLUR_FPS, windowMs: 3000, warmUpMs: 2000 })
  let stopped = false

  function fitCanvases(width: number, height: number): void {
    if (output.width === width && output.height === height) return
    output.width = width
    output.height = height
    input.width = SEGMENTATION_WIDTH
    input.height = Math.max(1, Math.round((SEGMENTATION_WIDTH * height) / width))
    small.width = Math.max(1, Math.round(width / BLUR_SCALE))
    small.height = Math.max(1, Math.round(height / BLUR_SCALE))
  }

  async function run(): Promise<void> {
    while (!stopped) {
      const { value: frame, done } = await reader.read()
      if (done || !frame) break
      try {
        fitCanvases(frame.displayWidth, frame.displayHeight)
        inputContext.drawImage(frame, 0, 0, input.width, input.height)
        let drawn = false
        await segment(input, ({ segmentationMask }) => {
          composite(frame, segmentationMask)
          drawn = true
        })
        if (stopped) break
        // A frame MediaPipe gave no mask for is dropped: never a blank picture, never an unblurred one.
        if (drawn) await writer.write(new VideoFrame(output, { timestamp: frame.timestamp }))
      } finally {
        frame.close()
      }
      const now = performance.now()
      watch.frame(now)
      if (watch.tooSlow(now)) {
        stop()
        options.onTooSlow?.(TOO_SLOW_MESSAGE)
      }
    }
  }

  function stop(): void {
    if (stopped) return
    stopped = true
    void reader.cancel().catch(() => undefined)
    void writer.close().catch(() => undefined)
    generator.stop()
  }

  camera.addEventListener('ended', stop, { once: true })
  void run().catch(() => {
    if (!stopped) stop()
  })
  return { track: generator, stop }
}
