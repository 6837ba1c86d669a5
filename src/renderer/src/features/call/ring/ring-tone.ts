import { useEffect } from 'react'

/** Two short rising notes, then a pause: a phone ring made by the app itself, no sound file. */
const NOTES = [
  { at: 0, hz: 660 },
  { at: 0.42, hz: 880 }
] as const
const NOTE_SECONDS = 0.32
const PERIOD_MS = 2_400
const VOLUME = 0.18

/** Starts the ring; the returned function stops it and lets the audio device go. */
export function startRingTone(): () => void {
  const audio = new AudioContext()
  const play = () => {
    const start = audio.currentTime + 0.05
    for (const note of NOTES) {
      const oscillator = audio.createOscillator()
      const envelope = audio.createGain()
      oscillator.type = 'sine'
      oscillator.frequency.value = note.hz
      // A soft attack and release, so the notes do not click.
      envelope.gain.setValueAtTime(0, start + note.at)
      envelope.gain.linearRampToValueAtTime(VOLUME, start + note.at + 0.03)
      envelope.gain.linearRampToValueAtTime(0, start + note.at + NOTE_SECONDS)
      oscillator.connect(envelope).connect(audio.destination)
      oscillator.start(start + note.at)
      oscillator.stop(start + note.at + NOTE_SECONDS + 0.02)
    }
  }
  void audio.resume().catch(() => undefined)
  play()
  const timer = setInterval(play, PERIOD_MS)
  return () => {
    clearInterval(timer)
    void audio.close().catch(() => undefined)
  }
}

/** Rings while `active`. */
export function useRingTone(active: boolean): void {
  useEffect(() => (active ? startRingTone() : undefined), [active])
}
