import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'

/** 10 ms frames: RNNoise's own frame, and short enough to find the pauses between words. */
export const FRAME_MS = 10
const SAMPLE_RATE = 48_000
const FRAME = (SAMPLE_RATE * FRAME_MS) / 1000

export interface SpeechInNoise {
  /** Speech and noise mixed: the file Chromium plays as its microphone. */
  mixPath: string
  /** The clean speech's level per 10 ms frame, in dBFS (-100 for digital silence): tells speech from pause. */
  speechLevels: number[]
}

/**
 * A sentence spoken by espeak-ng with a pause after it, over pink noise mixed in by sox
 * (a fan or traffic hum); the file loops, so any few seconds of it hold speech and a pause.
 */
export function makeSpeechInNoise(dir: string): SpeechInNoise {
  const phrase = join(dir, 'phrase.wav')
  const speech = join(dir, 'speech.wav')
  const noise = join(dir, 'noise.wav')
  const mixPath = join(dir, 'speech-in-noise.wav')
  execFileSync('espeak-ng', ['-v', 'en-us', '-s', '160', '-w', phrase, 'Thanks for joining the call today.'])
  execFileSync('sox', [phrase, '-r', String(SAMPLE_RATE), '-c', '1', '-b', '16', speech, 'norm', '-3', 'pad', '0.3', '1.7'])
  const seconds = execFileSync('soxi', ['-D', speech]).toString().trim()
  execFileSync('sox', ['-n', '-r', String(SAMPLE_RATE), '-c', '1', '-b', '16', noise, 'synth', seconds, 'pinknoise', 'vol', '0.08'])
  execFileSync('sox', ['-m', speech, noise, mixPath])
  return { mixPath, speechLevels: frameLevels(readWav16(speech)) }
}

/** A 16-bit mono PCM WAV's samples, -1..1. */
function readWav16(path: string): Float32Array {
  const file = readFileSync(path)
  let offset = 12
  while (offset < file.length) {
    const id = file.toString('ascii', offset, offset + 4)
    const size = file.readUInt32LE(offset + 4)
    if (id === 'data') {
      const samples = new Float32Array(size / 2)
      for (let i = 0; i < samples.length; i++) samples[i] = file.readInt16LE(offset + 8 + i * 2) / 32768
      return samples
    }
    offset += 8 + size
  }
  throw new Error(`${path} has no data chunk`)
}

export function frameLevels(samples: ArrayLike<number>): number[] {
  const levels: number[] = []
  for (let start = 0; start + FRAME <= samples.length; start += FRAME) {
    let sum = 0
    for (let i = start; i < start + FRAME; i++) sum += samples[i]! ** 2
    levels.push(toDb(sum / FRAME))
  }
  return levels
}

const toDb = (meanSquare: number) => Math.max(-100, 10 * Math.log10(meanSquare || 1e-10))
const meanDb = (levels: number[]) => toDb(levels.reduce((sum, db) => sum + 10 ** (db / 10), 0) / levels.length)

/**
 * Where in the looping file a recording starts: the shift of the clean speech's envelope that
 * best matches the recording's (speech stands well above the noise either way).
 */
function alignment(recorded: number[], speech: number[]): number {
  const floor = (levels: number[]) => levels.map((db) => Math.max(db, -60))
  const a = floor(recorded)
  const b = floor(speech)
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length
  const ma = mean(a)
  const mb = mean(b)
  let best = 0
  let bestScore = -Infinity
  for (let shift = 0; shift < b.length; shift++) {
    let score = 0
    for (let i = 0; i < a.length; i++) score += (a[i]! - ma) * (b[(i + shift) % b.length]! - mb)
    if (score > bestScore) [best, bestScore] = [shift, score]
  }
  return best
}

export interface LevelsHeard {
  /** Mean level of the frames in the pauses, where only noise was playing, dBFS. */
  pauseDb: number
  /** Mean level of the frames where the sentence was loudest, dBFS. */
  speechDb: number
  pauseFrames: number
  speechFrames: number
}

/**
 * Splits a recording into pause and speech frames by where it sits in the file: pause frames
 * are 50 ms or more from any speech; speech frames are within 15 dB of the sentence's peak.
 */
export function levelsHeard(recorded: number[], speechLevels: number[], skipFrames = 50): LevelsHeard {
  const heard = recorded.slice(skipFrames) // the first half second: devices and filters settling
  const shift = (alignment(heard, speechLevels) + 0) % speechLevels.length
  const at = (i: number) => speechLevels[(((i + shift) % speechLevels.length) + speechLevels.length) % speechLevels.length]!
  const peak = Math.max(...speechLevels)
  const pause: number[] = []
  const speech: number[] = []
  for (let i = 0; i < heard.length; i++) {
    let nearSpeech = false
    for (let d = -5; d <= 5 && !nearSpeech; d++) nearSpeech = at(i + d) > -60
    if (!nearSpeech) pause.push(heard[i]!)
    else if (at(i) > peak - 15) speech.push(heard[i]!)
  }
  return { pauseDb: meanDb(pause), speechDb: meanDb(speech), pauseFrames: pause.length, speechFrames: speech.length }
}

/** Keeps each audio Blob the page makes (Hear yourself's recordings) in `window.__recordings`, for lastRecordingLevels. */
export async function keepRecordings(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const made: Blob[] = ((window as unknown as { __recordings: Blob[] }).__recordings = [])
    const original = URL.createObjectURL.bind(URL)
    URL.createObjectURL = (object: Blob | MediaSource) => {
      if (object instanceof Blob && object.type.startsWith('audio/')) made.push(object)
      return original(object)
    }
  })
}

/**
 * The page's last Hear-yourself recording (the page keeps them in `window.__recordings`), decoded and
 * measured in the page as dB per 10 ms frame.
 */
export function lastRecordingLevels(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const recordings = (window as unknown as { __recordings: Blob[] }).__recordings
    const context = new OfflineAudioContext(1, 48_000, 48_000)
    const decoded = await context.decodeAudioData(await recordings[recordings.length - 1]!.arrayBuffer())
    const samples = decoded.getChannelData(0)
    const frame = decoded.sampleRate / 100
    const levels: number[] = []
    for (let start = 0; start + frame <= samples.length; start += frame) {
      let sum = 0
      for (let i = start; i < start + frame; i++) sum += samples[i]! ** 2
      levels.push(Math.max(-100, 10 * Math.log10(sum / frame || 1e-10)))
    }
    return levels
  })
}
