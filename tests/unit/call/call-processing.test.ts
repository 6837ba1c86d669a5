import { describe, expect, it } from 'vitest'
import { CallMedia, type MediaPlatform, type TrackKind } from '../../../src/renderer/src/features/call/engine/call-media'
import { BLUR_FAILED, CallProcessing, type ProcessingMakers } from '../../../src/renderer/src/features/call/processing/call-processing'

/** A track that only knows its kind, its name and whether it was stopped. */
function fakeTrack(kind: TrackKind, name: string): MediaStreamTrack {
  const track = {
    kind,
    id: name,
    enabled: true,
    readyState: 'live',
    stop: () => (track.readyState = 'ended'),
    getSettings: () => ({ deviceId: `${name}-device` }),
    addEventListener: () => undefined,
    removeEventListener: () => undefined
  }
  return track as unknown as MediaStreamTrack
}

/** Devices that hand out numbered tracks ("mic-1", "camera-1", …), keeping each. */
class FakeDevices implements MediaPlatform {
  readonly made: MediaStreamTrack[] = []
  async getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream> {
    const kind = constraints.video ? 'video' : 'audio'
    const track = fakeTrack(kind, `${kind === 'video' ? 'camera' : 'mic'}-${this.made.length + 1}`)
    this.made.push(track)
    return { getAudioTracks: () => (kind === 'audio' ? [track] : []), getVideoTracks: () => (kind === 'video' ? [track] : []) } as never
  }
  placeholder(kind: TrackKind): MediaStreamTrack {
    return fakeTrack(kind, `placeholder-${kind}`)
  }
  stream(tracks: MediaStreamTrack[]): MediaStream {
    return { tracks } as never
  }
}

/** Suppressors and blurs that record what was asked of them; a blur may be held back until the test lets it go. */
class FakeMakers implements ProcessingMakers {
  readonly suppressors: { track: MediaStreamTrack; of: MediaStreamTrack; enabled: boolean[]; stopped: boolean }[] = []
  readonly blurs: { track: MediaStreamTrack; of: MediaStreamTrack; stopped: boolean; tooSlow: () => void }[] = []
  blurFails = false
  private held: (() => void)[] = []
  holdBlur = false

  async suppressNoise(microphone: MediaStreamTrack, options: { enabled: boolean }) {
    const made = { track: fakeTrack('audio', `cleaned-${microphone.id}`), of: microphone, enabled: [options.enabled], stopped: false }
    this.suppressors.push(made)
    return { track: made.track, setEnabled: (on: boolean) => made.enabled.push(on), stop: () => (made.stopped = true) }
  }

  async blurBackground(camera: MediaStreamTrack, options: { onTooSlow?: (message: string) => void }) {
    if (this.holdBlur) await new Promise<void>((resolve) => this.held.push(resolve))
    if (this.blurFails) throw new Error('no WebGL')
    const made = { track: fakeTrack('video', `blurred-${camera.id}`), of: camera, stopped: false, tooSlow: () => undefined }
    made.tooSlow = () => {
      made.stopped = true
      options.onTooSlow?.('too slow, in plain words')
    }
    this.blurs.push(made)
    return { track: made.track, stop: () => (made.stopped = true) }
  }

  releaseBlurs(): void {
    for (const release of this.held.splice(0)) release()
  }
}

/** A call's media with its two senders, and the processing plugged into it. */
async function setUp() {
  const devices = new FakeDevices()
  const media = new CallMedia(devices, () => undefined)
  const makers = new FakeMakers()
  const processing = new CallProcessing(media, makers)
  await processing.start()
  await media.open()
  const sent: Record<TrackKind, MediaStreamTrack | null> = { audio: null, video: null }
  const sender = (kind: TrackKind) =>
    ({
      track: fakeTrack(kind, 'first'),
      replaceTrack: async (track: MediaStreamTrack | null) => void (sent[kind] = track)
    }) as unknown as RTCRtpSender
  media.attach([sender('audio'), sender('video')])
  const shown = () => (media.current.localStream as unknown as { tracks: MediaStreamTrack[] } | null)?.tracks[0]?.id
  return { devices, media, makers, processing, sent, shown }
}

describe('noise suppression in the call', () => {
  it('is on from the start: the cleaned track goes out, not the microphone’s own', async () => {
    const { media, makers, processing } = await setUp()
    expect(processing.current.noiseSuppression).toBe(true)
    expect(makers.suppressors).toHaveLength(1)
    expect(makers.suppressors[0]!.enabled).toEqual([true, true])
    expect(media.initialTracks()[0]!.id).toBe('cleaned-mic-1')
  })

  it('is switched off and on through the same suppressor: no track changes hands', async () => {
    const { media, makers, processing, sent } = await setUp()
    processing.setNoiseSuppression(false)
    processing.setNoiseSuppression(true)
    expect(makers.suppressors).toHaveLength(1)
    expect(makers.suppressors[0]!.enabled.slice(2)).toEqual([false, true])
    expect(sent.audio).toBeNull() // replaceTrack was never called
    expect(media.initialTracks()[0]!.id).toBe('cleaned-mic-1')
  })

  it('builds a new suppressor for a new microphone and stops the old one; the end of the call stops the last', async () => {
    const { media, makers, processing, sent } = await setUp()
    processing.setNoiseSuppression(false)
    await media.switchMicrophone('other')
    expect(makers.suppressors.map((made) => [made.of.id, made.stopped])).toEqual([
      ['mic-1', true],
      ['mic-3', false]
    ])
    // The new one starts as the switch stands: passing the sound through.
    expect(makers.suppressors[1]!.enabled).toEqual([false, false])
    expect(sent.audio?.id).toBe('cleaned-mic-3')
    media.release()
    expect(makers.suppressors[1]!.stopped).toBe(true)
  })
})

describe('background blur in the call', () => {
  it('is off from the start, and switched on sends and shows the blurred camera', async () => {
    const { makers, processing, sent, shown } = await setUp()
    expect(processing.current.blur).toBe(false)
    expect(shown()).toBe('camera-2')
    await processing.setBlur(true)
    expect(sent.video?.id).toBe('blurred-camera-2')
    expect(shown()).toBe('blurred-camera-2')
    expect(processing.current).toMatchObject({ blur: true, blurStarting: false })
    await processing.setBlur(false)
    expect(sent.video?.id).toBe('camera-2')
    expect(makers.blurs[0]!.stopped).toBe(true)
  })

  it('turns itself off when too slow: the switch goes off, the camera goes out again and the user is told', async () => {
    const { media, makers, processing, sent, shown } = await setUp()
    await processing.setBlur(true)
    makers.blurs[0]!.tooSlow()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(processing.current).toMatchObject({ blur: false, notice: 'too slow, in plain words' })
    expect(sent.video?.id).toBe('camera-2')
    expect(shown()).toBe('camera-2')
    // A camera turned off and on again stays unblurred.
    await media.toggleCamera()
    await media.toggleCamera()
    expect(sent.video?.id).toBe('camera-3')
    expect(makers.blurs).toHaveLength(1)
  })

  it('says so and stays off when it cannot start', async () => {
    const { makers, processing, sent } = await setUp()
    makers.blurFails = true
    await processing.setBlur(true)
    expect(processing.current).toMatchObject({ blur: false, blurStarting: false, notice: BLUR_FAILED })
    expect(sent.video?.id).toBe('camera-2')
  })

  it('switched off while still starting: the blur that arrives late is stopped, never sent', async () => {
    const { makers, processing, sent } = await setUp()
    makers.holdBlur = true
    const on = processing.setBlur(true)
    expect(processing.current.blurStarting).toBe(true)
    await processing.setBlur(false)
    makers.releaseBlurs()
    await on
    expect(makers.blurs[0]!.stopped).toBe(true)
    expect(sent.video?.id).toBe('camera-2')
    expect(processing.current).toMatchObject({ blur: false, blurStarting: false })
  })

  it('follows the camera: turned off and on again, the new camera track is blurred and the old blur stopped', async () => {
    const { media, makers, processing, sent } = await setUp()
    await processing.setBlur(true)
    await media.toggleCamera()
    expect(makers.blurs[0]!.stopped).toBe(true)
    expect(sent.video).toBeNull()
    await media.toggleCamera()
    expect(sent.video?.id).toBe('blurred-camera-3')
  })
})
