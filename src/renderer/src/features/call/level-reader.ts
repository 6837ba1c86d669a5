import { BLOCK_MS, BUFFER_SAMPLES, loudestLevel } from './audio-level'

/** Listens to one track and tells its loudest moment since the last reading. */
export class LevelReader {
  private readonly audio = new AudioContext()
  private readonly analyser = this.audio.createAnalyser()
  private readonly samples: Float32Array<ArrayBuffer>
  private lastReadAt: number | null = null

  constructor(track: MediaStreamTrack) {
    this.analyser.fftSize = BUFFER_SAMPLES
    this.samples = new Float32Array(this.analyser.fftSize)
    this.audio.createMediaStreamSource(new MediaStream([track])).connect(this.analyser)
    void this.audio.resume().catch(() => undefined)
  }

  /** The loudest 10 ms since the last reading (`now` in ms on any steady clock). */
  read(now: number): number {
    this.analyser.getFloatTimeDomainData(this.samples)
    const sampleRate = this.audio.sampleRate
    const fresh = this.lastReadAt === null ? (sampleRate * 100) / 1000 : ((now - this.lastReadAt) * sampleRate) / 1000
    this.lastReadAt = now
    return loudestLevel(this.samples, fresh, Math.round((sampleRate * BLOCK_MS) / 1000))
  }

  close(): void {
    void this.audio.close().catch(() => undefined)
  }
}
