import { describe, expect, it } from 'vitest'
import { levelOfDb, loudestLevel, TalkDetector } from '../../../src/renderer/src/features/call/audio-level'

const RATE = 48_000
const BUFFER = 32_768
const BLOCK = RATE / 100

/** Chromium's fake microphone: a 20 ms beep every 500 ms (full-scale square wave), silence between. */
function beepAt(sampleIndex: number): number {
  if (sampleIndex < 0) return 0 // before the stream began
  const inPeriod = sampleIndex % (RATE / 2)
  if (inPeriod >= RATE / 50) return 0
  return Math.floor(sampleIndex / 60) % 2 === 0 ? 0.5 : -0.5
}

/** What an analyser with the largest buffer holds at `ms` into the stream: the newest BUFFER samples. */
function analyserAt(ms: number): Float32Array {
  const end = Math.floor((ms * RATE) / 1000)
  return Float32Array.from({ length: BUFFER }, (_, index) => beepAt(end - BUFFER + index))
}

describe('the microphone level', () => {
  it('maps −60 dBFS and below to 0 and 0 dBFS to 1', () => {
    expect(levelOfDb(-90)).toBe(0)
    expect(levelOfDb(-60)).toBe(0)
    expect(levelOfDb(-30)).toBeCloseTo(0.5)
    expect(levelOfDb(0)).toBe(1)
    expect(levelOfDb(6)).toBe(1)
  })

  it('reports the loudest 10 ms among the fresh samples, wherever it sits in them', () => {
    const samples = new Float32Array(BUFFER)
    samples.fill(0.5, BUFFER - 3 * BLOCK, BUFFER - 2 * BLOCK) // one loud stretch, 20–30 ms before the newest sample
    expect(loudestLevel(samples, 4 * BLOCK, BLOCK)).toBeCloseTo(levelOfDb(20 * Math.log10(0.5)))
    // A reading that covers only the newest 10 ms does not see it.
    expect(loudestLevel(samples, BLOCK, BLOCK)).toBe(0)
  })

  it('looks no further back than the samples new since the last reading, and no further than the buffer', () => {
    const samples = new Float32Array(BUFFER)
    samples.fill(1, 0, BLOCK) // the oldest samples the analyser holds
    expect(loudestLevel(samples, BUFFER - BLOCK, BLOCK)).toBe(0)
    expect(loudestLevel(samples, 10 * BUFFER, BLOCK)).toBe(1)
    expect(loudestLevel(samples, 0, BLOCK)).toBe(0)
  })

  it('misses none of the fake microphone’s beeps when the page reads late, where the newest 512 samples miss most', () => {
    // A busy page: readings 100 ms apart, some 300 or 600 ms late.
    const readings = [100, 200, 300, 600, 700, 1300, 1400, 1500, 1600, 1700, 2000, 2600, 2700, 2800]
    // What the level meter read before: the newest 512 samples (10.7 ms) at each reading.
    const snapshotHits = readings.filter((ms) => loudestLevel(analyserAt(ms), 512, 512) >= levelOfDb(-36)).length
    // Beeps at 0, 500, …, 2500 ms: six of them, each inside some reading's fresh samples.
    const beeps = [0, 500, 1000, 1500, 2000, 2500]
    let caught = 0
    let previous = 0
    for (const ms of readings) {
      const fresh = ((ms - previous) * RATE) / 1000
      const loud = loudestLevel(analyserAt(ms), fresh, BLOCK) >= levelOfDb(-36)
      const beepsInside = beeps.filter((at) => at + 20 > previous && at < ms)
      expect(loud).toBe(beepsInside.length > 0)
      caught += loud ? beepsInside.length : 0
      previous = ms
    }
    expect(caught).toBe(beeps.length)
    expect(snapshotHits).toBeLessThan(3)
  })
})

describe('talking while muted', () => {
  it('is three loud readings within three seconds, not one, and not three spread wider', () => {
    const loud = levelOfDb(-20)
    const quiet = levelOfDb(-50)
    const detector = new TalkDetector()
    expect(detector.hear(loud, 0)).toBe(false)
    expect(detector.hear(quiet, 500)).toBe(false)
    expect(detector.hear(loud, 1_000)).toBe(false)
    expect(detector.hear(loud, 2_900)).toBe(true)

    const spread = new TalkDetector()
    expect(spread.hear(loud, 0)).toBe(false)
    expect(spread.hear(loud, 2_000)).toBe(false)
    expect(spread.hear(loud, 4_000)).toBe(false)
    expect(spread.hear(loud, 4_500)).toBe(true)
  })

  it('counts −36 dBFS as a voice and room noise below it as nothing', () => {
    const detector = new TalkDetector()
    for (const at of [0, 100, 200, 300]) expect(detector.hear(levelOfDb(-40), at)).toBe(false)
    detector.hear(levelOfDb(-36), 400)
    detector.hear(levelOfDb(-36), 500)
    expect(detector.hear(levelOfDb(-36), 600)).toBe(true)
    detector.reset()
    expect(detector.hear(levelOfDb(-36), 700)).toBe(false)
  })
})
